using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

// The content engine decides who may do what with its items, on top of the permissions and user scopes of Security
// (which knows nothing of content).

public enum ContentAction
{
    /// <summary>See the item (any version) in the back office.</summary>
    View,
    Edit,
    Publish,
    Unpublish,
    Delete,
    Clone,
    ViewHistory,
}

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

internal sealed class ContentAuthorizer : IContentAuthorizer
{
    public bool Can(UserScope user, ContentAction action, ContentItem item)
    {
        if (user.IsAdministrator)
        {
            return true;
        }

        if (!user.InScope(item.OrganizationId))
        {
            return false;
        }

        var own = item.Owner == user.UserId;
        bool Has(string any, string ownVariant) => user.Has(any) || (own && user.Has(ownVariant));

        return action switch
        {
            ContentAction.View => user.Has(ContentPermissions.PreviewContent) || (own && user.Has(ContentPermissions.ViewOwnContent)),
            ContentAction.Edit => Has(ContentPermissions.EditContent, ContentPermissions.EditOwnContent),
            ContentAction.Publish or ContentAction.Unpublish => Has(ContentPermissions.PublishContent, ContentPermissions.PublishOwnContent),
            ContentAction.Delete => Has(ContentPermissions.DeleteContent, ContentPermissions.DeleteOwnContent),
            ContentAction.Clone => user.Has(ContentPermissions.CloneContent) && Has(ContentPermissions.EditContent, ContentPermissions.EditOwnContent),
            ContentAction.ViewHistory => user.Has(ContentPermissions.ViewContentHistory) && (user.Has(ContentPermissions.PreviewContent) || own),
            _ => false,
        };
    }

    public bool CanCreate(UserScope user, ContentTypeDefinition type, string? organizationId)
    {
        if (user.IsAdministrator)
        {
            return true;
        }

        if (!type.TypeSettings.Creatable || !(user.Has(ContentPermissions.EditOwnContent) || user.Has(ContentPermissions.EditContent)))
        {
            return false;
        }

        // Types without an organisation (pages, taxonomies) belong to the Department level.
        return type.HasPart(ContentKinds.OrganizationPart) ? organizationId is not null && user.InScope(organizationId) : user.SeesUnassigned && user.Has(ContentPermissions.EditContent);
    }
}
