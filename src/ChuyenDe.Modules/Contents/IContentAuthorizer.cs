using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Decides what a user may do with a content item: the permission (the "Own" variant when the user owns the item)
/// and the organisation scope (the item's organisation must be the user's or below it).
/// </summary>
public interface IContentAuthorizer
{
    bool Can(UserScope user, ContentAction action, ContentItem item);

    /// <summary>Whether the user may create items of a type for an organisation.</summary>
    bool CanCreate(UserScope user, ContentTypeDefinition type, string? organizationId);
}
