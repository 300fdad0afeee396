namespace ChuyenDe.Modules.Commendations;

/// <summary>The proposals page: each round's nominations and the decisions they may be accepted into.</summary>
public sealed record ProposalsView(IReadOnlyList<ProposalGroup> Groups, IReadOnlyList<CommendationDecision> Targets)
{
    /// <summary>The proposal whose accept form is shown again with an error.</summary>
    public string? FailedKey { get; init; }
}
