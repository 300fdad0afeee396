using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Search;

public sealed record AdminSearchRow(SearchHit Hit, string TypeName, string? OrganizationName, DateTime ModifiedLocal, bool CanEdit);

public sealed record AdminSearchView(
    string Query,
    string? Type,
    IReadOnlyList<(string Value, string Text)> Types,
    bool Searched,
    int Total,
    IReadOnlyList<AdminSearchRow> Rows,
    PagerView Pager,
    IReadOnlyList<string> Messages,
    bool CanRebuild,
    bool AllOrganizations);

/// <summary>
/// <c>/admin/tim-kiem</c>: full-text search over the latest versions (drafts included) of the items in the user's
/// organisation subtree (administrators: everything), and the button that rebuilds the node's index.
/// </summary>
public sealed class SearchAdminController(
    ISearchService search,
    ISearchIndexMaintenance maintenance,
    IContentDefinitionManager definitions,
    IContentManager contents,
    IContentAuthorizer authorizer,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    IStringLocalizer<SearchResources> T,
    ILogger<SearchAdminController> logger) : AdminController
{
    public const string BasePath = "/admin/tim-kiem";
    public const string RebuildPermission = SearchPermissions.RebuildSearchIndex;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? q, string? type, string? page, CancellationToken ct)
    {
        var scope = Scope;

        if (!(scope.Has(ContentPermissions.PreviewContent) || scope.Has(ContentPermissions.ViewOwnContent)))
        {
            return Forbid();
        }

        var messages = new List<string>();
        var query = SearchPageBuilder.CleanQuery(q, SearchPageBuilder.MaxQueryLength, out var cut);
        if (cut)
        {
            messages.Add(T["Your search was too long: only its first {0} characters were used.", SearchPageBuilder.MaxQueryLength]);
        }

        var typeDefinitions = (await definitions.ListTypeDefinitionsAsync(ct)).Where(t => t.TypeSettings.Listable).ToList();
        var typeNames = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        var selectedType = typeDefinitions.Any(t => t.Name == type) ? type : null;
        if (!string.IsNullOrEmpty(type) && selectedType is null)
        {
            messages.Add(T["Some filters in the address are not known and were left out."]);
        }

        var pageNumber = Math.Clamp(int.TryParse(page, out var p) ? p : 1, 1, SearchPageBuilder.MaxPage);
        var canRebuild = scope.Has(RebuildPermission);
        var types = typeDefinitions.Select(t => (t.Name, t.DisplayName)).ToList();
        var empty = new AdminSearchView(query, selectedType, types, false, 0, [], new PagerView(1, 0, 0, _ => ""), messages, canRebuild, scope.IsAdministrator);
        if (query.Length == 0 && selectedType is null)
        {
            return View(empty);
        }

        var request = new SearchRequest
        {
            Query = query.Length == 0 ? null : query,
            Page = pageNumber,
            PageSize = 20,
            Sort = query.Length == 0 ? SearchSort.Newest : SearchSort.Relevance,
            Filters = selectedType is null
                ? new Dictionary<string, IReadOnlyList<string>>()
                : new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = [selectedType] },
            LatestVersions = true,
            OrganizationScope = scope.IsAdministrator ? null : scope.OrganizationIds,
        };

        SearchResults results;
        try
        {
            results = await search.SearchAsync(request, ct);
            if (results.Total > 0 && results.Hits.Count == 0 && pageNumber > results.PageCount)
            {
                messages.Add(T["There is no page {0}: showing the last page, {1}.", pageNumber, results.PageCount]);
                results = await search.SearchAsync(request with { Page = results.PageCount }, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Admin search failed for {Query}", query);
            messages.Add(T["The search is not available right now. Please try again in a moment."]);
            return View(empty);
        }

        var site = await siteSettings.GetAsync(ct);
        var organizationNames = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var rows = new List<AdminSearchRow>();
        foreach (var hit in results.Hits)
        {
            // The index answers within the scope; the item itself decides what this user may do with it.
            var item = await contents.GetAsync(hit.ContentItemId, VersionOptions.Latest, ct);
            if (item is null || !scope.InScope(item.OrganizationId) || !authorizer.Can(scope, ContentAction.View, item))
            {
                continue;
            }

            rows.Add(new AdminSearchRow(hit, typeNames.GetValueOrDefault(hit.ContentType) ?? hit.ContentType,
                hit.OrganizationId is null ? null : organizationNames.GetValueOrDefault(hit.OrganizationId),
                site.ToLocal(hit.ModifiedUtc), authorizer.Can(scope, ContentAction.Edit, item)));
        }

        var pager = new PagerView(results.Page, results.PageCount, results.Total, n => PageUrl(query, selectedType, n));
        return View(empty with { Searched = true, Total = results.Total, Rows = rows, Pager = pager });
    }

    /// <summary>Rebuilds this node's index from the database (published and latest versions).</summary>
    [HttpPost(BasePath + "/xay-dung-lai")]
    [RequirePermission(RebuildPermission)]
    public async Task<IActionResult> Rebuild(CancellationToken ct)
    {
        try
        {
            await maintenance.RebuildAsync(ct);
            Flash(T["The search index was rebuilt."]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Rebuilding the search index failed");
            Flash(T["The search index could not be rebuilt. The details are in the server log."]);
        }

        return Redirect(BasePath);
    }

    private static string PageUrl(string query, string? type, int page)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (query.Length > 0)
        {
            parameters.Add(new("q", query));
        }

        if (type is not null)
        {
            parameters.Add(new("type", type));
        }

        if (page > 1)
        {
            parameters.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return BasePath + Microsoft.AspNetCore.Http.QueryString.Create(parameters);
    }
}

/// <summary>The admin menu entry of the search (to be registered by <c>AddSearchModule</c>).</summary>
internal sealed class SearchAdminMenu(IStringLocalizer<SearchResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Search content"], SearchAdminController.BasePath, ContentPermissions.ViewOwnContent, 12),
    ];
}
