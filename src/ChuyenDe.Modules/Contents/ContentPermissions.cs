using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentPermissions : IPermissionProvider
{
    public IEnumerable<Permission> GetPermissions() =>
    [
        new("ViewContent", "View published content"),
        new("PreviewContent", "Preview unpublished content of others in scope", ["EditContent", "PublishContent"]),
        new("ViewOwnContent", "View own content", ["EditOwnContent"]),
        new("EditOwnContent", "Edit own content", ["EditContent"]),
        new("EditContent", "Edit content in scope"),
        new("PublishOwnContent", "Publish own content", ["PublishContent"]),
        new("PublishContent", "Publish content in scope"),
        new("DeleteOwnContent", "Delete own content", ["DeleteContent"]),
        new("DeleteContent", "Delete content in scope"),
        new("CloneContent", "Clone content"),
        new("ViewContentHistory", "View the versions of content"),
        new("ManageContentDefinitions", "Manage content types, parts and fields"),
    ];
}
