using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Fields.OrganizationPart;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Editors;

/// <summary>The back office's content list: latest versions in the user's scope with filters, sorting and paging.</summary>
public sealed class ContentListService(
    IContentQueryService queries,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IContentAuthorizer authorizer,
    ContentEditorService editor,
    UserDisplayNames userNames)
{
    public const int PageSize = 20;

    public async Task<ContentListView> ListAsync(UserScope scope, ContentListFilter filter, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        var types = (await definitions.ListTypeDefinitionsAsync(ct)).Where(t => t.TypeSettings.Listable).ToList();
        var typeNames = types.ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        var allOrganizations = await organizations.ListAsync(ct);
        var organizationChoices = (await editor.OrganizationChoicesAsync(scope, null, ct)).Options;

        // Unknown filter values are dropped rather than failing: the list is then wider, never outside the scope.
        var type = filter.Type is { } t && typeNames.ContainsKey(t) ? t : null;
        var status = filter.Status switch
        {
            "Draft" => ContentStatusFilter.Draft,
            "Published" => ContentStatusFilter.Published,
            _ => ContentStatusFilter.Any,
        };
        var organization = filter.Org is { } o && organizationChoices.Any(c => c.Id == o) ? o : null;
        var term = filter.Term is { Length: > 0 and <= 64 } termId && await taxonomies.FindTermAsync(termId, ct) is not null ? filter.Term : null;
        var order = filter.Sort switch
        {
            "title" => ContentOrder.Title,
            "published" => ContentOrder.PublishedNewest,
            _ => ContentOrder.ModifiedNewest,
        };
        filter = filter with
        {
            Type = type,
            Status = status == ContentStatusFilter.Any ? null : status.ToString(),
            Org = organization,
            Term = term,
            Q = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q.Trim()[..Math.Min(filter.Q.Trim().Length, 200)],
            Sort = order switch { ContentOrder.Title => "title", ContentOrder.PublishedNewest => "published", _ => null },
            Page = Math.Clamp(filter.Page, 1, 100_000),
        };

        var query = ContentEditorService.InScope(new ContentQuery
        {
            LatestInsteadOfPublished = true,
            ContentTypes = type is null ? types.Select(x => x.Name).ToList() : [type],
            Status = status,
            TitleContains = filter.Q,
            TermGroups = term is null ? [] : [[term]],
            Order = order,
            Page = filter.Page,
            PageSize = PageSize,
        }, scope);
        if (organization is not null)
        {
            // A unit and everything below it, never more than the scope.
            var subtree = await organizations.GetSubtreeIdsAsync(organization, ct);
            query = query with
            {
                OrganizationIds = subtree.Where(id => scope.IsAdministrator || scope.OrganizationIds.Contains(id)).ToList(),
                IncludeWithoutOrganization = false,
            };
        }

        var page = await queries.QueryAsync(query, ct);
        var published = (await queries.GetPublishedAsync(page.Items.Where(i => !i.Published).Select(i => i.ContentItemId), ct))
            .Select(i => i.ContentItemId).ToHashSet(StringComparer.Ordinal);
        var ownerIds = page.Items.SelectMany(i => new[] { i.Owner, i.Author }).Where(id => id.Length > 0).Distinct().ToList();
        var owners = await userNames.GetAsync(ownerIds, ct);

        var rows = new List<ContentRowView>();
        foreach (var item in page.Items)
        {
            var organizationId = item.OrganizationId;
            var hasPublished = item.Published || published.Contains(item.ContentItemId);
            var canView = authorizer.Can(scope, ContentAction.View, item);
            rows.Add(new ContentRowView(
                item.ContentItemId,
                string.IsNullOrWhiteSpace(item.DisplayText) ? item.ContentItemId : item.DisplayText,
                typeNames.GetValueOrDefault(item.ContentType, item.ContentType),
                item.Published,
                hasPublished,
                ItemSchedule.ScheduledUtc(item) is { } scheduled ? site.ToLocal(scheduled) : null,
                organizationId is null ? null : allOrganizations.FirstOrDefault(x => x.Id == organizationId) is { } unit ? unit.ShortName ?? unit.Name : organizationId,
                owners.GetValueOrDefault(item.Owner, item.Owner),
                owners.GetValueOrDefault(item.Author, item.Author),
                item.ModifiedUtc is { } m ? site.ToLocal(m) : null,
                item.PublishedUtc is { } p ? site.ToLocal(p) : null,
                item.Published && ContentDisplayBuilder.ItemUrl(item) is not "/" and var url ? url : null,
                new ContentRowActions(
                    canView && authorizer.Can(scope, ContentAction.Edit, item),
                    canView,
                    canView && hasPublished && authorizer.Can(scope, ContentAction.Unpublish, item),
                    canView && authorizer.Can(scope, ContentAction.Clone, item) && types.FirstOrDefault(x => x.Name == item.ContentType) is { } itemType
                                && authorizer.CanCreate(scope, itemType, organizationId),
                    canView && authorizer.Can(scope, ContentAction.Delete, item) && (!hasPublished || authorizer.Can(scope, ContentAction.Unpublish, item)))));
        }

        var termGroups = new List<TermGroupOption>();
        foreach (var taxonomy in await taxonomies.ListTaxonomiesAsync(ct))
        {
            termGroups.Add(new TermGroupOption(taxonomy.Title, taxonomy.Terms.Select(x => new EditorOption(x.ContentItemId, x.Title, x.Depth)).ToList()));
        }

        var creatable = (await editor.CreatableTypesAsync(scope, ct)).Select(x => new EditorOption(x.Name, x.DisplayName)).ToList();
        return new ContentListView(
            filter,
            rows,
            page.Total,
            page.Page,
            page.PageCount,
            types.Select(x => new EditorOption(x.Name, x.DisplayName)).ToList(),
            organizationChoices.Select(x => new EditorOption(x.Id, x.Name,
                ItemOrganizationChoices.Depth(x, allOrganizations) - organizationChoices.Min(o => ItemOrganizationChoices.Depth(o, allOrganizations)))).ToList(),
            termGroups,
            creatable);
    }
}
