namespace ChuyenDe.Modules.Editorial;

/// <summary>A transition of a submission as the statistics read it: the action, the step after it and when it happened.</summary>
public sealed record ReviewTransitionFact(long Id, string ContentItemId, int Round, WorkflowAction Action, int Step, DateTime OccurredUtc);
