using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

/// <summary>The permissions of the content engine; other modules name them through these constants.</summary>
public sealed class ContentPermissions : IPermissionProvider
{
    public const string ViewContent = nameof(ViewContent);
    public const string PreviewContent = nameof(PreviewContent);
    public const string ViewOwnContent = nameof(ViewOwnContent);
    public const string EditOwnContent = nameof(EditOwnContent);
    public const string EditContent = nameof(EditContent);
    public const string PublishOwnContent = nameof(PublishOwnContent);
    public const string PublishContent = nameof(PublishContent);
    public const string DeleteOwnContent = nameof(DeleteOwnContent);
    public const string DeleteContent = nameof(DeleteContent);
    public const string CloneContent = nameof(CloneContent);
    public const string ViewContentHistory = nameof(ViewContentHistory);
    public const string ManageContentDefinitions = nameof(ManageContentDefinitions);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewContent, "View published content"),
        new(PreviewContent, "Preview unpublished content of others in scope", [EditContent, PublishContent]),
        new(ViewOwnContent, "View own content", [EditOwnContent]),
        new(EditOwnContent, "Edit own content", [EditContent]),
        new(EditContent, "Edit content in scope"),
        new(PublishOwnContent, "Publish own content", [PublishContent]),
        new(PublishContent, "Publish content in scope"),
        new(DeleteOwnContent, "Delete own content", [DeleteContent]),
        new(DeleteContent, "Delete content in scope"),
        new(CloneContent, "Clone content"),
        new(ViewContentHistory, "View the versions of content"),
        new(ManageContentDefinitions, "Manage content types, parts and fields"),
    ];
}
