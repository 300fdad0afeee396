using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The content engine decides who may do what with its items, on top of the permissions and user scopes of Security
/// (which knows nothing of content).
/// </summary>
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
        return ContentParts.HasOrganization(type) ? organizationId is not null && user.InScope(organizationId) : user.SeesUnassigned && user.Has(ContentPermissions.EditContent);
    }
}
