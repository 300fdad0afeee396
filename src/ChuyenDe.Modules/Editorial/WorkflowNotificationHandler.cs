using ChuyenDe.Modules.Notifications;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// Tells the people a transition concerns: the curators of the reviewing unit of a new or forwarded submission (or of
/// a withdrawn one), the author of a decision, the user a submission was handed or assigned to. Never the actor.
/// </summary>
internal sealed class WorkflowNotificationHandler(IEnumerable<INotifier> notifiers, IStringLocalizer<EditorialResources> T) : IWorkflowEventHandler
{
    public async Task TransitionedAsync(WorkflowTransitionEvent e, CancellationToken ct)
    {
        var (action, transition, item, record, scope) = e;
        var author = new[] { record.OwnerUserId, record.SubmittedByUserId }.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var reviewUrl = $"/admin/duyet/{Uri.EscapeDataString(item.ContentItemId)}";
        var itemUrl = $"/admin/noi-dung/{Uri.EscapeDataString(item.ContentItemId)}";
        var title = item.DisplayText;
        var reasons = transition.Reasons is { Length: > 0 } r ? "\n\n" + T["Reasons:"] + "\n" + r : "";
        NotificationRecipients? to = null;
        NotificationMessage? message = null;
        string Key(string kind) => $"{kind}:{item.ContentItemId}:{transition.Id}";
        switch (action)
        {
            case WorkflowAction.Submit:
            case WorkflowAction.Forward:
                to = new NotificationRecipients
                {
                    OrganizationPermissions = [(record.ReviewOrganizationId!, WorkflowPermissions.Review)],
                    ExceptUserId = scope.UserId,
                };
                message = new NotificationMessage
                {
                    EventKey = Key("SubmissionReceived"),
                    Kind = "SubmissionReceived",
                    Subject = T["New submission to review: {0}", title],
                    Body = T["“{0}” waits for your review (step {1}/{2}).", title, record.Step, record.TotalSteps],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
            case WorkflowAction.Withdraw:
                // The curators who were told of the submission hear that it was taken back.
                to = new NotificationRecipients
                {
                    OrganizationPermissions = [(record.ReviewOrganizations.FirstOrDefault() ?? "", WorkflowPermissions.Review)],
                    ExceptUserId = scope.UserId,
                };
                message = new NotificationMessage
                {
                    EventKey = Key("Withdrawn"),
                    Kind = "Withdrawn",
                    Subject = T["Submission withdrawn: {0}", title],
                    Body = T["{0} withdrew “{1}” before review.", scope.DisplayName, title],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
            case WorkflowAction.Return:
            case WorkflowAction.Reject:
            case WorkflowAction.Approve:
            case WorkflowAction.Publish:
                to = new NotificationRecipients { UserIds = author, ExceptUserId = scope.UserId };
                message = new NotificationMessage
                {
                    EventKey = Key(action.ToString()),
                    Kind = action.ToString(),
                    Subject = action switch
                    {
                        WorkflowAction.Return => T["Returned for changes: {0}", title],
                        WorkflowAction.Reject => T["Not accepted: {0}", title],
                        WorkflowAction.Approve => T["Approved: {0}", title],
                        _ => T["Published: {0}", title],
                    },
                    Body = (action switch
                    {
                        WorkflowAction.Return => T["{0} returned “{1}” for changes. Fix it and submit it again.", scope.DisplayName, title],
                        WorkflowAction.Reject => T["{0} did not accept “{1}”.", scope.DisplayName, title],
                        WorkflowAction.Approve => T["{0} approved “{1}”.", scope.DisplayName, title],
                        _ => T["“{0}” is now on the public site.", title],
                    }) + reasons,
                    ContentItemId = item.ContentItemId,
                    Url = itemUrl,
                };
                break;
            case WorkflowAction.AssignReviewer:
            case WorkflowAction.Reassign:
                to = new NotificationRecipients { UserIds = [transition.TargetUserId!], ExceptUserId = scope.UserId };
                message = new NotificationMessage
                {
                    EventKey = Key(action.ToString()),
                    Kind = action.ToString(),
                    Subject = T["Assigned to you: {0}", title],
                    Body = T["{0} asked you to review “{1}”.", scope.DisplayName, title],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
        }

        if (to is null || message is null)
        {
            return;
        }

        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(to, message, ct);
        }
    }
}
