using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>The extra facts contributors may set.</summary>
public sealed class SearchDocumentFacts
{
    public bool Exemplary { get; set; }
    public List<string> ExtraTerms { get; } = [];
}
