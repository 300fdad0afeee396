namespace ChuyenDe.Modules.TopicResults;

/// <summary>The sources of a results page's figures.</summary>
public static class ResultSourceKinds
{
    /// <summary>Indicators of a report round, added up from the counted reports (the round's consolidation).</summary>
    public const string RoundIndicators = "RoundIndicators";
}
