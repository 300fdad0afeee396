using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The Word draft, opened with the OpenXml SDK: headings follow the outline, units' texts under them, the figures table.</summary>
public sealed class ConsolidationDocxWriterTests
{
    private readonly ConsolidationDocxWriter _writer = new(Localizer<ConsolidationResources>());

    private WordprocessingDocument Open(ConsolidationInput input)
    {
        var stream = new MemoryStream();
        _writer.Write(input, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    private static List<Paragraph> BodyParagraphs(WordprocessingDocument document)
        => document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Fact]
    public void The_document_follows_the_Open_XML_schema()
    {
        var rich = "## Tóm tắt\n\n**Đậm** và *nghiêng*\n\n1. Một\n   - Ý nhỏ\n\n> Trích\n\n```\nmã\n```\n\n| A | B |\n|---|---|\n| 1 |\n| 2 | 3 |\n\n- [x] Đã làm";
        var input = Input() with { Units = [Input().Units[0] with { SectionTexts = Values(("ii", rich)) }, .. Input().Units.Skip(1)] };
        using var document = Open(input);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_headings_follow_the_outline_level_by_level_then_the_figures()
    {
        using var document = Open(Input());
        var headings = BodyParagraphs(document).Where(p => StyleOf(p) is { } s && (s.StartsWith("Heading", StringComparison.Ordinal) || s == "Title")).Select(p => (StyleOf(p), p.InnerText)).ToList();

        Assert.Equal(
            [
                ("Title", "Sơ kết 02 năm thực hiện chuyên đề giai đoạn 2021–2025"),
                ("Heading1", "I. Công tác chỉ đạo"),
                ("Heading2", "1. Ban hành văn bản"),
                ("Heading2", "2. Kiểm tra, giám sát"),
                ("Heading3", "a) Kiểm tra định kỳ"),
                ("Heading1", "II. Kết quả thực hiện"),
                ("Heading1", "III. Đề xuất, kiến nghị"),
                ("Heading1", "Số liệu tổng hợp"),
                ("Heading2", "Theo Phòng GD&ĐT"),
            ],
            headings);

        // The heading styles are real headings: Word's navigation pane and table of contents see their outline levels.
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(2, styles["Heading3"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("heading 2", styles["Heading2"].StyleName!.Val!.Value);
    }

    [Fact]
    public void Under_each_section_comes_what_each_unit_wrote_labelled_by_the_unit()
    {
        using var document = Open(Input());
        var paragraphs = BodyParagraphs(document).Select(p => p.InnerText).ToList();
        List<string> Under(string heading) => paragraphs.SkipWhile(p => p != heading).Skip(1).TakeWhile(p => !BodyParagraphs(document).Any(h => h.InnerText == p && StyleOf(h) is not null)).Where(p => p.Length > 0).ToList();

        Assert.Equal(
            ["Trường MN Hoa Sen, xã Vũ Bình:", "Nhà trường ban hành kế hoạch số 15/KH-MN.", "• Họp hội đồng sư phạm", "• Phân công tổ chuyên môn"],
            Under("1. Ban hành văn bản"));
        Assert.Equal(
            ["Trường MN Hoa Sen, xã Vũ Bình:", "Tổ chức 12 hoạt động trải nghiệm ngoài trời.", "Trường MN Sơn Ca:", "1. Cải tạo sân chơi", "2. Làm đồ chơi từ vật liệu tái chế"],
            Under("II. Kết quả thực hiện"));
        Assert.Equal(["Trường MN Họa Mi:", "Kiểm tra 2 lần mỗi học kỳ."], Under("a) Kiểm tra định kỳ"));

        // A leaf section nobody wrote in says so; a section with subsections does not.
        Assert.Equal(["Chưa có đơn vị nào viết nội dung này."], Under("III. Đề xuất, kiến nghị"));
        Assert.Empty(Under("I. Công tác chỉ đạo"));
        Assert.Empty(Under("2. Kiểm tra, giám sát"));
    }

    [Fact]
    public void Markdown_keeps_its_emphasis_lists_quotes_code_links_and_tables()
    {
        var elements = MarkdownToWord.Convert("""
            ### Kết quả nổi bật

            Trường có **12 lớp**, trong đó *3 lớp* ghép và ~~2~~ lớp mới.
            Dòng thứ hai.

            1. Một
               - Ý nhỏ
            2. Hai

            > Trích ý kiến phụ huynh

            Xem [kế hoạch](https://sogd.example.vn/ke-hoach) và <https://sogd.example.vn>.

            ```
            dòng 1
            dòng 2
            ```

            | Khối | Số lớp |
            |------|--------|
            | Mẫu giáo lớn | 4 |

            <script>alert(1)</script>
            """);

        var paragraphs = elements.OfType<Paragraph>().ToList();
        Assert.Equal("Kết quả nổi bật", paragraphs[0].InnerText);
        Assert.NotNull(paragraphs[0].Descendants<Bold>().FirstOrDefault());
        Assert.Null(StyleOf(paragraphs[0])); // not a document heading: the outline's headings stay the only ones

        var runs = paragraphs[1].Elements<Run>().ToList();
        Assert.Equal("Trường có 12 lớp, trong đó 3 lớp ghép và 2 lớp mới. Dòng thứ hai.", paragraphs[1].InnerText);
        Assert.NotNull(runs.Single(r => r.InnerText == "12 lớp").RunProperties!.Bold);
        Assert.NotNull(runs.Single(r => r.InnerText == "3 lớp").RunProperties!.Italic);
        Assert.NotNull(runs.Single(r => r.InnerText == "2").RunProperties!.Strike);

        Assert.Equal(["1. Một", "• Ý nhỏ", "2. Hai"], paragraphs.Skip(2).Take(3).Select(p => p.InnerText));
        var indent = paragraphs.Skip(2).Take(2).Select(p => int.Parse(p.ParagraphProperties!.Indentation!.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(indent[1] > indent[0], "the nested list is indented further");

        Assert.Equal("Trích ý kiến phụ huynh", paragraphs[5].InnerText);
        Assert.NotNull(paragraphs[5].Descendants<Italic>().FirstOrDefault());
        Assert.Equal("Xem kế hoạch (https://sogd.example.vn/ke-hoach) và https://sogd.example.vn.", paragraphs[6].InnerText);
        Assert.Equal("dòng 1dòng 2", paragraphs[7].InnerText);
        Assert.Single(paragraphs[7].Descendants<Break>());

        var table = elements.OfType<Table>().Single();
        Assert.Equal([["Khối", "Số lớp"], ["Mẫu giáo lớn", "4"]], table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList());
        // Raw HTML is not run or interpreted: it shows as the text it is, as in the editor's preview.
        Assert.Equal("<script>alert(1)</script>", paragraphs[^1].InnerText);
        Assert.Empty(MarkdownToWord.Convert("  \n "));
    }

    [Fact]
    public void The_figures_table_has_every_unit_and_the_totals_by_rule_written_the_Vietnamese_way()
    {
        using var document = Open(Input());
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        var rows = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(["STT", "Trường", "Phòng GD&ĐT", "Số trường tham gia (trường)", "Số giáo viên được tập huấn (người)", "Tỷ lệ trường đạt mức 4 (%)", "Có mô hình điểm", "Kinh phí huy động (triệu đồng)", "Ghi chú"], rows[0]);
        Assert.Equal(["1", "Trường MN Hoa Sen, xã Vũ Bình", "Phòng GD&ĐT Lạc Sơn", "1", "1.250", "80%", "Có", "12,5", "Đã có \"góc vận động\""], rows[1]);
        Assert.Equal(["4", "Trường MN Bình Minh", "Phòng GD&ĐT Mai Châu", "", "", "", "", "", ""], rows[4]);
        Assert.Equal(["", "Tổng hợp", "", "6", "1.305", "71,67%", "2", "19,75", ""], rows[5]);
        Assert.Equal("Tỷ lệ có trọng số theo “Số trường tham gia”", rows[6][5]);
        Assert.NotNull(tables[0].Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());

        var groups = tables[1].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["1", "Phòng GD&ĐT Lạc Sơn", "2", "4", "1.290", "57,5%", "1", "19,75"], groups[1]);
        Assert.Equal(["", "Tổng hợp", "4", "6", "1.305", "71,67%", "2", "19,75"], groups[3]);
    }

    [Fact]
    public void The_figures_are_on_landscape_pages_after_a_portrait_outline()
    {
        using var document = Open(Input());
        var sections = document.MainDocumentPart!.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Null(sections[0].GetFirstChild<PageSize>()!.Orient);
        Assert.Equal(PageOrientationValues.Landscape, sections[1].GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public void A_round_without_an_outline_or_units_still_makes_a_document()
    {
        using var document = Open(new ConsolidationInput { RoundTitle = "Đợt trống", Indicators = [Whole("so-lop", "Số lớp")] });
        Assert.Equal(["Đợt trống", "Số liệu tổng hợp"], BodyParagraphs(document).Where(p => StyleOf(p) is not null).Select(p => p.InnerText));
        var rows = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count); // header, totals, rules
        Assert.Equal("Tổng hợp", rows[1].Elements<TableCell>().ElementAt(1).InnerText);
    }

    [Fact]
    public void A_percentage_figure_keeps_its_sign_and_a_count_does_not()
    {
        Assert.Equal("85,5%", ConsolidationDocxWriter.Number(Percent("x", "Tỷ lệ"), 85.5m, isFigure: true));
        Assert.Equal("1.234.567,89", ConsolidationDocxWriter.Number(Dec("x", "Kinh phí"), 1234567.891m, isFigure: false));
        Assert.Equal("3", ConsolidationDocxWriter.Number(YesNo("x", "Có"), 3, isFigure: true));
        Assert.Equal(AddUpRule.Sum, YesNo("x", "Có").AddUp);
    }
}
