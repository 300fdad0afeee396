using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Contents;

/// <summary>Limiting a query of latest versions to what a back-office user may see.</summary>
public static class ContentQueryScope
{
    /// <summary>
    /// Items of the user's organisation and below (and items of no organisation for Department users), only their own
    /// when they may not preview others' drafts; administrators see everything.
    /// </summary>
    public static ContentQuery InScope(this ContentQuery query, UserScope scope)
    {
        if (scope.IsAdministrator)
        {
            return query;
        }

        query = query with
        {
            OrganizationIds = scope.OrganizationIds.ToList(),
            IncludeWithoutOrganization = scope.SeesUnassigned,
        };
        return scope.Has(ContentPermissions.PreviewContent) ? query : query with { Owner = scope.UserId };
    }
}
