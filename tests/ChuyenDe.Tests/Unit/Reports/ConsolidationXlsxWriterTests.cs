using System.Globalization;
using ChuyenDe.Modules.Reports.Consolidation;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The consolidation workbook, opened with the OpenXml SDK: sheets per level, numeric cells, totals by rule.</summary>
public sealed class ConsolidationXlsxWriterTests
{
    private readonly ConsolidationXlsxWriter _writer = new(Localizer<ConsolidationResources>());

    private static SpreadsheetDocument Open(MemoryStream stream)
    {
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private MemoryStream Write(ConsolidationInput input)
    {
        var stream = new MemoryStream();
        _writer.Write(input, stream);
        return stream;
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell? CellAt(Worksheet sheet, string reference)
        => sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    private static string Text(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        Assert.NotNull(cell);
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
    }

    /// <summary>The cell's number; fails unless it is a numeric cell.</summary>
    private static decimal Number(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        Assert.NotNull(cell);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{reference} is not a numeric cell");
        return decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    private static List<string> Row(Worksheet sheet, uint row)
        => sheet.Descendants<Row>().Single(r => r.RowIndex! == row).Elements<Cell>().Select(c => Text(sheet, c.CellReference!)).ToList();

    [Fact]
    public void The_workbook_follows_the_Open_XML_schema()
    {
        using var document = Open(Write(Input()));
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void There_is_a_sheet_per_level_named_in_Vietnamese()
    {
        using var document = Open(Write(Input()));
        Assert.Equal(["Trường", "Phòng GD&ĐT", "Tổng hợp"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void The_schools_sheet_has_a_row_per_school_with_numbers_as_numbers_and_totals_by_each_rule()
    {
        using var document = Open(Write(Input()));
        var sheet = Sheet(document, "Trường");

        Assert.Equal("Sơ kết 02 năm thực hiện chuyên đề giai đoạn 2021–2025", Text(sheet, "A1"));
        Assert.Equal(
            ["STT", "Trường", "Phòng GD&ĐT", "Số trường tham gia (trường)", "Số giáo viên được tập huấn (người)", "Tỷ lệ trường đạt mức 4 (%)", "Có mô hình điểm", "Kinh phí huy động (triệu đồng)", "Ghi chú"],
            Row(sheet, 2));

        // Schools come grouped by their district office, in input order within it.
        Assert.Equal(["Trường MN Hoa Sen, xã Vũ Bình", "Trường MN Sơn Ca", "Trường MN Họa Mi", "Trường MN Bình Minh"], new[] { "B3", "B4", "B5", "B6" }.Select(r => Text(sheet, r)));
        Assert.Equal("Phòng GD&ĐT Lạc Sơn", Text(sheet, "C3"));
        Assert.Equal("Phòng GD&ĐT Mai Châu", Text(sheet, "C6"));
        Assert.Equal(1250m, Number(sheet, "E3"));
        Assert.Equal(80m, Number(sheet, "F3"));
        Assert.Equal("Có", Text(sheet, "G3"));
        Assert.Equal("Không", Text(sheet, "G4"));
        Assert.Equal(12.5m, Number(sheet, "H3"));
        Assert.Equal("Đã có \"góc vận động\"", Text(sheet, "I3"));
        Assert.Equal("", Text(sheet, "H5")); // empty value: an empty cell, not 0
        Assert.Null(CellAt(sheet, "H5")!.CellValue);
        Assert.Equal("", Text(sheet, "D6")); // a school that has not answered

        // The totals row: the sum of the schools' figures, the weighted share, how many said yes.
        Assert.Equal("Tổng hợp", Text(sheet, "B7"));
        Assert.Equal(new[] { "D3", "D4", "D5" }.Sum(r => Number(sheet, r)), Number(sheet, "D7"));
        Assert.Equal(6m, Number(sheet, "D7"));
        Assert.Equal(1305m, Number(sheet, "E7"));
        Assert.Equal(71.67m, Number(sheet, "F7"));
        Assert.Equal(2m, Number(sheet, "G7"));
        Assert.Equal(19.75m, Number(sheet, "H7"));
        Assert.Equal("", Text(sheet, "I7"));

        Assert.Equal(["", "Cách tổng hợp", "", "Tổng", "Tổng", "Tỷ lệ có trọng số theo “Số trường tham gia”", "Số đơn vị trả lời Có", "Tổng", "Không cộng dồn"], Row(sheet, 8));
        Assert.Equal("Số đơn vị có số liệu", Text(sheet, "B9"));
        Assert.Equal([3m, 3m, 3m, 3m, 2m, 1m], new[] { "D9", "E9", "F9", "G9", "H9", "I9" }.Select(r => Number(sheet, r)));
    }

    [Fact]
    public void The_district_sheet_adds_up_each_district_and_the_overall()
    {
        using var document = Open(Write(Input()));
        var sheet = Sheet(document, "Phòng GD&ĐT");

        // Short texts and indicators that do not add up have no column here.
        Assert.Equal(["STT", "Phòng GD&ĐT", "Số đơn vị được yêu cầu báo cáo", "Số trường tham gia (trường)", "Số giáo viên được tập huấn (người)", "Tỷ lệ trường đạt mức 4 (%)", "Có mô hình điểm", "Kinh phí huy động (triệu đồng)"], Row(sheet, 2));
        Assert.Equal("Phòng GD&ĐT Lạc Sơn", Text(sheet, "B3"));
        Assert.Equal(2m, Number(sheet, "C3"));
        Assert.Equal(4m, Number(sheet, "D3"));
        Assert.Equal(1290m, Number(sheet, "E3"));
        Assert.Equal(57.5m, Number(sheet, "F3"));
        Assert.Equal(1m, Number(sheet, "G3"));
        Assert.Equal("Phòng GD&ĐT Mai Châu", Text(sheet, "B4"));
        Assert.Equal(2m, Number(sheet, "D4"));
        Assert.Equal(100m, Number(sheet, "F4"));
        Assert.Equal("", Text(sheet, "H4")); // no school of Mai Châu gave a budget

        Assert.Equal("Tổng hợp", Text(sheet, "B5"));
        Assert.Equal(4m, Number(sheet, "C5"));
        Assert.Equal(Number(sheet, "D3") + Number(sheet, "D4"), Number(sheet, "D5"));
        Assert.Equal(Number(sheet, "E3") + Number(sheet, "E4"), Number(sheet, "E5"));
        Assert.Equal(71.67m, Number(sheet, "F5"));
    }

    [Fact]
    public void The_overall_sheet_lists_each_indicator_with_its_rule_result_and_contributors()
    {
        using var document = Open(Write(Input()));
        var sheet = Sheet(document, "Tổng hợp");

        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Cách tổng hợp", "Kết quả", "Số đơn vị có số liệu", "Số đơn vị được yêu cầu báo cáo"], Row(sheet, 2));
        Assert.Equal("Số giáo viên được tập huấn", Text(sheet, "B4"));
        Assert.Equal("người", Text(sheet, "C4"));
        Assert.Equal("Tổng", Text(sheet, "D4"));
        Assert.Equal(1305m, Number(sheet, "E4"));
        Assert.Equal(3m, Number(sheet, "F4"));
        Assert.Equal(4m, Number(sheet, "G4"));
        Assert.Equal("Ghi chú", Text(sheet, "B8"));
        Assert.Equal("", Text(sheet, "E8"));
    }

    [Fact]
    public void Headers_are_frozen_and_columns_have_widths_that_fit()
    {
        using var document = Open(Write(Input()));
        var sheet = Sheet(document, "Trường");

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2d, pane.VerticalSplit!.Value);
        Assert.Equal(3d, pane.HorizontalSplit!.Value);
        Assert.Equal("D3", pane.TopLeftCell!.Value);

        var widths = sheet.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(9, widths.Count);
        Assert.True(widths[2] >= "Trường MN Hoa Sen, xã Vũ Bình".Length, "the school names fit");
        Assert.True(widths[1] < 10, "the numbers column stays narrow");
        Assert.All(widths.Values, w => Assert.InRange(w, 6, 60));
    }

    [Fact]
    public void Numeric_cells_carry_number_formats_whole_or_with_decimals()
    {
        using var document = Open(Write(Input()));
        var sheet = Sheet(document, "Trường");
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        uint Format(string reference) => formats[(int)CellAt(sheet, reference)!.StyleIndex!.Value].NumberFormatId!.Value;

        Assert.Equal(3u, Format("E3")); // #,##0
        Assert.Equal(4u, Format("H3")); // #,##0.00
        Assert.Equal(3u, Format("E7"));
        Assert.Equal(4u, Format("H7"));
    }

    [Fact]
    public void Percentages_show_as_on_the_page_with_their_own_decimals_and_a_percent_sign()
    {
        using var document = Open(Write(Input()));
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var codes = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        string? Code(Worksheet sheet, string reference) => codes.GetValueOrDefault(formats[(int)CellAt(sheet, reference)!.StyleIndex!.Value].NumberFormatId!.Value);

        var schools = Sheet(document, "Trường");
        // A unit's percentage and the weighted share in the totals row: not the two-decimal format (100,00 / 93,10).
        Assert.Equal("General\"%\"", Code(schools, "F3"));
        Assert.Equal("General\"%\"", Code(schools, "F7"));
        Assert.Null(Code(schools, "H3")); // a decimal keeps the built-in #,##0.00
        Assert.Equal("General\"%\"", Code(Sheet(document, "Phòng GD&ĐT"), "F4")); // 100, shown 100%
        var overall = Sheet(document, "Tổng hợp");
        Assert.Equal("Tỷ lệ trường đạt mức 4", Text(overall, "B5"));
        Assert.Equal("General\"%\"", Code(overall, "E5"));
        // The value stays the number people typed (85 meaning 85%), not a fraction of 1.
        Assert.Equal(80m, Number(schools, "F3"));
    }

    [Fact]
    public void Units_asked_directly_make_two_sheets_named_by_the_callers_level()
    {
        var input = Input() with
        {
            UnitLevelName = "Phòng GD&ĐT",
            Units = Input().Units.Select(u => u with { GroupKey = null, GroupName = null }).ToList(),
        };
        using var document = Open(Write(input));
        Assert.Equal(["Phòng GD&ĐT", "Tổng hợp"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));

        var sheet = Sheet(document, "Phòng GD&ĐT");
        Assert.Equal("Số trường tham gia (trường)", Text(sheet, "C2"));
        Assert.Equal(6m, Number(sheet, "C7"));

        var unnamed = Input() with { Units = input.Units, UnitLevelName = null };
        using var plain = Open(Write(unnamed));
        Assert.Equal(["Đơn vị", "Tổng hợp"], plain.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void A_round_without_answers_still_makes_a_valid_workbook()
    {
        var input = Input() with { Units = [] };
        using var document = Open(Write(input));
        var sheet = Sheet(document, "Đơn vị");
        Assert.Equal("Tổng hợp", Text(sheet, "B3"));
        Assert.Equal("", Text(sheet, "C3"));
        Assert.Equal(0m, Number(sheet, "C5"));
    }

    [Fact]
    public void Sheet_names_are_made_acceptable_to_Excel()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Trường-Lớp", ConsolidationXlsxWriter.SheetName("Trường/Lớp", taken));
        Assert.Equal("trường-lớp (2)", ConsolidationXlsxWriter.SheetName("trường:lớp", taken));
        Assert.Equal(31, ConsolidationXlsxWriter.SheetName(new string('a', 40), taken).Length);
        Assert.Equal("AA10", ConsolidationXlsxWriter.Reference(26, 9));
    }
}
