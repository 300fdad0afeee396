using System.Text;
using ChuyenDe.Modules.Reports.Consolidation;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The consolidation as CSV, parsed back: BOM, RFC 4180 quoting, invariant numbers, the overall row.</summary>
public sealed class ConsolidationCsvWriterTests
{
    private readonly ConsolidationCsvWriter _writer = new(Localizer<ConsolidationResources>());

    private async Task<byte[]> WriteAsync(ConsolidationInput input)
    {
        using var stream = new MemoryStream();
        await _writer.WriteAsync(input, stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task It_starts_with_the_UTF8_byte_order_mark_so_that_Excel_reads_Vietnamese()
    {
        var bytes = await WriteAsync(Input());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("Trường,Phòng GD&ĐT,", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Parsed_back_it_gives_the_units_values_and_the_overall_row()
    {
        var rows = CsvReader.Parse(Encoding.UTF8.GetString((await WriteAsync(Input()))[3..]));

        Assert.Equal(6, rows.Count);
        Assert.Equal(["Trường", "Phòng GD&ĐT", "Số trường tham gia (trường)", "Số giáo viên được tập huấn (người)", "Tỷ lệ trường đạt mức 4 (%)", "Có mô hình điểm", "Kinh phí huy động (triệu đồng)", "Ghi chú"], rows[0]);
        Assert.Equal(["Trường MN Hoa Sen, xã Vũ Bình", "Phòng GD&ĐT Lạc Sơn", "1", "1250", "80", "Có", "12.5", "Đã có \"góc vận động\""], rows[1]);
        Assert.Equal(["Trường MN Sơn Ca", "Phòng GD&ĐT Lạc Sơn", "3", "40", "50", "Không", "7.25", ""], rows[2]);
        Assert.Equal(["Trường MN Bình Minh", "Phòng GD&ĐT Mai Châu", "", "", "", "", "", ""], rows[4]);
        Assert.Equal(["Tổng hợp", "", "6", "1305", "71.67", "2", "19.75", ""], rows[5]);
    }

    [Fact]
    public void Fields_are_quoted_only_when_needed_and_formulas_are_defused()
    {
        var text = _writer.Text(Input());
        Assert.Contains("\r\n\"Trường MN Hoa Sen, xã Vũ Bình\",Phòng GD&ĐT Lạc Sơn,1,1250,", text);
        Assert.Contains(",\"Đã có \"\"góc vận động\"\"\"\r\n", text);

        Assert.Equal("x", ConsolidationCsvWriter.Field("x"));
        Assert.Equal("\"a\r\nb\"", ConsolidationCsvWriter.Field("a\r\nb"));
        Assert.Equal("\" a\"", ConsolidationCsvWriter.Field(" a"));
        Assert.Equal("'=SUM(A1:A2)", ConsolidationCsvWriter.Safe("=SUM(A1:A2)"));
        Assert.Equal("'-bỏ", ConsolidationCsvWriter.Safe("-bỏ"));

        var hostile = Input() with { Units = [Input().Units[0] with { Name = "=HYPERLINK(\"http://x\")" }] };
        var rows = CsvReader.Parse(_writer.Text(hostile));
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[1][0]);
    }

    [Fact]
    public void Negative_numbers_stay_numbers()
    {
        var input = Input() with { Units = [Input().Units[1] with { Values = Values(("kinh-phi", "-2.5")) }] };
        var rows = CsvReader.Parse(_writer.Text(input));
        Assert.Equal("-2.5", rows[1][6]);
    }

    [Fact]
    public void Ungrouped_units_have_no_group_column()
    {
        var input = Input() with { Units = Input().Units.Select(u => u with { GroupKey = null }).ToList(), UnitLevelName = "Phòng GD&ĐT" };
        var rows = CsvReader.Parse(_writer.Text(input));
        Assert.Equal("Phòng GD&ĐT", rows[0][0]);
        Assert.Equal("Số trường tham gia (trường)", rows[0][1]);
        Assert.Equal(["Tổng hợp", "6", "1305", "71.67", "2", "19.75", ""], rows[^1]);
    }
}
