using System.Globalization;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library;

/// <summary>The badges of an item's active curations, for the display builder (none when curation is not part of the site).</summary>
internal sealed class CurationBadges(IEnumerable<ICurationQuery> curationQueries, IStringLocalizer<LibraryResources> T) : IContentBadgeSource
{
    public async Task<IReadOnlyList<ContentBadge>> GetBadgesAsync(string contentItemId, CancellationToken ct = default)
    {
        var badges = new List<ContentBadge>();
        foreach (var query in curationQueries)
        {
            badges.AddRange(Badges(await query.GetActiveAsync(contentItemId, ct), T));
        }

        return badges;
    }

    /// <summary>"Sản phẩm điển hình cấp …" with the citation; "Mô hình điểm cấp … — theme — year".</summary>
    public static IEnumerable<ContentBadge> Badges(IEnumerable<CurationInfo> curations, IStringLocalizer<LibraryResources> T)
    {
        static string Lower(string? text) => string.IsNullOrEmpty(text) ? "" : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

        foreach (var c in curations)
        {
            if (c.Kind == CurationKinds.Exemplary)
            {
                yield return new ContentBadge(c.Kind, T["Exemplary product {0}", Lower(c.LevelName)], c.Citation);
            }
            else if (c.Kind == CurationKinds.ModelSite)
            {
                var title = string.Join(" — ", new[] { T["Model site {0}", Lower(c.LevelName)].Value, c.ThemeName, c.SchoolYearName }
                    .Where(s => !string.IsNullOrEmpty(s)));
                yield return new ContentBadge(c.Kind, title, c.Citation);
            }
        }
    }
}
