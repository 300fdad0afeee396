using ChuyenDe.Modules.Audit;

namespace ChuyenDe.Tests.Unit.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("Giờ ăn", "\"Giờ ăn\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("Hội thi \"Bé khỏe\"", "\"Hội thi \"\"Bé khỏe\"\"\"")]
    [InlineData("hai\r\ndòng", "\"hai\r\ndòng\"")]
    [InlineData("", "\"\"")]
    [InlineData(null, "\"\"")]
    public void Cells_are_quoted_as_RFC_4180_says(string? value, string expected) => Assert.Equal(expected, AuditCsv.Cell(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+PublishContent", "\"'+PublishContent\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("a=b", "\"a=b\"")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_stay_text(string value, string expected) => Assert.Equal(expected, AuditCsv.Cell(value));

    [Fact]
    public void A_line_ends_with_CRLF_and_the_encoding_writes_a_byte_order_mark()
    {
        Assert.Equal("\"a\",\"b,c\"\r\n", AuditCsv.Line(["a", "b,c"]));
        Assert.Equal([0xEF, 0xBB, 0xBF], AuditCsv.Encoding.GetPreamble());
    }

    [Fact]
    public void Details_list_what_was_added_and_removed_and_what_changed()
    {
        Assert.Equal("+ManageUsers +PublishContent \u2212EditContent", AuditActions.Changes(["PublishContent", "ManageUsers"], ["EditContent"]));
        Assert.Null(AuditActions.Changes([], []));
        Assert.Equal("Name: Cũ \u2192 Mới; ParentId: \u2205 \u2192 so-hcm", AuditDetails.Fields(("Name", "Cũ", "Mới"), ("ShortName", "x", "x"), ("ParentId", null, "so-hcm")));
        Assert.Null(AuditDetails.Fields(("Name", "A", "A")));
    }
}
