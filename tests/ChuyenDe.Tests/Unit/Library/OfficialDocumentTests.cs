using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Library.Documents;

namespace ChuyenDe.Tests.Unit.Library;

/// <summary>How <c>/van-ban</c> reads a document's fields and orders the documents (no database needed).</summary>
public sealed class OfficialDocumentTests
{
    private static ContentItem Document(string id, string? issuedOn, string? kind = "doc-ke-hoach", string? published = "2026-01-01T00:00:00Z")
    {
        var item = new ContentItem { ContentItemId = id, ContentType = OfficialDocument.ContentType, DisplayText = id };
        if (published is not null)
        {
            item.PublishedUtc = DateTime.Parse(published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        }

        item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "so-hoa-binh";
        item.GetOrCreateField(OfficialDocument.ContentType, "Number")["Text"] = "  356/SGD&ĐT-MN&TH ";
        if (issuedOn is not null)
        {
            item.GetOrCreateField(OfficialDocument.ContentType, "IssuedOn")["Value"] = issuedOn;
        }

        if (kind is not null)
        {
            item.GetOrCreateField(OfficialDocument.ContentType, "Kind")["TermContentItemIds"] = new JsonArray(kind);
        }

        item.GetOrCreateField(OfficialDocument.ContentType, "Status")["Text"] = "expired";
        return item;
    }

    [Fact]
    public void The_fields_are_read_as_stored_and_the_issuer_is_the_items_organisation()
    {
        var document = OfficialDocument.From(Document("a", "2023-02-20T00:00:00"));
        Assert.Equal("356/SGD&ĐT-MN&TH", document.Number);
        Assert.Equal(new DateOnly(2023, 2, 20), document.IssuedOn);
        Assert.Equal(2023, document.Year);
        Assert.Equal("doc-ke-hoach", document.KindTermId);
        Assert.Equal("expired", document.Status);
        Assert.Equal("so-hoa-binh", document.IssuerId);
    }

    [Fact]
    public void A_document_without_a_date_or_kind_or_with_a_date_that_is_no_date_has_none()
    {
        var empty = OfficialDocument.From(Document("a", null, kind: null));
        Assert.Null(empty.IssuedOn);
        Assert.Null(empty.Year);
        Assert.Null(empty.KindTermId);
        Assert.Null(OfficialDocument.From(Document("b", "hôm qua")).IssuedOn);
    }

    [Fact]
    public void Newest_issued_come_first_then_the_newest_published_and_documents_without_a_date_last()
    {
        var ordered = OfficialDocumentList.Newest(
        [
            OfficialDocument.From(Document("cu", "2018-05-09T00:00:00")),
            OfficialDocument.From(Document("khong-ngay", null)),
            OfficialDocument.From(Document("moi", "2025-02-12T00:00:00")),
            OfficialDocument.From(Document("cung-ngay-dang-truoc", "2023-02-20T00:00:00", published: "2023-02-21T00:00:00Z")),
            OfficialDocument.From(Document("cung-ngay-dang-sau", "2023-02-20T00:00:00", published: "2023-03-01T00:00:00Z")),
        ]);
        Assert.Equal(["moi", "cung-ngay-dang-sau", "cung-ngay-dang-truoc", "cu", "khong-ngay"], ordered.Select(d => d.Item.ContentItemId));
    }
}
