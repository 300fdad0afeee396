using System.Text;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Builds the <see cref="SearchDocument"/> of a content item version through the content, taxonomy, organisation and
/// media contracts, and the facts of <see cref="ISearchDocumentContributor"/>s.
/// </summary>
internal sealed class SearchDocumentBuilder(
    IContentDefinitionManager definitions,
    IFieldDrivers fieldDrivers,
    ISiteSettingsService settings,
    IOrganizationService organizations,
    IMediaTextLookup mediaTexts,
    IMediaFileAccess mediaFiles,
    IEnumerable<ISearchDocumentContributor> contributors)
{
    /// <summary>Text beyond this length (body or attachments) is not indexed.</summary>
    private const int MaxTextLength = 1_000_000;

    /// <summary>Taxonomy → facet name; other taxonomies are facets named after their taxonomy id.</summary>
    private static readonly Dictionary<string, string> FacetOfTaxonomy = new(StringComparer.Ordinal)
    {
        ["tax-criteria"] = SearchFacets.Criteria,
        ["tax-age-groups"] = SearchFacets.AgeGroup,
        ["tax-development-areas"] = SearchFacets.DevelopmentArea,
        ["tax-levels"] = SearchFacets.Level,
        ["tax-school-years"] = SearchFacets.SchoolYear,
        ["tax-resource-kinds"] = SearchFacets.ResourceKind,
        ["tax-model-site-themes"] = SearchFacets.Theme,
    };

    public static string FacetOf(string taxonomyContentItemId)
        => FacetOfTaxonomy.GetValueOrDefault(taxonomyContentItemId, taxonomyContentItemId);

    /// <summary>Whether items of the type belong in search (taxonomies and their terms do not).</summary>
    public static bool IsSearchable(ContentTypeDefinition? type)
        => type is not null && !ContentParts.IsTaxonomy(type) && !ContentParts.IsTerm(type);

    /// <summary>The document of the version, or null when its type is not searchable.</summary>
    public async Task<SearchDocument?> BuildAsync(ContentItem item, CancellationToken ct)
    {
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        if (!IsSearchable(type))
        {
            return null;
        }

        string? summary = null;
        var body = new StringBuilder();
        var terms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var termNames = new List<string>();
        var mediaPaths = new List<string>();

        foreach (var part in type!.Parts)
        {
            Append(body, fieldDrivers.GetPart(part.PartName)?.SearchText(item.Part(part.Name)));
        }

        var site = await settings.GetAsync(ct);
        var fields = new FieldSearchContribution();
        foreach (var (part, field) in type.AllFields())
        {
            if (item.Field(part.Name, field.Name) is { } value && fieldDrivers.Get(field.FieldName) is { } driver)
            {
                await driver.ContributeToSearchAsync(new FieldContext(field, value, site), fields, ct);
            }
        }

        summary = fields.Summary;
        foreach (var text in fields.BodyTexts)
        {
            Append(body, text);
        }

        mediaPaths.AddRange(fields.MediaPaths);
        termNames.AddRange(fields.TermNames);
        foreach (var (taxonomyId, termId) in fields.Terms)
        {
            var facet = FacetOf(taxonomyId);
            if (!terms.TryGetValue(facet, out var list))
            {
                terms[facet] = list = [];
            }

            if (!list.Contains(termId))
            {
                list.Add(termId);
            }
        }

        Organization? organization = null;
        Organization? district = null;
        if (item.OrganizationId is { } organizationId)
        {
            organization = await organizations.GetAsync(organizationId, ct);
            district = await organizations.GetDistrictAsync(organizationId, ct);
        }

        if (organization?.ShortName is { Length: > 0 } shortName)
        {
            termNames.Add(shortName);
        }

        var attachments = new StringBuilder();
        if (mediaPaths.Count > 0)
        {
            // Only the item's own files: another unit's document attached to an item must not lend it its words.
            var own = await mediaFiles.OwnedByItemAsync(item.OrganizationId, mediaPaths, ct);
            var texts = await mediaTexts.GetTextsAsync(own.ToList(), ct);
            foreach (var path in mediaPaths.Distinct(StringComparer.Ordinal).Where(own.Contains))
            {
                if (texts.TryGetValue(path, out var text))
                {
                    Append(attachments, text);
                }
            }
        }

        var facts = new SearchDocumentFacts();
        foreach (var contributor in contributors)
        {
            await contributor.ContributeAsync(item, facts, ct);
        }

        termNames.AddRange(facts.ExtraTerms.Where(t => !string.IsNullOrWhiteSpace(t)));
        var title = item.DisplayText;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = ContentParts.Title(item) is { Length: > 0 } t ? t : "";
        }

        return new SearchDocument
        {
            ContentItemId = item.ContentItemId,
            ContentType = item.ContentType,
            Title = title,
            Summary = summary,
            Body = Cap(body),
            AttachmentText = Cap(attachments),
            Path = ContentParts.Path(item) is { Length: > 0 } address ? address : null,
            OrganizationId = item.OrganizationId,
            OrganizationName = organization?.Name,
            DistrictId = district?.Id,
            DistrictName = district is not null && district.Id != organization?.Id ? district.Name : null,
            Terms = terms.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            TermNames = termNames.Distinct(StringComparer.Ordinal).ToList(),
            Exemplary = item.ContentType == "ExemplaryProduct" || facts.Exemplary,
            Published = item.Published,
            PublishedUtc = item.PublishedUtc,
            ModifiedUtc = item.ModifiedUtc ?? item.CreatedUtc ?? DateTime.UnixEpoch,
        };
    }

    private static void Append(StringBuilder builder, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || builder.Length >= MaxTextLength)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append("\n\n");
        }

        builder.Append(text.Trim());
    }

    private static string? Cap(StringBuilder builder)
        => builder.Length == 0 ? null : builder.Length > MaxTextLength ? builder.ToString(0, MaxTextLength) : builder.ToString();
}
