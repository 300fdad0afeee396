using System.Globalization;
using System.Text;
using System.Xml;

namespace ChuyenDe.Modules.Charts;

/// <summary>
/// Writes a chart as a standalone SVG document with <see cref="XmlWriter"/> (every text escaped by the writer, none
/// concatenated into markup): <c>role="img"</c> labelled by its &lt;title&gt; and described by its &lt;desc&gt;, a
/// viewBox so that it scales to its container (<c>width="100%"</c>, no fixed size), a white background, the shapes of
/// <see cref="ChartLayout"/> (each bar and point with its own &lt;title&gt; as a tooltip) and no script. The same
/// markup is shown inline on the page and served as the .svg download.
/// </summary>
public sealed class SvgChartWriter
{
    public const string ContentType = "image/svg+xml; charset=utf-8";
    private const string Ns = "http://www.w3.org/2000/svg";

    /// <summary>The SVG document as text (no XML declaration, so that it can be put inline in an HTML page).</summary>
    public string Write(ChartModel chart)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            Write(chart, writer);
        }

        return builder.ToString();
    }

    /// <summary>The SVG document as UTF-8 bytes with its XML declaration (the download).</summary>
    public byte[] WriteDocument(ChartModel chart)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            Write(chart, writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public void Write(ChartModel chart, XmlWriter writer)
    {
        var drawing = ChartLayout.Lay(chart);
        var titleId = $"{chart.Id}-title";
        var descId = $"{chart.Id}-desc";
        writer.WriteStartElement("svg", Ns);
        writer.WriteAttributeString("viewBox", $"0 0 {N(drawing.Width)} {N(drawing.Height)}");
        writer.WriteAttributeString("width", "100%");
        writer.WriteAttributeString("role", "img");
        writer.WriteAttributeString("aria-labelledby", titleId);
        writer.WriteAttributeString("aria-describedby", descId);
        writer.WriteAttributeString("class", "chart chart-" + chart.Kind.ToString().ToLowerInvariant());
        writer.WriteAttributeString("font-family", "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif");
        writer.WriteAttributeString("style", "max-width:100%;height:auto");

        writer.WriteStartElement("title", Ns);
        writer.WriteAttributeString("id", titleId);
        writer.WriteString(chart.Title);
        writer.WriteEndElement();
        writer.WriteStartElement("desc", Ns);
        writer.WriteAttributeString("id", descId);
        writer.WriteString(chart.Description);
        writer.WriteEndElement();

        writer.WriteStartElement("rect", Ns);
        writer.WriteAttributeString("width", N(drawing.Width));
        writer.WriteAttributeString("height", N(drawing.Height));
        writer.WriteAttributeString("fill", ChartPalette.Background);
        writer.WriteEndElement();

        foreach (var shape in drawing.Shapes)
        {
            WriteShape(writer, shape);
        }

        writer.WriteEndElement();
    }

    private static void WriteShape(XmlWriter writer, ChartShape shape)
    {
        switch (shape)
        {
            case RectShape r:
                writer.WriteStartElement("rect", Ns);
                writer.WriteAttributeString("x", N(r.X));
                writer.WriteAttributeString("y", N(r.Y));
                writer.WriteAttributeString("width", N(Math.Max(0, r.Width)));
                writer.WriteAttributeString("height", N(r.Height));
                writer.WriteAttributeString("fill", r.Fill);
                break;
            case LineShape l:
                writer.WriteStartElement("line", Ns);
                writer.WriteAttributeString("x1", N(l.X1));
                writer.WriteAttributeString("y1", N(l.Y1));
                writer.WriteAttributeString("x2", N(l.X2));
                writer.WriteAttributeString("y2", N(l.Y2));
                writer.WriteAttributeString("stroke", l.Stroke);
                writer.WriteAttributeString("stroke-width", N(l.StrokeWidth));
                break;
            case PolylineShape p:
                writer.WriteStartElement("polyline", Ns);
                writer.WriteAttributeString("points", string.Join(" ", p.Points.Select(pt => $"{N(pt.X)},{N(pt.Y)}")));
                writer.WriteAttributeString("fill", "none");
                writer.WriteAttributeString("stroke", p.Stroke);
                writer.WriteAttributeString("stroke-width", N(p.StrokeWidth));
                writer.WriteAttributeString("stroke-linejoin", "round");
                break;
            case CircleShape c:
                writer.WriteStartElement("circle", Ns);
                writer.WriteAttributeString("cx", N(c.X));
                writer.WriteAttributeString("cy", N(c.Y));
                writer.WriteAttributeString("r", N(c.Radius));
                writer.WriteAttributeString("fill", c.Fill);
                writer.WriteAttributeString("stroke", ChartPalette.Background);
                writer.WriteAttributeString("stroke-width", "1");
                break;
            case TextShape t:
                writer.WriteStartElement("text", Ns);
                writer.WriteAttributeString("x", N(t.X));
                writer.WriteAttributeString("y", N(t.Y));
                writer.WriteAttributeString("font-size", N(t.Size));
                writer.WriteAttributeString("fill", t.Fill);
                if (t.Anchor != TextAnchor.Start)
                {
                    writer.WriteAttributeString("text-anchor", t.Anchor == TextAnchor.Middle ? "middle" : "end");
                }

                if (t.Bold)
                {
                    writer.WriteAttributeString("font-weight", "bold");
                }

                if (t.Rotate != 0)
                {
                    writer.WriteAttributeString("transform", $"rotate({N(t.Rotate)} {N(t.X)} {N(t.Y)})");
                }

                if (t.Tooltip is { } textTip && textTip != t.Text)
                {
                    WriteTitle(writer, textTip);
                }

                writer.WriteString(t.Text);
                writer.WriteEndElement();
                return;
            default:
                throw new InvalidOperationException($"Unknown shape {shape.GetType().Name}.");
        }

        if (shape.Tooltip is { } tip)
        {
            WriteTitle(writer, tip);
        }

        writer.WriteEndElement();
    }

    private static void WriteTitle(XmlWriter writer, string text)
    {
        writer.WriteStartElement("title", Ns);
        writer.WriteString(text);
        writer.WriteEndElement();
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
