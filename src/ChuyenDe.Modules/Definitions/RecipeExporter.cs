using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Definitions;

/// <summary>Which version of each item an export carries.</summary>
public enum ExportVersion
{
    /// <summary>The latest version, draft or published: what editors see now.</summary>
    Latest,

    /// <summary>The published version only; items never published are left out.</summary>
    Published,
}

public sealed record RecipeExportRequest
{
    /// <summary>The content types to export; empty means all of them.</summary>
    public IReadOnlyCollection<string> ContentTypes { get; init; } = [];

    /// <summary>Also export the items of the chosen types (a <c>Content</c> step).</summary>
    public bool IncludeContent { get; init; }

    public ExportVersion Version { get; init; } = ExportVersion.Latest;

    /// <summary>Which items may be exported (e.g. only those in the user's organisations); null means all.</summary>
    public Func<ContentItem, bool>? IncludeItem { get; init; }
}

/// <summary>An exported recipe and what it holds.</summary>
public sealed record RecipeExport(JsonObject Recipe, string FileName, int TypeCount, int PartCount, int ItemCount)
{
    /// <summary>The recipe as the file's text: indented JSON, Vietnamese letters as they are.</summary>
    public string ToJsonString() => Recipe.ToJsonString(ContentJson.Indented);
}

/// <summary>
/// Exports content definitions (and optionally content) as an Orchard Core recipe: a <c>ContentDefinition</c>
/// step with the types and the parts they use exactly as stored, and a <c>Content</c> step with items in Orchard
/// Core's JSON. The document depends only on what it exports, so exporting the same definitions and content again
/// (here or on another site that imported it) gives the same JSON.
/// </summary>
public interface IRecipeExporter
{
    Task<RecipeExport> ExportAsync(RecipeExportRequest request, CancellationToken ct = default);
}

internal sealed class RecipeExporter(
    IContentDefinitionManager definitions,
    IContentQueryService queries,
    ISiteSettingsService settings,
    TimeProvider clock,
    IStringLocalizer<DefinitionsResources> T) : IRecipeExporter
{
    public const string RecipeName = "ChuyenDe.Export";

    public async Task<RecipeExport> ExportAsync(RecipeExportRequest request, CancellationToken ct = default)
    {
        var all = await definitions.ListTypeDefinitionsAsync(ct);
        var chosen = request.ContentTypes.Count == 0
            ? all.Select(t => t.Name).ToList()
            : all.Select(t => t.Name).Where(request.ContentTypes.Contains).ToList();
        chosen.Sort(StringComparer.Ordinal);

        var types = new JsonArray();
        var partNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in chosen)
        {
            if (await definitions.GetTypeJsonAsync(name, ct) is not { } json)
            {
                continue;
            }

            types.Add(json);
            foreach (var record in (json["ContentTypePartDefinitionRecords"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (record["PartName"] is JsonValue v && v.TryGetValue<string>(out var partName))
                {
                    partNames.Add(partName);
                }
            }
        }

        var parts = new JsonArray();
        foreach (var partName in partNames)
        {
            if (await definitions.GetPartJsonAsync(partName, ct) is { } json)
            {
                parts.Add(json);
            }
        }

        var steps = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = types,
                ["ContentParts"] = parts,
            },
        };

        var items = new JsonArray();
        if (request.IncludeContent)
        {
            foreach (var name in chosen)
            {
                foreach (var item in await ListItemsAsync(name, request, ct))
                {
                    items.Add(item.ToJson());
                }
            }

            if (items.Count > 0)
            {
                steps.Add(new JsonObject { ["name"] = "Content", ["data"] = items });
            }
        }

        var typeNames = all.Where(t => chosen.Contains(t.Name)).Select(t => t.DisplayName).ToList();
        var description = T["Content types: {0}.", string.Join(", ", typeNames)].Value;
        if (request.IncludeContent)
        {
            description += " " + (request.Version == ExportVersion.Published
                ? T["With {0} items (published versions).", items.Count]
                : T["With {0} items (latest versions).", items.Count]);
        }

        var recipe = new JsonObject
        {
            ["name"] = RecipeName,
            ["displayName"] = request.IncludeContent ? T["Exported content definitions and content"].Value : T["Exported content definitions"].Value,
            ["description"] = description,
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray("export"),
            ["tags"] = new JsonArray(),
            ["steps"] = steps,
        };

        var site = await settings.GetAsync(ct);
        var date = site.ToLocal(clock.GetUtcNow().UtcDateTime);
        var fileName = $"chuyende-export-{date:yyyy-MM-dd}.recipe.json";
        return new RecipeExport(recipe, fileName, types.Count, parts.Count, items.Count);
    }

    /// <summary>The items of a type, in the order of their ids so that two exports of the same content are identical.</summary>
    private async Task<List<ContentItem>> ListItemsAsync(string type, RecipeExportRequest request, CancellationToken ct)
    {
        var items = new List<ContentItem>();
        var query = new ContentQuery
        {
            ContentTypes = [type],
            LatestInsteadOfPublished = request.Version == ExportVersion.Latest,
            Order = ContentOrder.Title,
            PageSize = 100,
        };
        for (var page = 1; ; page++)
        {
            var result = await queries.QueryAsync(query with { Page = page }, ct);
            items.AddRange(result.Items.Where(i => request.IncludeItem?.Invoke(i) ?? true));
            if (page >= result.PageCount)
            {
                break;
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.ContentItemId, b.ContentItemId));
        return items;
    }
}
