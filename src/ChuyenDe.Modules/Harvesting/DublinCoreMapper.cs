using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Licensing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// An item's simple Dublin Core (<c>oai_dc</c>), as written down in <c>docs/harvesting.md</c>: title, creators (the
/// authors), subjects (criteria, development areas, model-site themes), description (the summary), publisher (the
/// Department at the top of the unit's tree), contributor (the unit), date, type (DCMI type and the local type),
/// formats (MIME types of the attached files), identifier (the canonical address), language, coverage (district and
/// school years) and rights (the licence's URI). Elements come in that order; empty values are left out.
/// </summary>
internal sealed class DublinCoreMapper(
    OaiSets sets,
    ITaxonomyService taxonomies,
    IContentDefinitionManager definitions,
    PublicAddresses addresses,
    IStringLocalizer<HarvestingResources> T)
{
    /// <summary>The taxonomies whose terms are the item's subjects.</summary>
    public static readonly string[] SubjectTaxonomies = [OaiSets.CriteriaTaxonomy, "tax-development-areas", "tax-model-site-themes"];

    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

    public async Task<IReadOnlyList<DublinCoreElement>> MapAsync(ContentItem item, string? siteName, CancellationToken ct)
    {
        var elements = new List<DublinCoreElement>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                elements.Add(new DublinCoreElement(name, value.Trim()));
            }
        }

        var part = item.Part(item.ContentType);
        string? Text(string field) => ContentValidator.Text((part?[field] as JsonObject)?["Text"]);

        Add("title", item.DisplayText);
        foreach (var author in (Text("Authors") ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add("creator", author);
        }

        foreach (var taxonomy in SubjectTaxonomies)
        {
            foreach (var termId in OaiSets.ChosenTerms(item, taxonomy).Distinct(StringComparer.Ordinal))
            {
                Add("subject", (await taxonomies.FindTermAsync(termId, ct))?.Title);
            }
        }

        Add("description", Text("Summary"));
        var units = item.OrganizationId is { } organizationId ? await sets.UnitPathAsync(organizationId, ct) : [];
        Add("publisher", units.Count > 0 ? units[0].Name : siteName);
        if (units.Count > 0)
        {
            Add("contributor", units[^1].Name);
        }

        if (item.PublishedUtc is { } published)
        {
            Add("date", published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Add("type", DcmiType(item.ContentType));
        Add("type", (await definitions.GetTypeDefinitionAsync(item.ContentType, ct))?.DisplayName);
        foreach (var format in MediaPaths(part).Select(MimeType).Distinct(StringComparer.Ordinal))
        {
            Add("format", format);
        }

        if (ContentParts.Path(item) is { Length: > 0 } path)
        {
            Add("identifier", addresses.Absolute("/" + path.Trim('/')));
        }

        Add("language", "vi");
        if (units.Count > 1)
        {
            Add("coverage", units[1].Name);
        }

        foreach (var termId in OaiSets.ChosenTerms(item, OaiSets.SchoolYearsTaxonomy).Distinct(StringComparer.Ordinal))
        {
            Add("coverage", (await taxonomies.FindTermAsync(termId, ct))?.Title);
        }

        var licence = Text("License");
        Add("rights", LicenseCatalog.Find(licence) is { } found ? found.Uri ?? T["All rights reserved"].Value : licence);
        return elements;
    }

    /// <summary>The DCMI type of a content type: events are <c>Event</c>, everything else the library holds is <c>Text</c>.</summary>
    public static string DcmiType(string contentType) => contentType == "Event" ? "Event" : "Text";

    private static string MimeType(string path)
        => MimeTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    /// <summary>The files of the item's media fields (attachments, images, videos).</summary>
    private static IEnumerable<string> MediaPaths(JsonObject? part)
    {
        foreach (var (_, field) in part ?? new JsonObject())
        {
            if (field is JsonObject f && f["Paths"] is JsonArray paths)
            {
                foreach (var path in paths.Select(ContentValidator.Text).Where(p => !string.IsNullOrWhiteSpace(p)))
                {
                    yield return path!;
                }
            }
        }
    }
}
