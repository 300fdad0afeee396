namespace ChuyenDe.Modules.TopicResults;

/// <summary>The curator's list of results pages, with each page's round title.</summary>
public sealed record ResultsIndexView(IReadOnlyList<ResultsPage> Pages, IReadOnlyDictionary<int, string> RoundTitles);
