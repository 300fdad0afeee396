using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields;

/// <summary>What the fields of one version give its search document, filled by the drivers in the fields' order.</summary>
public sealed class FieldSearchContribution
{
    /// <summary>The summary (the first non-empty one given).</summary>
    public string? Summary { get; set; }

    /// <summary>Texts added to the searched body, in order (empty ones are skipped by the search module).</summary>
    public List<string?> BodyTexts { get; } = [];

    /// <summary>Terms chosen, as (taxonomy, term) pairs in order; the search module maps taxonomies to facets.</summary>
    public List<(string TaxonomyContentItemId, string TermContentItemId)> Terms { get; } = [];

    /// <summary>The titles of the chosen terms, searched too.</summary>
    public List<string> TermNames { get; } = [];

    /// <summary>The media files the version uses (their extracted text is searched).</summary>
    public List<string> MediaPaths { get; } = [];

    /// <summary>A string, null when absent or empty (how the search document reads values).</summary>
    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    /// <summary>The non-empty strings of an array, trimmed.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            yield break;
        }

        foreach (var element in array)
        {
            if (String(element) is { } s)
            {
                yield return s.Trim();
            }
        }
    }
}
