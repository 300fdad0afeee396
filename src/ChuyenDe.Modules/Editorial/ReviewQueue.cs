using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Reads the workflow's records: the queue of a curator or reviewer, one's own submissions, an item's history.</summary>
public sealed class ReviewQueue(DbContext db)
{
    private IQueryable<SubmissionRecord> Submissions => db.Set<SubmissionRecord>().AsNoTracking();

    public Task<SubmissionRecord?> GetRecordAsync(string contentItemId, CancellationToken ct = default)
        => Submissions.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, ct);

    public async Task<IReadOnlyList<SubmissionTransitionRecord>> TransitionsAsync(string contentItemId, CancellationToken ct = default)
        => await db.Set<SubmissionTransitionRecord>().AsNoTracking().Where(t => t.ContentItemId == contentItemId).OrderBy(t => t.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<AssessmentRecord>> AssessmentsAsync(string contentItemId, CancellationToken ct = default)
        => await db.Set<AssessmentRecord>().AsNoTracking().Where(a => a.ContentItemId == contentItemId).OrderByDescending(a => a.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<ReviewAssignmentRecord>> AssignmentsAsync(string contentItemId, int round, CancellationToken ct = default)
        => await db.Set<ReviewAssignmentRecord>().AsNoTracking().Where(a => a.ContentItemId == contentItemId && a.Round == round && a.Active)
            .OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>The submissions waiting for this user: at their unit's step (curators) or assigned to them (reviewers), oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> QueueAsync(UserScope scope, CancellationToken ct = default)
    {
        var waiting = Submissions.Where(r => r.State == SubmissionState.Submitted || r.State == SubmissionState.InReview);
        var result = new List<SubmissionRecord>();
        if (scope.Has(WorkflowPermissions.Review))
        {
            result.AddRange(scope.IsAdministrator
                ? await waiting.ToListAsync(ct)
                : await waiting.Where(r => r.ReviewOrganizationId == scope.OrganizationId).ToListAsync(ct));
        }

        if (scope.Has(WorkflowPermissions.Assess))
        {
            var assigned = await db.Set<ReviewAssignmentRecord>().AsNoTracking().Where(a => a.ReviewerUserId == scope.UserId && a.Active)
                .Select(a => new { a.ContentItemId, a.Round }).ToListAsync(ct);
            var ids = assigned.Select(a => a.ContentItemId).Distinct().ToList();
            var mine = await waiting.Where(r => ids.Contains(r.ContentItemId)).ToListAsync(ct);
            result.AddRange(mine.Where(r => assigned.Any(a => a.ContentItemId == r.ContentItemId && a.Round == r.Round)));
        }

        // Approved items wait for their curators to publish them.
        if (scope.Has(WorkflowPermissions.Review))
        {
            var approved = Submissions.Where(r => r.State == SubmissionState.Approved);
            result.AddRange(scope.IsAdministrator
                ? await approved.ToListAsync(ct)
                : await approved.Where(r => r.ReviewOrganizationId == scope.OrganizationId).ToListAsync(ct));
        }

        return result.DistinctBy(r => r.Id).Where(r => scope.InScope(r.OrganizationId)).OrderBy(r => r.StepEnteredUtc).ToList();
    }

    /// <summary>What the user submitted or owns, newest first.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> MineAsync(UserScope scope, CancellationToken ct = default)
        => await Submissions.Where(r => r.OwnerUserId == scope.UserId || r.SubmittedByUserId == scope.UserId)
            .OrderByDescending(r => r.UpdatedUtc).Take(200).ToListAsync(ct);
}
