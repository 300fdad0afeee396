using SkiaSharp;

namespace ChuyenDe.Modules.Charts;

/// <summary>
/// Renders a chart as a PNG for slides, with SkiaSharp: the same layout as the SVG (<see cref="ChartLayout"/>) drawn at
/// <see cref="Scale"/> times its size (a 360-unit chart becomes 720 pixels wide), on white, with anti-aliasing and a
/// font that has the Vietnamese letters (Noto Sans, DejaVu Sans or Liberation Sans, whichever the machine has).
/// </summary>
public sealed class PngChartRenderer
{
    public const string ContentType = "image/png";

    /// <summary>Pixels per drawing unit.</summary>
    public const int Scale = 2;

    private static readonly Lazy<SKTypeface> Regular = new(() => Typeface(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> Bold = new(() => Typeface(SKFontStyle.Bold));

    /// <summary>The pixel size of the PNG of <paramref name="chart"/>.</summary>
    public static (int Width, int Height) SizeOf(ChartModel chart)
    {
        var drawing = ChartLayout.Lay(chart);
        return ((int)Math.Ceiling(drawing.Width * Scale), (int)Math.Ceiling(drawing.Height * Scale));
    }

    public byte[] Render(ChartModel chart)
    {
        var drawing = ChartLayout.Lay(chart);
        var width = (int)Math.Ceiling(drawing.Width * Scale);
        var height = (int)Math.Ceiling(drawing.Height * Scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse(ChartPalette.Background));
        canvas.Scale(Scale);
        foreach (var shape in drawing.Shapes)
        {
            Draw(canvas, shape);
        }

        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, ChartShape shape)
    {
        switch (shape)
        {
            case RectShape r:
                using (var paint = Fill(r.Fill))
                {
                    canvas.DrawRect(new SKRect((float)r.X, (float)r.Y, (float)(r.X + Math.Max(0, r.Width)), (float)(r.Y + r.Height)), paint);
                }

                break;
            case LineShape l:
                using (var paint = Stroke(l.Stroke, l.StrokeWidth))
                {
                    canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, paint);
                }

                break;
            case PolylineShape p:
                using (var paint = Stroke(p.Stroke, p.StrokeWidth))
                {
                    paint.StrokeJoin = SKStrokeJoin.Round;
                    paint.StrokeCap = SKStrokeCap.Round;
                    canvas.DrawPoints(SKPointMode.Polygon, p.Points.Select(point => new SKPoint((float)point.X, (float)point.Y)).ToArray(), paint);
                }

                break;
            case CircleShape c:
                using (var paint = Fill(c.Fill))
                {
                    canvas.DrawCircle((float)c.X, (float)c.Y, (float)c.Radius, paint);
                }

                break;
            case TextShape t:
                using (var paint = Fill(t.Fill))
                using (var font = new SKFont(t.Bold ? Bold.Value : Regular.Value, (float)t.Size))
                {
                    var align = t.Anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
                    canvas.Save();
                    if (t.Rotate != 0)
                    {
                        canvas.RotateDegrees((float)t.Rotate, (float)t.X, (float)t.Y);
                    }

                    canvas.DrawText(t.Text, (float)t.X, (float)t.Y, align, font, paint);
                    canvas.Restore();
                }

                break;
        }
    }

    private static SKPaint Fill(string color) => new() { Color = SKColor.Parse(color), IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(string color, double width)
        => new() { Color = SKColor.Parse(color), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = (float)width };

    private static SKTypeface Typeface(SKFontStyle style)
    {
        foreach (var family in new[] { "Noto Sans", "DejaVu Sans", "Liberation Sans" })
        {
            var typeface = SKTypeface.FromFamilyName(family, style);
            if (typeface is not null && typeface.FamilyName == family)
            {
                return typeface;
            }
        }

        return SKTypeface.FromFamilyName(null, style) ?? SKTypeface.Default;
    }
}
