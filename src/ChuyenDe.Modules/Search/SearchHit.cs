using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

public sealed record SearchHit(
    string ContentItemId,
    string ContentType,
    string DisplayText,
    string? Path,
    string? Summary,
    /// <summary>Safe HTML: the snippet's text HTML-encoded, matched words wrapped in &lt;mark&gt;.</summary>
    string? SnippetHtml,
    string? OrganizationId,
    DateTime? PublishedUtc,
    DateTime ModifiedUtc,
    bool Published,
    float Score);
