using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.History;

/// <summary>One field (or part value) of two versions: its label, its readable lines in each and their diff.</summary>
public sealed record FieldComparison(
    string Key,
    string Label,
    string? Group,
    string Kind,
    bool Multiline,
    IReadOnlyList<string> OldLines,
    IReadOnlyList<string> NewLines,
    IReadOnlyList<DiffLine> Diff)
{
    public bool Changed => Diff.Any(l => l.Kind != DiffKind.Unchanged);

    /// <summary>The label with the part it belongs to when that is not the type's own part, e.g. "Thuật ngữ › Mã".</summary>
    public string FullLabel => Group is null ? Label : $"{Group} › {Label}";
}

public sealed record VersionComparison(IReadOnlyList<FieldComparison> Fields)
{
    public IReadOnlyList<FieldComparison> Changed => Fields.Where(f => f.Changed).ToList();

    public IReadOnlyList<FieldComparison> Unchanged => Fields.Where(f => !f.Changed).ToList();
}

/// <summary>Compares two versions of an item field by field, with values made readable (titles, names, local dates).</summary>
public interface IVersionComparer
{
    Task<VersionComparison> CompareAsync(ContentItem from, ContentItem to, CancellationToken ct = default);
}

internal sealed class VersionComparer(
    IContentDefinitionManager definitions,
    IFieldDrivers drivers,
    ISiteSettingsService settings,
    IStringLocalizer<HistoryResources> T) : IVersionComparer
{
    public async Task<VersionComparison> CompareAsync(ContentItem from, ContentItem to, CancellationToken ct = default)
    {
        var type = await definitions.GetTypeDefinitionAsync(to.ContentType, ct)
                   ?? await definitions.GetTypeDefinitionAsync(from.ContentType, ct);
        var site = await settings.GetAsync(ct);
        var fields = new List<FieldComparison>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in type?.Parts ?? [])
        {
            known.Add(part.Name);
            var partLabel = PartDisplayName(part);
            var group = part.Name == type!.Name ? null : partLabel ?? part.Name;
            var oldPart = from.Part(part.Name);
            var newPart = to.Part(part.Name);
            if (drivers.GetPart(part.PartName) is { Diff: { } diff } partDriver)
            {
                var oldLines = await partDriver.DiffLinesAsync(oldPart, site, ct);
                var newLines = await partDriver.DiffLinesAsync(newPart, site, ct);
                fields.Add(new FieldComparison($"{part.Name}.{diff.Property}", partLabel ?? diff.Label, null, diff.Kind, diff.Multiline,
                    oldLines, newLines, TextDiff.Lines(oldLines, newLines, !diff.WholeValue)));
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                var oldField = oldPart?[field.Name] as JsonObject;
                var newField = newPart?[field.Name] as JsonObject;
                var driver = drivers.Get(field.FieldName);
                var oldLines = await FieldLinesAsync(driver, field, oldField, site, ct);
                var newLines = await FieldLinesAsync(driver, field, newField, site, ct);
                fields.Add(new FieldComparison($"{part.Name}.{field.Name}", field.DisplayName, group, field.FieldName,
                    driver?.DiffMultiline(field) ?? false, oldLines, newLines,
                    TextDiff.Lines(oldLines, newLines, !(driver?.DiffWholeValue ?? false))));
            }
        }

        // Parts the definition no longer has (or an item whose type is gone): their JSON, so nothing goes unseen.
        var others = from.Content.Select(p => p.Key).Concat(to.Content.Select(p => p.Key))
            .Where(k => !known.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in others)
        {
            fields.Add(Compare(name, name, T["Other data"], "json", true, JsonLines(from.Content[name]), JsonLines(to.Content[name])));
        }

        return new VersionComparison(fields);
    }

    private static FieldComparison Compare(string key, string label, string? group, string kind, bool multiline,
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
        => new(key, label, group, kind, multiline, oldLines, newLines, TextDiff.Lines(oldLines, newLines));

    /// <summary>A field's readable lines from its kind's driver; the JSON itself for a kind no driver handles.</summary>
    private static async Task<IReadOnlyList<string>> FieldLinesAsync(IFieldDriver? driver, ContentPartFieldDefinition field, JsonObject? json,
        SiteSettings site, CancellationToken ct)
        => json is null ? [] : driver is null ? JsonLines(json) : await driver.DiffLinesAsync(new FieldContext(field, json, site), ct);

    private static IReadOnlyList<string> JsonLines(JsonNode? node)
        => node is null ? [] : TextDiff.SplitLines(node.ToJsonString(ContentJson.Indented));

    private static string? PartDisplayName(ContentTypePartDefinition part)
        => Text(part.Settings["ContentTypePartSettings"]?["DisplayName"]) is { Length: > 0 } name ? name : null;

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
