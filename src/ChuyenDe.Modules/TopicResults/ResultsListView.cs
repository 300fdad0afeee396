namespace ChuyenDe.Modules.TopicResults;

/// <summary>The public list of results pages, newest first, with each page's round title and local publication date.</summary>
public sealed record ResultsListView(IReadOnlyList<(ResultsPage Page, string? RoundTitle, DateTime? PublishedLocal)> Pages);
