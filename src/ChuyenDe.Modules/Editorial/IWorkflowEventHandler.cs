namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// Hears of each workflow transition inside its transaction, after the transition is saved (as the content engine's
/// <c>IContentEventHandler</c> hears of content changes): what it writes commits or rolls back with the transition.
/// Handlers run in registration order.
/// </summary>
public interface IWorkflowEventHandler
{
    Task TransitionedAsync(WorkflowTransitionEvent transition, CancellationToken ct);
}
