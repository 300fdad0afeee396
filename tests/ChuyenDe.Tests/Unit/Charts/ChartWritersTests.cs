using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Statistics;

namespace ChuyenDe.Tests.Unit.Charts;

/// <summary>
/// The chart writers: every chart kind is an SVG document that parses as XML, has its title and description (role img,
/// labelled and described by them), no script, a viewBox to scale into 320 px, axis labels and a legend; each bar or
/// point carries the same number as the table it is drawn from; texts are escaped by the XML writer; the PNG is a PNG
/// of twice the drawing's size.
/// </summary>
public sealed class ChartWritersTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static StatisticsTable Table(ChartKind kind, bool byColumns = false) => new(
        "bang-thu",
        "Học liệu theo quận <b>&</b> \"loại\"",
        "Mô tả: số học liệu đã đăng.",
        "Quận, huyện",
        "Số học liệu",
        ["Sáng kiến", "Mô hình điểm", "Tổng"],
        [
            new("q1", "Quận 1 <script>alert(1)</script>", [4, 2, 6]),
            new("q3", "Quận 3", [3, 0, 3]),
            new("q5", "Quận 5 – một tên rất dài để xem nhãn có được rút gọn đúng cách hay không khi màn hình hẹp", [0, 1, 1]),
        ],
        kind)
    { TotalColumn = true, ChartByColumns = byColumns };

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.StackedBar)]
    [InlineData(ChartKind.Line)]
    public void Every_kind_is_a_parsable_accessible_svg_with_the_tables_numbers(ChartKind kind)
    {
        var table = Table(kind, byColumns: kind == ChartKind.Line);
        var root = Parse(new SvgChartWriter().Write(table.ToChart()));

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", root.Attribute("role")!.Value);
        var title = root.Element(Svg + "title")!;
        var desc = root.Element(Svg + "desc")!;
        Assert.Equal(title.Attribute("id")!.Value, root.Attribute("aria-labelledby")!.Value);
        Assert.Equal(desc.Attribute("id")!.Value, root.Attribute("aria-describedby")!.Value);
        Assert.Equal(table.Title, title.Value); // escaped by the writer, read back whole
        Assert.Equal(table.Description, desc.Value);
        Assert.Empty(root.Descendants(Svg + "script"));
        Assert.Null(root.Attribute("height"));
        Assert.Matches(@"^0 0 360 \d+$", root.Attribute("viewBox")!.Value);

        var texts = root.Descendants(Svg + "text").Select(t => t.Nodes().OfType<XText>().Aggregate("", (a, n) => a + n.Value)).ToList();
        Assert.Contains(table.RowHeading, texts); // the category axis label
        Assert.Contains(table.ValueLabel, texts); // the value axis label
        if (kind != ChartKind.Bar)
        {
            Assert.Contains("Sáng kiến", texts); // the legend (several series)
        }

        // Each figure drawn (bars and points) carries its number, as in the table (the total column is not drawn).
        var drawn = root.Descendants().Where(e => e.Name == Svg + "rect" || e.Name == Svg + "circle")
            .Select(e => e.Element(Svg + "title")?.Value).Where(t => t is not null && t.Contains(": ")).ToList();
        var expected = new List<string>();
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < 2; c++)
            {
                var value = row.Values[c]!.Value;
                if (value > 0 || kind == ChartKind.Line)
                {
                    var number = value.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));
                    expected.Add(kind switch
                    {
                        ChartKind.Line => $"{row.Label} – {table.Columns[c]}: {number}",
                        _ => $"{row.Label} – {table.Columns[c]}: {number}",
                    });
                }
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_svg_download_is_a_document_with_its_declaration_and_the_same_chart()
    {
        var chart = Table(ChartKind.StackedBar).ToChart();
        var bytes = new SvgChartWriter().WriteDocument(chart);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml", text);
        var document = XDocument.Parse(text);
        Assert.True(XNode.DeepEquals(Parse(new SvgChartWriter().Write(chart)), document.Root));
    }

    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.StackedBar)]
    [InlineData(ChartKind.Line)]
    public void The_png_has_the_signature_and_twice_the_drawings_size(ChartKind kind)
    {
        var chart = Table(kind, byColumns: kind == ChartKind.Line).ToChart();
        var png = new PngChartRenderer().Render(chart);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var viewBox = Parse(new SvgChartWriter().Write(chart)).Attribute("viewBox")!.Value.Split(' ');
        Assert.Equal(int.Parse(viewBox[2], CultureInfo.InvariantCulture) * PngChartRenderer.Scale, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(int.Parse(viewBox[3], CultureInfo.InvariantCulture) * PngChartRenderer.Scale, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Equal(PngChartRenderer.SizeOf(chart), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4))));
    }

    [Fact]
    public void An_empty_chart_still_draws_its_axes_and_zero_bars()
    {
        var chart = new ChartModel("rong", ChartKind.Bar, "Không có số liệu", "Mọi giá trị bằng 0.", "Nhóm", "Số lượng", ["A", "B"], [new ChartSeries("Số lượng", [0, null])]);
        var root = Parse(new SvgChartWriter().Write(chart));
        Assert.DoesNotContain(root.Descendants(Svg + "rect"), r => r.Element(Svg + "title") is not null);
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "0");
        Assert.Equal(0x89, new PngChartRenderer().Render(chart)[0]);
    }

    [Fact]
    public void Ticks_are_round_numbers_from_zero_past_the_largest_value()
    {
        Assert.Equal([0m, 1m], ChartLayout.Ticks(0));
        Assert.Equal([0m, 1m, 2m, 3m], ChartLayout.Ticks(3));
        Assert.Equal([0m, 5m, 10m, 15m], ChartLayout.Ticks(13));
        Assert.Equal([0m, 50m, 100m], ChartLayout.Ticks(93.1m));
        Assert.Equal([0m, 0.1m, 0.2m, 0.3m], ChartLayout.Ticks(0.25m));
    }
}
