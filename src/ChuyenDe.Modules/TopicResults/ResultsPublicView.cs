namespace ChuyenDe.Modules.TopicResults;

/// <summary>A published results page as the public reads it: the page, its rendered text, its figures and its round's title.</summary>
public sealed record ResultsPublicView(ResultsPage Page, string TextHtml, IReadOnlyList<ResultBlock> Blocks, string? RoundTitle, DateTime? PublishedLocal);
