using ChuyenDe.Modules.Reports;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The proposals of one report round.</summary>
public sealed record ProposalGroup(ReportRound Round, IReadOnlyList<ProposalRow> Rows);
