namespace ChuyenDe.Modules.Commendations;

/// <summary>A decision as typed in the form (the date as <c>yyyy-MM-dd</c>, the level by its name).</summary>
public sealed class DecisionForm
{
    public string? Number { get; set; }

    public string? Date { get; set; }

    public string? Level { get; set; }

    public string? Title { get; set; }

    public string? Period { get; set; }

    public string? FilePath { get; set; }

    /// <summary>A proposal to accept into the decision once it is created (from the proposals page).</summary>
    public string? ProposalKey { get; set; }
}
