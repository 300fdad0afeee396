using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Editorial;

internal sealed class ReviewHistory(DbContext db) : IReviewHistory
{
    public async Task<IReadOnlyList<ReviewSubmissionFact>> SubmissionsAsync(CancellationToken ct = default)
        => (await db.Set<SubmissionRecord>().AsNoTracking()
                .Select(s => new { s.ContentItemId, s.ContentType, s.OrganizationId, s.ReviewPath })
                .ToListAsync(ct))
            .Select(s => new ReviewSubmissionFact(s.ContentItemId, s.ContentType, s.OrganizationId, s.ReviewPath.Split('|', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    public async Task<IReadOnlyList<ReviewTransitionFact>> TransitionsAsync(IReadOnlySet<string> contentItemIds, CancellationToken ct = default)
    {
        if (contentItemIds.Count == 0)
        {
            return [];
        }

        return (await db.Set<SubmissionTransitionRecord>().AsNoTracking()
                .Select(t => new ReviewTransitionFact(t.Id, t.ContentItemId, t.Round, t.Action, t.Step, t.OccurredUtc))
                .ToListAsync(ct))
            .Where(t => contentItemIds.Contains(t.ContentItemId))
            .OrderBy(t => t.Id)
            .ToList();
    }
}
