using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// Builds the honour roll (<c>/guong-dien-hinh</c>) from the published decisions: filtered by phase or school year,
/// issuing level and district (the district office above the recipient's unit); a value that is no option is ignored.
/// </summary>
public sealed class HonourRollService(
    ICommendationQuery query,
    IOrganizationService organizations,
    IContentQueryService contents,
    IStringLocalizer<CommendationsResources> T)
{
    public async Task<HonourRollView> BuildAsync(string? phase, string? level, string? district, CancellationToken ct)
    {
        var all = await query.PublishedAsync(ct);
        var tree = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        Organization? DistrictOf(string? id)
        {
            for (var depth = 0; id is not null && tree.TryGetValue(id, out var unit) && depth < 16; depth++)
            {
                if (unit.Kind == OrganizationKind.DistrictOffice)
                {
                    return unit;
                }

                id = unit.ParentId;
            }

            return null;
        }

        var periods = all.Select(c => c.Period).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
        var districts = all.Select(c => DistrictOf(c.OrganizationId)).OfType<Organization>()
            .DistinctBy(d => d.Id).OrderBy(d => d.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        phase = periods.Contains(phase ?? "") ? phase : null;
        var chosenLevel = Enum.TryParse<IssuingLevel>(level, false, out var l) && Enum.IsDefined(l) ? l : (IssuingLevel?)null;
        district = districts.Any(d => d.Id == district) ? district : null;

        var shown = all
            .Where(c => phase is null || c.Period == phase)
            .Where(c => chosenLevel is null || c.Level == chosenLevel)
            .Where(c => district is null || DistrictOf(c.OrganizationId)?.Id == district)
            .ToList();
        var items = (await contents.GetPublishedAsync(shown.SelectMany(c => c.ContentItemIds).Distinct(StringComparer.Ordinal), ct))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        HonourRollEntry Entry(PublishedCommendation c) => new(c,
            c.OrganizationId is { } id && tree.TryGetValue(id, out var unit) ? unit.Name : null,
            DistrictOf(c.OrganizationId)?.Name,
            c.ContentItemIds.Where(items.ContainsKey).Select(id => new HonourRollLink(items[id].DisplayText, ContentDisplayBuilder.ItemUrl(items[id]))).ToList());

        var filters = new List<FilterGroup>
        {
            new("phase", T["Phase or school year"], periods.Select(p => new FilterOption(p, p, 0, p == phase)).ToList()),
            new("level", T["Issuing level"], Enum.GetValues<IssuingLevel>()
                .Select(v => new FilterOption(v.ToString(), CommendationText.Level(T, v), 0, v == chosenLevel)).ToList()),
            new("district", T["District"], districts.Select(d => new FilterOption(d.Id, d.Name, 0, d.Id == district)).ToList()),
        };
        return new HonourRollView(filters,
            shown.Where(c => c.Kind == RecipientKind.Collective).Select(Entry).ToList(),
            shown.Where(c => c.Kind == RecipientKind.Individual).Select(Entry).ToList());
    }
}
