using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
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
    IContentManager contents,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IStringLocalizer<HistoryResources> T) : IVersionComparer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

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
                fields.Add(Compare($"{part.Name}.{field.Name}", field.DisplayName, group, field.FieldName,
                    field.FieldName == ContentKinds.TextField && field.Editor == "TextArea",
                    await FieldLinesAsync(field, oldField, site, ct), await FieldLinesAsync(field, newField, site, ct)));
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

    /// <summary>Values that read better whole: "10,5" replacing "10,776889", not a changed digit.</summary>
    private static readonly HashSet<string> WholeValueKinds = new(StringComparer.Ordinal)
    {
        ContentKinds.NumericField, ContentKinds.BooleanField, ContentKinds.DateField, ContentKinds.DateTimeField,
        ContentKinds.ContentPickerField, ContentKinds.TaxonomyField, "datetime", "organization", "taxonomy",
    };

    private static FieldComparison Compare(string key, string label, string? group, string kind, bool multiline,
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
        => new(key, label, group, kind, multiline, oldLines, newLines, TextDiff.Lines(oldLines, newLines, !WholeValueKinds.Contains(kind)));

    private async Task<IReadOnlyList<string>> FieldLinesAsync(ContentPartFieldDefinition field, JsonObject? json, SiteSettings site, CancellationToken ct)
    {
        if (json is null)
        {
            return [];
        }

        switch (field.FieldName)
        {
            case ContentKinds.TextField:
            {
                var text = Text(json["Text"]);
                if (string.IsNullOrEmpty(text))
                {
                    return [];
                }

                var option = field.PredefinedOptions?.FirstOrDefault(o => o.Value == text);
                return option is null ? TextDiff.SplitLines(text) : [option.Name.Length > 0 ? option.Name : text];
            }

            case ContentKinds.NumericField:
                return json["Value"] is { } n && TryNumber(n, out var number) ? [number.ToString("#,##0.##########", Vietnamese)] : [];
            case ContentKinds.BooleanField:
                return json["Value"] is JsonValue b && b.TryGetValue<bool>(out var flag) ? [flag ? T["Yes"] : T["No"]] : [];
            case ContentKinds.DateField:
                return Text(json["Value"]) is { Length: > 0 } d && ContentJson.TryParseDate(d, out var date)
                    ? [date.ToString("dd/MM/yyyy", Vietnamese)]
                    : [];
            case ContentKinds.DateTimeField:
                return DateTimeLines(Text(json["Value"]), site);
            case ContentKinds.LinkField:
            {
                var url = Text(json["Url"]);
                var text = Text(json["Text"]);
                if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(text))
                {
                    return [];
                }

                var line = string.IsNullOrEmpty(text) ? url! : string.IsNullOrEmpty(url) ? text : $"{text} – {url}";
                return Text(json["Target"]) == "_blank" ? [line + " " + T["(opens in a new window)"]] : [line];
            }

            case ContentKinds.MediaField:
            {
                var paths = Strings(json["Paths"]);
                var texts = json["MediaTexts"] is JsonArray t ? t.Select(Text).ToList() : [];
                return paths.Select((p, i) => i < texts.Count && !string.IsNullOrEmpty(texts[i]) ? $"{p} – {texts[i]}" : p).ToList();
            }

            case ContentKinds.ContentPickerField:
            {
                var lines = new List<string>();
                foreach (var id in Strings(json["ContentItemIds"]))
                {
                    lines.Add(await TitleOfAsync(id, ct));
                }

                return lines;
            }

            case ContentKinds.TaxonomyField:
            {
                var lines = new List<string>();
                foreach (var id in Strings(json["TermContentItemIds"]))
                {
                    lines.Add(await taxonomies.FindTermAsync(id, ct) is { } term ? term.Title : T["{0} (term no longer exists)", id]);
                }

                return lines;
            }

            default:
                return JsonLines(json);
        }
    }

    private async Task<string> TitleOfAsync(string contentItemId, CancellationToken ct)
    {
        if (_titles.TryGetValue(contentItemId, out var title))
        {
            return title;
        }

        // The published title first: a picked item of another unit may have a draft the reader must not see.
        var item = await contents.GetAsync(contentItemId, VersionOptions.Published, ct)
                   ?? await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        title = item is null ? T["{0} (item no longer exists)", contentItemId] : item.DisplayText.Length > 0 ? item.DisplayText : contentItemId;
        _titles[contentItemId] = title;
        return title;
    }

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

    private static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? array.Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList() : [];

    private static bool TryNumber(JsonNode node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }

        return value.TryGetValue(out string? s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }
}
