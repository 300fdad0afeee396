namespace ChuyenDe.Modules.Commendations;

/// <summary>The decisions list of the admin.</summary>
public sealed record DecisionsIndexView(IReadOnlyList<CommendationDecision> Decisions, int PendingProposals);
