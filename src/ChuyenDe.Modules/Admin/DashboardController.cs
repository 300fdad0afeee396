using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChuyenDe.Modules.Admin;

public sealed class DashboardController(
    IContentQueryService queries,
    IContentDefinitionManager definitions,
    IOrganizationDirectory organizations) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var scope = Scope;

        var inScope = new ContentQuery
        {
            LatestInsteadOfPublished = true,
            OrganizationIds = scope.IsAdministrator ? null : scope.OrganizationIds.ToList(),
            IncludeWithoutOrganization = scope.SeesUnassigned,
            ContentTypes = (await definitions.ListTypeDefinitionsAsync(ct)).Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList(),
        };
        var (drafts, published) = await queries.CountByStatusAsync(inScope, ct);
        var mine = await queries.QueryAsync(inScope with
        {
            OrganizationIds = null,
            IncludeWithoutOrganization = false,
            Owner = scope.UserId,
            Status = ContentStatusFilter.Draft,
            Order = ContentOrder.ModifiedNewest,
            PageSize = 10,
        }, ct);
        var typeNames = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName);
        var organizationName = await organizations.GetNameAsync(scope.OrganizationId, ct);
        return View(new DashboardView(scope, organizationName, mine.Items, drafts, published, typeNames));
    }
}
