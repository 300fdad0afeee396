using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editorial;

/// <summary>The permissions of the review workflow; other modules name them through these constants.</summary>
public sealed class WorkflowPermissions : IPermissionProvider
{
    public const string Submit = "SubmitContent";
    public const string Review = "ReviewSubmissions";
    public const string Assess = "AssessSubmissions";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Submit, "Submit content for review and withdraw own submissions"),
        new(Review, "Review submissions at the user's unit: claim, assign reviewers, forward, approve, return, reject, publish"),
        new(Assess, "Assess submissions one is assigned to", [Review]),
    ];
}
