namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// Applies one family of workflow actions to the submission record, after <see cref="WorkflowRules"/> allowed it.
/// Returns null when applied, or the outcome that refuses it (the workflow then rolls everything back, without an exception).
/// </summary>
public interface IWorkflowActionHandler
{
    IReadOnlyCollection<WorkflowAction> Actions { get; }

    Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct);
}
