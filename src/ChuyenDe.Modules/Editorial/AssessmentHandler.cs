using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>An assigned reviewer's assessment: ratings of criteria from 1 to 5 and a comment, for the submitted version.</summary>
internal sealed class AssessmentHandler(DbContext db, IStringLocalizer<EditorialResources> T) : IWorkflowActionHandler
{
    public IReadOnlyCollection<WorkflowAction> Actions { get; } = [WorkflowAction.Assess];

    public Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var command = context.Command;
        var ratings = command.Ratings.Where(r => r.Value != 0).ToDictionary(r => r.Key, r => r.Value);
        if (ratings.Count == 0 && string.IsNullOrWhiteSpace(command.Comment))
        {
            return Refused(T["Rate at least one criterion or write a comment."]);
        }

        if (ratings.Values.Any(v => v is < 1 or > 5) || ratings.Keys.Any(k => !k.StartsWith("crit-", StringComparison.Ordinal) || k.Length > 64))
        {
            return Refused(T["Each rating is a whole number from 1 to 5."]);
        }

        if (command.Comment is { Length: > WorkflowService.MaxCommentLength })
        {
            return Refused(T["The comment is too long (at most {0} characters).", WorkflowService.MaxCommentLength]);
        }

        var record = context.Record!;
        db.Set<AssessmentRecord>().Add(new AssessmentRecord
        {
            ContentItemId = context.Item.ContentItemId,
            Round = record.Round,
            VersionId = record.SubmittedVersionId,
            ReviewerUserId = context.Scope.UserId,
            ReviewerUserName = context.Scope.UserName,
            Ratings = JsonSerializer.Serialize(ratings),
            Comment = (command.Comment ?? "").Trim().Normalize(),
            CreatedUtc = context.Now,
        });
        return Task.FromResult<WorkflowOutcome?>(null);
    }

    private static Task<WorkflowOutcome?> Refused(string message) => Task.FromResult<WorkflowOutcome?>(new(WorkflowOutcomeKind.Invalid, message));
}
