using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Nobody changes or deletes an item while it is submitted, in review or approved and waiting to be published.</summary>
internal sealed class WorkflowChangeGuard(DbContext db, IStringLocalizer<EditorialResources> T) : IContentChangeGuard
{
    public async Task<string?> GetBlockReasonAsync(string contentItemId, ContentActor actor, CancellationToken ct)
    {
        var record = await db.Set<SubmissionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, ct);
        if (record is null || !WorkflowRules.Locked.Contains(record.State))
        {
            return null;
        }

        return record.State == SubmissionState.Approved
            ? T["“{0}” has been approved and waits to be published: it cannot be changed now.", record.DisplayText]
            : T["“{0}” is being reviewed (step {1}/{2}): it cannot be changed until it is returned or withdrawn.", record.DisplayText, record.Step, record.TotalSteps];
    }
}
