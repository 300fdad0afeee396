namespace ChuyenDe.Modules.Contents;

/// <summary>A term of a taxonomy: its title, code and description, its parent and depth in the tree.</summary>
public sealed record TaxonomyTerm(string ContentItemId, string TaxonomyContentItemId, string Title, string? Code,
    string? Description, string? ParentId, int Depth, bool HasChildren)
{
    /// <summary>The address segment stored with the term (its <c>Slug</c> field), kept when the term is renamed; null when not set.</summary>
    public string? Slug { get; init; }
}
