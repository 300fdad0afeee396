using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// One allowed action being applied, inside the workflow's transaction: the command, the item and its submission
/// record (created by a first submission), and what the handler found about the user the action is aimed at.
/// </summary>
public sealed class WorkflowActionContext(WorkflowCommand command, UserScope scope, WorkflowContext workflow, string? reasons, DateTime now)
{
    public WorkflowCommand Command { get; } = command;

    public UserScope Scope { get; } = scope;

    /// <summary>The item as the rules checked it.</summary>
    public WorkflowContext Workflow { get; } = workflow;

    public ContentItem Item => Workflow.Item;

    public ContentTypeDefinition Type => Workflow.Type;

    /// <summary>The submission record (tracked); null only before a first submission, which creates it.</summary>
    public SubmissionRecord? Record { get; set; } = workflow.Record;

    /// <summary>The chosen and written reasons as one text, or null when none was given.</summary>
    public string? Reasons { get; } = reasons;

    public DateTime Now { get; } = now;

    /// <summary>The user the action was aimed at (reassigned curator, assigned or removed reviewer), for the transition.</summary>
    public string? TargetUserId { get; set; }

    public string? TargetUserName { get; set; }
}
