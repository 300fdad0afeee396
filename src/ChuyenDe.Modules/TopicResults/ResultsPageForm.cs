namespace ChuyenDe.Modules.TopicResults;

/// <summary>The fields of a results page the curator edits (the figures are added one by one).</summary>
public sealed class ResultsPageForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Text { get; set; }
    public int? RoundId { get; set; }
}
