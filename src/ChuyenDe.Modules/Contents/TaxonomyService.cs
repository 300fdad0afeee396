using System.Text.Json.Nodes;
using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

internal sealed class TaxonomyService(DbContext db, IContentDefinitionManager definitions, ReferenceDataCache shared)
    : ITaxonomyService, IContentEventHandler
{
    /// <summary>The key of the taxonomies in the <see cref="ReferenceDataCache"/> (shared, read-only).</summary>
    public const string CacheKey = "Contents.Taxonomies";

    Task IContentEventHandler.CreatedAsync(ContentEvent e, CancellationToken ct) => Changed(e);
    Task IContentEventHandler.UpdatedAsync(ContentEvent e, CancellationToken ct) => Changed(e);
    Task IContentEventHandler.PublishedAsync(ContentEvent e, CancellationToken ct) => Changed(e);
    Task IContentEventHandler.RemovedAsync(ContentEvent e, CancellationToken ct) => Changed(e);

    private Task Changed(ContentEvent e)
    {
        if (ContentParts.IsTaxonomy(e.Item))
        {
            _taxonomies = null;
        }

        return Task.CompletedTask;
    }

    private Dictionary<string, Taxonomy>? _taxonomies;

    public async Task<Taxonomy?> GetTaxonomyAsync(string taxonomyContentItemId, CancellationToken ct = default)
        => (await LoadAsync(ct)).GetValueOrDefault(taxonomyContentItemId);

    public async Task<IReadOnlyList<Taxonomy>> ListTaxonomiesAsync(CancellationToken ct = default)
        => (await LoadAsync(ct)).Values.OrderBy(t => t.Title, StringComparer.Ordinal).ToList();

    public async Task<TaxonomyTerm?> FindTermAsync(string termContentItemId, CancellationToken ct = default)
    {
        foreach (var taxonomy in (await LoadAsync(ct)).Values)
        {
            if (taxonomy.Find(termContentItemId) is { } term)
            {
                return term;
            }
        }

        return null;
    }

    private async Task<Dictionary<string, Taxonomy>> LoadAsync(CancellationToken ct)
    {
        return _taxonomies ??= await shared.GetOrLoadAsync(db, CacheKey, ReadAsync, ct);
    }

    private async Task<Dictionary<string, Taxonomy>> ReadAsync(CancellationToken ct)
    {
        // Taxonomies are read from their latest version so that a draft item can already use new terms;
        // removed taxonomies have no latest version.
        var taxonomyTypes = (await definitions.ListTypeDefinitionsAsync(ct))
            .Where(ContentParts.IsTaxonomy).Select(t => t.Name).ToList();
        var rows = await db.Set<ContentItemVersionRecord>().AsNoTracking()
            .Where(r => r.Latest && taxonomyTypes.Contains(r.ContentType))
            .Select(r => new { r.ContentItemId, r.DisplayText, r.Content })
            .ToListAsync(ct);
        var result = new Dictionary<string, Taxonomy>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (JsonNode.Parse(row.Content) is not JsonObject content || !ContentParts.TryGetTaxonomyTerms(content, out var tree))
            {
                continue;
            }

            var terms = new List<TaxonomyTerm>();
            Flatten(row.ContentItemId, tree, null, 0, terms);
            result[row.ContentItemId] = new Taxonomy(row.ContentItemId, row.DisplayText, terms);
        }

        return result;
    }

    private static void Flatten(string taxonomyId, JsonArray? terms, string? parentId, int depth, List<TaxonomyTerm> into)
    {
        if (terms is null)
        {
            return;
        }

        foreach (var term in terms.OfType<JsonObject>())
        {
            var id = (term["ContentItemId"] as JsonValue)?.GetValue<string>();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            var title = ContentParts.Title(term)
                ?? (term["DisplayText"] as JsonValue)?.GetValue<string>() ?? id;
            var children = term["Terms"] as JsonArray;
            var termFields = term["Term"] as JsonObject;
            into.Add(new TaxonomyTerm(id, taxonomyId, title,
                (termFields?["Code"]?["Text"] as JsonValue)?.GetValue<string>(),
                (termFields?["Description"]?["Text"] as JsonValue)?.GetValue<string>(),
                parentId, depth, children is { Count: > 0 })
            {
                Slug = (termFields?["Slug"]?["Text"] as JsonValue)?.GetValue<string>(),
            });
            Flatten(taxonomyId, children, id, depth + 1, into);
        }
    }
}
