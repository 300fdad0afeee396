using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.StaticFiles;

namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>
/// The schema.org node of a published item's page (docs/structured-data.md has the mapping): initiatives, exemplary
/// products, model sites and official documents are <c>LearningResource</c>s with the fitting CreativeWork type, news
/// articles <c>NewsArticle</c>s, events <c>Event</c>s, other pages <c>WebPage</c>s. Built from the stored item (its
/// fields, terms and unit) and the page's display model (summary, picture, downloads), with absolute addresses and
/// dates in the site's time zone with their offset.
/// </summary>
public sealed class ItemStructuredData(
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    PublicAddresses addresses)
{
    /// <summary>The educational framework the development areas belong to.</summary>
    public const string ProgrammeFramework = "Chương trình giáo dục mầm non";

    /// <summary>The framework the criteria (the five contents of the topic) belong to.</summary>
    public const string TopicFramework = "Chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm”";

    /// <summary>The educational level of every learning resource of the library.</summary>
    public const string EducationalLevel = "Giáo dục mầm non";

    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    /// <summary>The schema.org types of each content type; types not listed are <c>WebPage</c>s.</summary>
    public static IReadOnlyList<string> TypesOf(string contentType) => contentType switch
    {
        "Initiative" => ["LearningResource", "Report"],
        "ExemplaryProduct" => ["LearningResource", "CreativeWork"],
        "ModelSite" => ["LearningResource", "CreativeWork"],
        Documents.OfficialDocument.ContentType => ["LearningResource", "DigitalDocument"],
        "Article" => ["NewsArticle"],
        Events.EventOccurrence.ContentType => ["Event"],
        _ => ["WebPage"],
    };

    public async Task<JsonObject> BuildAsync(ContentItem item, ContentDetail detail, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        var zone = site.TimeZone;
        var types = TypesOf(item.ContentType);
        var url = addresses.Absolute(detail.Card.Url);
        var node = JsonLd.Node([.. types]);
        node["@id"] = url + "#noidung";
        node["url"] = url;
        node.Text(types[0] == "NewsArticle" ? "headline" : "name", item.DisplayText);
        if (types[0] == "NewsArticle")
        {
            node["name"] = item.DisplayText;
        }

        node.Text("description", detail.Card.Summary);
        node["inLanguage"] = "vi";
        if (detail.Card.Image is { } image)
        {
            node["image"] = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = addresses.Absolute(image.Derivatives.CardJpeg),
                ["contentUrl"] = addresses.Absolute(image.Derivatives.FullJpeg),
            }.Text("caption", image.Alt);
        }

        var unit = item.OrganizationId is { } unitId ? await organizations.GetAsync(unitId, ct) : null;
        var all = await organizations.ListAsync(ct);
        var department = DepartmentOf(unit, all);
        var unitNode = unit is null ? null : StructuredDataNodes.Organization(unit, addresses.Absolute);
        var departmentNode = department is null ? null : StructuredDataNodes.Organization(department, addresses.Absolute);

        if (types[0] == "Event")
        {
            Event(node, item, unitNode, zone);
            return node;
        }

        Dates(node, item, zone);
        if (departmentNode is not null)
        {
            node["publisher"] = departmentNode;
        }

        var authors = Authors(item);
        if (authors.Count > 0)
        {
            node.Many("author", authors.Select(name => (JsonNode)JsonLd.Thing("Person").Text("name", name)));
        }
        else if (unitNode is not null)
        {
            // News and official documents are written (issued) by their unit.
            node["author"] = unitNode.DeepClone();
        }

        if (types[0] is "NewsArticle" or "WebPage")
        {
            if (types[0] == "NewsArticle" && await TermsAsync(item, "Category", ct) is [var category, ..])
            {
                node["articleSection"] = category.Title;
            }

            if (unitNode is not null && types[0] == "NewsArticle")
            {
                node["sourceOrganization"] = unitNode.DeepClone();
            }

            return node;
        }

        // Learning resources.
        if (unitNode is not null)
        {
            node["sourceOrganization"] = unitNode.DeepClone();
        }

        node["educationalLevel"] = EducationalLevel;
        node["isAccessibleForFree"] = true;
        if (LicenseCatalog.Find(Text(item, "License"))?.Uri is { } license)
        {
            node["license"] = license;
        }

        if (AgeRanges.Range(await TermsAsync(item, "AgeGroups", ct)) is { } ages)
        {
            node["typicalAgeRange"] = ages;
        }

        var kinds = (await TermsAsync(item, "ResourceKinds", ct)).Select(t => t.Title).ToList();
        if (item.ContentType == Documents.OfficialDocument.ContentType)
        {
            kinds.AddRange((await TermsAsync(item, "Kind", ct)).Select(t => t.Title));
        }

        node.Many("learningResourceType", (kinds.Count > 0 ? kinds : [detail.Card.TypeDisplayName]).Select(k => (JsonNode)JsonValue.Create(k)));

        var alignments = new List<JsonNode>();
        foreach (var term in await TermsAsync(item, "Criteria", ct))
        {
            alignments.Add(Alignment(term, TopicFramework));
        }

        foreach (var term in await TermsAsync(item, "DevelopmentAreas", ct))
        {
            alignments.Add(Alignment(term, ProgrammeFramework));
        }

        node.Many("educationalAlignment", alignments);
        node.Many("associatedMedia", detail.Downloads.Select(file => (JsonNode)Media(file)));

        if (Text(item, "Number") is { } number)
        {
            node["identifier"] = number;
        }

        if (item.ContentType == "ModelSite")
        {
            node["about"] = ModelSchool(item, unit);
        }

        return node;
    }

    /// <summary>created, published and modified, as the item's times in the site's time zone.</summary>
    private static void Dates(JsonObject node, ContentItem item, TimeZoneInfo zone)
    {
        if (item.CreatedUtc is { } created)
        {
            node["dateCreated"] = JsonLd.Date(created, zone);
        }

        if (item.PublishedUtc is { } published)
        {
            node["datePublished"] = JsonLd.Date(published, zone);
        }

        if (item.ModifiedUtc is { } modified)
        {
            node["dateModified"] = JsonLd.Date(modified, zone);
        }
    }

    private static void Event(JsonObject node, ContentItem item, JsonObject? organizer, TimeZoneInfo zone)
    {
        var occurrence = Events.EventOccurrence.From(item);
        if (occurrence.HasStart)
        {
            node["startDate"] = JsonLd.Date(occurrence.StartsUtc, zone);
        }

        if (occurrence.EndsUtc is { } ends)
        {
            node["endDate"] = JsonLd.Date(ends, zone);
        }

        // The events have no cancelled or postponed state: a published event is scheduled.
        node["eventStatus"] = "https://schema.org/EventScheduled";
        if (occurrence.Location is { } location)
        {
            var online = Slugs.Fold(location).Contains("truc tuyen", StringComparison.Ordinal);
            node["eventAttendanceMode"] = online
                ? "https://schema.org/OnlineEventAttendanceMode"
                : "https://schema.org/OfflineEventAttendanceMode";
            node["location"] = online
                ? JsonLd.Thing("VirtualLocation").Text("name", location)
                : JsonLd.Thing("Place").Text("name", location).Text("address", location);
        }

        if (organizer is not null)
        {
            node["organizer"] = organizer;
        }
    }

    /// <summary>The school a model site page is about: the item's unit (a school), its address and position.</summary>
    private JsonObject ModelSchool(ContentItem item, Organization? unit)
    {
        var school = (unit is { Kind: OrganizationKind.School } ? StructuredDataNodes.Organization(unit, addresses.Absolute) : JsonLd.Thing("Preschool").Text("name", item.DisplayText))
            .Text("address", Text(item, "Address"));
        if (Number(item, "Latitude") is { } latitude && Number(item, "Longitude") is { } longitude)
        {
            school["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = latitude, ["longitude"] = longitude };
        }

        return school;
    }

    private JsonObject Alignment(TaxonomyTerm term, string framework) => new JsonObject
    {
        ["@type"] = "AlignmentObject",
        ["alignmentType"] = "educationalSubject",
        ["educationalFramework"] = framework,
        ["targetName"] = term.Title,
        ["targetUrl"] = addresses.Absolute("/kho-hoc-lieu?term=" + Uri.EscapeDataString(term.ContentItemId)),
    }.Text("targetDescription", term.Description);

    /// <summary>A download as a MediaObject (VideoObject, AudioObject): name, absolute address and MIME type.</summary>
    private JsonObject Media(FileView file)
    {
        var mediaType = MediaTypes.TryGetContentType("f." + file.Extension.ToLowerInvariant(), out var known) ? known : "application/octet-stream";
        var type = mediaType.StartsWith("video/", StringComparison.Ordinal) ? "VideoObject"
            : mediaType.StartsWith("audio/", StringComparison.Ordinal) ? "AudioObject"
            : "MediaObject";
        return JsonLd.Thing(type).Text("name", file.Name).Text("contentUrl", addresses.Absolute(file.Url)).Text("encodingFormat", mediaType);
    }

    /// <summary>The Department above a unit (the unit itself when it is one), else the site's first Department.</summary>
    private static Organization? DepartmentOf(Organization? unit, IReadOnlyList<Organization> all)
    {
        var byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        for (var current = unit; current is not null; current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null)
        {
            if (current.Kind == OrganizationKind.Department)
            {
                return current;
            }
        }

        return all.Where(o => o.Kind == OrganizationKind.Department && o.Active).OrderBy(o => o.CreatedUtc).FirstOrDefault();
    }

    /// <summary>The people of the Authors field, separated by semicolons or lines.</summary>
    private static List<string> Authors(ContentItem item)
        => (Text(item, "Authors") ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A text field of the item's own part (named after its type), trimmed; null when empty.</summary>
    private static string? Text(ContentItem item, string field)
        => ContentValidator.Text(item.Field(item.ContentType, field)?["Text"]) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static decimal? Number(ContentItem item, string field)
        => item.Field(item.ContentType, field)?["Value"] is { } value && ContentValidator.TryNumber(value, out var number) ? number : null;

    /// <summary>The published terms a taxonomy field of the item's own part chooses, in its order.</summary>
    private async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(ContentItem item, string field, CancellationToken ct)
    {
        var terms = new List<TaxonomyTerm>();
        foreach (var id in ContentValidator.Strings(item.Field(item.ContentType, field)?["TermContentItemIds"]))
        {
            if (await taxonomies.FindTermAsync(id, ct) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms;
    }
}
