namespace ChuyenDe.Modules.Commendations;

/// <summary>Accepting a proposal into a decision, with the achievement the decision states.</summary>
public sealed class ProposalAcceptForm
{
    public string? Key { get; set; }

    public int? DecisionId { get; set; }

    public string? Achievement { get; set; }
}
