namespace ChuyenDe.Modules.Commendations;

/// <summary>What a Department curator decided about a proposal (a report round's nomination).</summary>
public enum ProposalState
{
    Accepted,
    Rejected,
}
