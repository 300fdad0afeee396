using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Organizations;
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
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IStringLocalizer<HistoryResources> T) : IVersionComparer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

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
            switch (part.PartName)
            {
                case ContentKinds.TitlePart:
                    fields.Add(Compare($"{part.Name}.Title", partLabel ?? T["Title"], null, "text", false,
                        Lines(Text(oldPart?["Title"])), Lines(Text(newPart?["Title"]))));
                    break;
                case ContentKinds.AutoroutePart:
                    fields.Add(Compare($"{part.Name}.Path", partLabel ?? T["Address"], null, "path", false,
                        PathLines(oldPart), PathLines(newPart)));
                    break;
                case ContentKinds.MarkdownBodyPart:
                    fields.Add(Compare($"{part.Name}.Markdown", partLabel ?? T["Body (Markdown)"], null, "markdown", true,
                        TextDiff.SplitLines(Text(oldPart?["Markdown"])), TextDiff.SplitLines(Text(newPart?["Markdown"]))));
                    break;
                case ContentKinds.HtmlBodyPart:
                    fields.Add(Compare($"{part.Name}.Html", partLabel ?? T["Body (HTML)"], null, "html", true,
                        TextDiff.SplitLines(Text(oldPart?["Html"])), TextDiff.SplitLines(Text(newPart?["Html"]))));
                    break;
                case ContentKinds.TaxonomyPart:
                    fields.Add(Compare($"{part.Name}.Terms", partLabel ?? T["Terms"], null, "terms", true,
                        TermTreeLines(oldPart?["Terms"] as JsonArray), TermTreeLines(newPart?["Terms"] as JsonArray)));
                    break;
                case ContentKinds.TermPart:
                    fields.Add(Compare($"{part.Name}.TaxonomyContentItemId", partLabel ?? T["Taxonomy"], null, "taxonomy", false,
                        await TaxonomyLinesAsync(Text(oldPart?["TaxonomyContentItemId"]), ct),
                        await TaxonomyLinesAsync(Text(newPart?["TaxonomyContentItemId"]), ct)));
                    break;
                case ContentKinds.PublishLaterPart:
                    fields.Add(Compare($"{part.Name}.ScheduledPublishUtc", partLabel ?? T["Scheduled publishing"], null, "datetime", false,
                        DateTimeLines(Text(oldPart?["ScheduledPublishUtc"]), site), DateTimeLines(Text(newPart?["ScheduledPublishUtc"]), site)));
                    break;
                case ContentKinds.OrganizationPart:
                    fields.Add(Compare($"{part.Name}.OrganizationId", partLabel ?? T["Organisation"], null, "organization", false,
                        await OrganizationLinesAsync(Text(oldPart?["OrganizationId"]), ct),
                        await OrganizationLinesAsync(Text(newPart?["OrganizationId"]), ct)));
                    break;
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

    /// <summary>Part values that read better whole: a changed date, not a changed digit (fields: their driver says).</summary>
    private static readonly HashSet<string> WholeValueKinds = new(StringComparer.Ordinal) { "datetime", "organization", "taxonomy" };

    private static FieldComparison Compare(string key, string label, string? group, string kind, bool multiline,
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
        => new(key, label, group, kind, multiline, oldLines, newLines, TextDiff.Lines(oldLines, newLines, !WholeValueKinds.Contains(kind)));

    /// <summary>A field's readable lines from its kind's driver; the JSON itself for a kind no driver handles.</summary>
    private static async Task<IReadOnlyList<string>> FieldLinesAsync(IFieldDriver? driver, ContentPartFieldDefinition field, JsonObject? json,
        SiteSettings site, CancellationToken ct)
        => json is null ? [] : driver is null ? JsonLines(json) : await driver.DiffLinesAsync(new FieldContext(field, json, site), ct);

    private async Task<IReadOnlyList<string>> TaxonomyLinesAsync(string? taxonomyId, CancellationToken ct)
        => string.IsNullOrEmpty(taxonomyId)
            ? []
            : [await taxonomies.GetTaxonomyAsync(taxonomyId, ct) is { } taxonomy ? taxonomy.Title : taxonomyId];

    private async Task<IReadOnlyList<string>> OrganizationLinesAsync(string? organizationId, CancellationToken ct)
        => string.IsNullOrEmpty(organizationId)
            ? []
            : [await organizations.GetAsync(organizationId, ct) is { } organization ? organization.Name : T["{0} (organisation no longer exists)", organizationId]];

    private static IReadOnlyList<string> PathLines(JsonObject? autoroute)
        => Text(autoroute?["Path"]) is { Length: > 0 } path ? ["/" + path] : [];

    private static IReadOnlyList<string> DateTimeLines(string? value, SiteSettings site)
        => !string.IsNullOrEmpty(value) && ContentJson.TryParseDate(value, out var utc)
            ? [site.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", Vietnamese)]
            : [];

    /// <summary>The terms of a taxonomy, one per line, children indented under their parent.</summary>
    private static IReadOnlyList<string> TermTreeLines(JsonArray? terms)
    {
        var lines = new List<string>();

        void Walk(JsonArray? level, int depth)
        {
            foreach (var term in level?.OfType<JsonObject>() ?? [])
            {
                var title = Text(term["TitlePart"]?["Title"]) ?? Text(term["DisplayText"]) ?? Text(term["ContentItemId"]) ?? "";
                lines.Add(new string(' ', depth * 4) + "– " + title);
                Walk(term["Terms"] as JsonArray, depth + 1);
            }
        }

        Walk(terms, 0);
        return lines;
    }

    private static IReadOnlyList<string> JsonLines(JsonNode? node)
        => node is null ? [] : TextDiff.SplitLines(node.ToJsonString(ContentJson.Indented));

    private static IReadOnlyList<string> Lines(string? text) => string.IsNullOrEmpty(text) ? [] : [text];

    private static string? PartDisplayName(ContentTypePartDefinition part)
        => Text(part.Settings["ContentTypePartSettings"]?["DisplayName"]) is { Length: > 0 } name ? name : null;

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
