using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editorial;

/// <summary>A transition just stored (inside the workflow's transaction): what was done, to which item, by whom.</summary>
public sealed record WorkflowTransitionEvent(
    WorkflowAction Action,
    SubmissionTransitionRecord Transition,
    ContentItem Item,
    SubmissionRecord Record,
    UserScope Actor);
