using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The "commended" badge of an item whose recipient a published decision commends for it, with the decision's
/// reference. The page being answered is tagged <see cref="CommendationCache.Tag"/>, so publishing or changing a
/// decision evicts the pages and lists that show (or would show) the badge.
/// </summary>
internal sealed class CommendationBadges(ICommendationQuery query, IHttpContextAccessor http, IStringLocalizer<CommendationsResources> T) : IContentBadgeSource
{
    public const string Kind = "commendation";

    public async Task<IReadOnlyList<ContentBadge>> GetBadgesAsync(string contentItemId, CancellationToken ct = default)
    {
        if (http.HttpContext is { } context)
        {
            PageCache.Tag(context, CommendationCache.Tag);
        }

        var commendations = await query.ForItemAsync(contentItemId, ct);
        if (commendations.Count == 0)
        {
            return [];
        }

        var references = commendations
            .Select(c => CommendationText.Reference(T, c.DecisionNumber, c.DecisionDate, c.Level))
            .Distinct(StringComparer.Ordinal);
        return [new ContentBadge(Kind, T["Commended"], string.Join("; ", references))];
    }
}
