using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Typed accessors of the parts whose meaning the engine itself relies on, in one place: the title (an item's display
/// text), the address (its route), the schedule (scheduled publishing), the organisation (its scope), the taxonomy and
/// term parts (what a taxonomy is) and the consent part (publishing photos). Everything else a kind does — shapes,
/// validation, display, diff — lives in its driver (<c>Fields/&lt;Kind&gt;/</c>); nothing here switches over kinds.
/// </summary>
public static class ContentParts
{
    // TitlePart: the item's display text.

    public static bool HasTitle(ContentTypeDefinition type) => type.HasPart(ContentKinds.TitlePart);

    /// <summary>The title as stored (a string, possibly empty), or null.</summary>
    public static string? Title(ContentItem item) => Text(item.Part(ContentKinds.TitlePart)?["Title"]);

    /// <summary>The title of a term as stored inside a taxonomy (a content item's JSON), or null.</summary>
    public static string? Title(JsonObject content) => Text(content[ContentKinds.TitlePart]?["Title"]);

    /// <summary>Writes the title of an item that has a title part.</summary>
    public static void SetTitle(ContentItem item, string title) => item.Part(ContentKinds.TitlePart)!["Title"] = title;

    // AutoroutePart: the item's address.

    /// <summary>The type's address parts (normally one).</summary>
    public static IEnumerable<ContentTypePartDefinition> AddressParts(ContentTypeDefinition type)
        => type.Parts.Where(p => p.PartName == ContentKinds.AutoroutePart);

    /// <summary>The address as stored (without a leading slash), or null.</summary>
    public static string? Path(ContentItem item) => Text(item.Part(ContentKinds.AutoroutePart)?["Path"]);

    /// <summary>The address as stored in a version's content (without a leading slash), or null.</summary>
    public static string? Path(JsonObject content) => Text(content[ContentKinds.AutoroutePart]?["Path"]);

    /// <summary>The address in an address part's JSON, or null.</summary>
    public static string? PathOf(JsonObject addressPart) => Text(addressPart["Path"]);

    /// <summary>Sets (or clears, with null) the address in an address part's JSON.</summary>
    public static void SetPathOf(JsonObject addressPart, string? path) => addressPart["Path"] = path;

    /// <summary>Clears the address of an item that has an address part (a copy gets its own).</summary>
    public static void ClearPath(ContentItem item)
    {
        if (item.Part(ContentKinds.AutoroutePart) is { } part)
        {
            SetPathOf(part, null);
        }
    }

    // PublishLaterPart: scheduled publishing.

    /// <summary>Whether a publishing time is set (any non-empty text).</summary>
    public static bool HasSchedule(ContentItem item) => ScheduledText(item.Content) is { Length: > 0 };

    /// <summary>The scheduled publishing time, or null when none is set or it is not a date.</summary>
    public static DateTime? ScheduledPublishUtc(ContentItem item)
        => ScheduledText(item.Content) is { Length: > 0 } s && ContentJson.TryParseDate(s, out var scheduled) ? scheduled : null;

    /// <summary>Clears the schedule in a version's content; false when it has no scheduling part (nothing changed).</summary>
    public static bool ClearSchedule(JsonObject content)
    {
        if (content[ContentKinds.PublishLaterPart] is not JsonObject part)
        {
            return false;
        }

        part["ScheduledPublishUtc"] = null;
        return true;
    }

    private static string? ScheduledText(JsonObject content) => Text(content[ContentKinds.PublishLaterPart]?["ScheduledPublishUtc"]);

    // OrganizationPart: the organisation an item belongs to.

    /// <summary>Whether items of the type belong to an organisation (others belong to the Department level).</summary>
    public static bool HasOrganization(ContentTypeDefinition type) => type.HasPart(ContentKinds.OrganizationPart);

    /// <summary>The organisation the item belongs to, or null.</summary>
    public static string? OrganizationId(ContentItem item)
        => Text(item.Part(ContentKinds.OrganizationPart)?["OrganizationId"]) is { Length: > 0 } id ? id : null;

    // TaxonomyPart and TermPart: what a taxonomy and a term are.

    public static bool IsTaxonomy(ContentTypeDefinition type) => type.HasPart(ContentKinds.TaxonomyPart);

    public static bool IsTerm(ContentTypeDefinition type) => type.HasPart(ContentKinds.TermPart);

    /// <summary>Whether a version's stored content JSON may be a taxonomy's (names its terms' part); a false match costs only a re-read.</summary>
    public static bool MayBeTaxonomy(string? contentJson)
        => contentJson is not null && contentJson.Contains("\"" + ContentKinds.TaxonomyPart + "\"", StringComparison.Ordinal);

    /// <summary>Whether the item is a taxonomy (has its terms' part).</summary>
    public static bool IsTaxonomy(ContentItem item) => item.Part(ContentKinds.TaxonomyPart) is not null;

    /// <summary>
    /// The tree of terms in a taxonomy's content (each a content item's JSON with its own <c>Terms</c>; null when it has
    /// none); false when the content has no taxonomy part.
    /// </summary>
    public static bool TryGetTaxonomyTerms(JsonObject content, out JsonArray? terms)
    {
        var part = content[ContentKinds.TaxonomyPart] as JsonObject;
        terms = part?["Terms"] as JsonArray;
        return part is not null;
    }

    // ConsentPart: the parents' consent to publishing photos.

    /// <summary>The type's consent part, or null.</summary>
    public static ContentTypePartDefinition? ConsentPart(ContentTypeDefinition type)
        => type.Parts.FirstOrDefault(p => p.PartName == ContentKinds.ConsentPart);

    /// <summary>The property of the consent part the confirmation is kept in (the form key of its error).</summary>
    public const string ConsentConfirmed = "Confirmed";

    /// <summary>Whether the item's consent part confirms the parents' consent.</summary>
    public static bool IsConsentConfirmed(ContentItem item, ContentTypePartDefinition consentPart)
        => item.Part(consentPart.Name)?[ConsentConfirmed] is JsonValue value && value.TryGetValue<bool>(out var b) && b;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
