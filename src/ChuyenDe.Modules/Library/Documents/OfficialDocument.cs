using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Documents;

/// <summary>
/// A published official document (văn bản chỉ đạo) as the list <c>/van-ban</c> shows it, read from the fields of the
/// <c>OfficialDocument</c> type (recipes/chuyende.recipe.json): <c>Number</c>, <c>IssuedOn</c> (a date), <c>Kind</c>
/// (a term of <see cref="KindsTaxonomy"/>) and <c>Status</c> (a value of its predefined list). Its issuer is the item's
/// organisation (<c>OrganizationPart</c>, shown as "Cơ quan ban hành").
/// </summary>
public sealed record OfficialDocument(ContentItem Item, string? Number, DateOnly? IssuedOn, string? KindTermId, string? Status)
{
    public const string ContentType = "OfficialDocument";

    /// <summary>The taxonomy of the <c>Kind</c> field (Loại văn bản).</summary>
    public const string KindsTaxonomy = "tax-document-kinds";

    /// <summary>The name of the field whose predefined values are the document's status.</summary>
    public const string StatusField = "Status";

    /// <summary>The issuing organisation's id (the item's organisation).</summary>
    public string? IssuerId => Item.OrganizationId;

    /// <summary>The year the document was issued (the list's filter), or null when it has no date.</summary>
    public int? Year => IssuedOn?.Year;

    public static OfficialDocument From(ContentItem item)
    {
        string? Text(string field) => ContentValidator.Text(item.Field(ContentType, field)?["Text"]) is { Length: > 0 } text ? text.Trim() : null;

        DateOnly? issued = ContentValidator.Text(item.Field(ContentType, "IssuedOn")?["Value"]) is { Length: > 0 } value
            && ContentJson.TryParseDate(value, out var date)
            ? DateOnly.FromDateTime(date)
            : null;
        var kind = item.Field(ContentType, "Kind")?["TermContentItemIds"] is System.Text.Json.Nodes.JsonArray terms
            ? terms.Select(ContentValidator.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t))
            : null;
        return new OfficialDocument(item, Text("Number"), issued, kind, Text(StatusField));
    }
}
