using ChuyenDe.Modules.Reports;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// One proposal (a report round's nomination) as the proposals page shows it: the nominating unit, the nomination, and
/// what was decided (null: pending), with the decision it was accepted into.
/// </summary>
public sealed record ProposalRow(string Key, string UnitOrganizationId, string UnitName, NominationEntry Nomination, CommendationProposal? Decided, CommendationDecision? Decision);
