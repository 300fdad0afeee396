using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.News;

/// <summary>A news category with a page of its own: its term and its address segment below <c>/tin-tuc</c>.</summary>
public sealed record NewsCategory(TaxonomyTerm Term, string Slug)
{
    /// <summary>The page's site path, e.g. <c>/tin-tuc/goc-phu-huynh</c>.</summary>
    public string Path => $"/{NewsCategories.ListPath}/{Slug}";

    public string Title => Term.Title;
}

/// <summary>
/// The categories of the news (the terms of the taxonomy the Article type's <c>Category</c> field uses), each with a page
/// at <c>/tin-tuc/{slug}</c>. The slug is the one stored with the term (its <c>Slug</c> field), so renaming a term keeps
/// its address; a term without one gets the slug of its name (no tone marks, words joined by hyphens). A slug that is
/// already taken, by an earlier term or by an address below the list (<c>feed</c>), is skipped: that term has no page.
/// </summary>
public sealed class NewsCategories(ITaxonomyService taxonomies)
{
    public const string ListPath = "tin-tuc";

    /// <summary>The taxonomy of the Article type's <c>Category</c> field (recipes/chuyende.recipe.json).</summary>
    public const string TaxonomyId = "tax-news-categories";

    /// <summary>The parents' corner ("Góc phụ huynh"), linked from the main navigation.</summary>
    public const string ParentsCornerTermId = "news-phu-huynh";

    /// <summary>Addresses below the list that are pages of the site, never a category.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal) { "feed", "atom", "lich.ics" };

    private IReadOnlyList<NewsCategory>? _all;

    /// <summary>The categories in the taxonomy's order.</summary>
    public async Task<IReadOnlyList<NewsCategory>> ListAsync(CancellationToken ct = default)
    {
        if (_all is not null)
        {
            return _all;
        }

        var taxonomy = await taxonomies.GetTaxonomyAsync(TaxonomyId, ct);
        if (taxonomy is null)
        {
            return _all = [];
        }

        // Every public page asks (the main menu links the parents' corner): the list is built once per loaded taxonomy.
        // The kept taxonomy is shared and never changed (Caching/ReferenceDataCache); a change of the terms loads a new one.
        return _all = ByTaxonomy.GetValue(taxonomy, Build);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Taxonomy, IReadOnlyList<NewsCategory>> ByTaxonomy = new();

    private static IReadOnlyList<NewsCategory> Build(Taxonomy taxonomy)
    {
        var seen = new HashSet<string>(Taken, StringComparer.Ordinal);
        var list = new List<NewsCategory>();
        foreach (var term in taxonomy.Terms)
        {
            var slug = Slugs.Slugify(term.Slug) is { Length: > 0 } stored ? stored : Slugs.Slugify(term.Title);
            if (slug.Length > 0 && seen.Add(slug))
            {
                list.Add(new NewsCategory(term, slug));
            }
        }

        return list;
    }

    /// <summary>The category at <paramref name="slug"/>, or null.</summary>
    public async Task<NewsCategory?> FindAsync(string slug, CancellationToken ct = default)
        => (await ListAsync(ct)).FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.Ordinal));

    /// <summary>The category of a term id, or null.</summary>
    public async Task<NewsCategory?> OfTermAsync(string termId, CancellationToken ct = default)
        => (await ListAsync(ct)).FirstOrDefault(c => c.Term.ContentItemId == termId);

    /// <summary>
    /// Whether an item path (no leading slash) is the address of a category page or of its feeds:
    /// <c>tin-tuc/goc-phu-huynh</c>, <c>tin-tuc/goc-phu-huynh/feed</c>, <c>tin-tuc/goc-phu-huynh/feed/atom</c>.
    /// </summary>
    public async Task<bool> IsCategoryPathAsync(string path, CancellationToken ct = default)
    {
        var segments = path.Trim().Trim('/').ToLowerInvariant().Split('/');
        return segments is [ListPath, _] or [ListPath, _, "feed"] or [ListPath, _, "feed", "atom"]
               && await FindAsync(segments[1], ct) is not null;
    }
}
