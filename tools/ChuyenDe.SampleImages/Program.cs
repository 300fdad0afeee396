// README — sample illustrations for recipes/sample-content.recipe.json.
// Regenerate (output is identical on every run: fixed seeds, no fonts, no metadata):
//     cd /work/main && dotnet run --project tools/ChuyenDe.SampleImages -- recipes/media/mau
// Every picture is drawn with plain pixel code (gradients, circles, polygons) on a 2× canvas, scaled down
// to 960×640 for smooth edges, stripped of EXIF/IPTC/XMP/ICC and saved as JPEG quality 80.
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ChuyenDe.SampleImages;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Usage: dotnet run --project tools/ChuyenDe.SampleImages -- <output folder>");
            return 2;
        }

        var output = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(output);

        var scenes = Scenes.All;
        for (var i = 0; i < scenes.Count; i++)
        {
            var (fileName, draw) = scenes[i];
            var canvas = new Canvas(960, 640);
            draw(canvas, new Random(20160 + (i * 7919)));
            var path = Path.Combine(output, fileName);
            canvas.SaveJpeg(path, 80);
            Console.WriteLine($"{fileName,-34} {new FileInfo(path).Length / 1024.0,6:0.0} KB");
        }

        return 0;
    }
}

/// <summary>A tiny RGB raster with anti-aliasing by supersampling: drawing happens at 2× and is scaled down on save.</summary>
internal sealed class Canvas
{
    private const int Scale = 2;
    private readonly Rgb24[] _pixels;
    private readonly int _pw;
    private readonly int _ph;
    private readonly List<float> _crossings = new();

    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        _pw = width * Scale;
        _ph = height * Scale;
        _pixels = new Rgb24[_pw * _ph];
    }

    public int Width { get; }

    public int Height { get; }

    public void SaveJpeg(string path, int quality)
    {
        using var image = Image.LoadPixelData<Rgb24>(_pixels, _pw, _ph);
        image.Mutate(x => x.Resize(Width, Height, KnownResamplers.Bicubic));
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        image.SaveAsJpeg(path, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 });
    }

    // ---- primitives (coordinates are in output pixels, floats allowed) ----

    public void Rect(float x, float y, float w, float h, Rgb24 c, float a = 1f)
    {
        var (r0, r1) = Rows(y, y + h);
        for (var py = r0; py <= r1; py++)
        {
            Span(py, x, x + w, c, a);
        }
    }

    public void VGradient(float x, float y, float w, float h, Rgb24 top, Rgb24 bottom)
    {
        var (r0, r1) = Rows(y, y + h);
        for (var py = r0; py <= r1; py++)
        {
            var t = Math.Clamp((RowY(py) - y) / h, 0f, 1f);
            Span(py, x, x + w, Palette.Mix(top, bottom, t), 1f);
        }
    }

    public void Ellipse(float cx, float cy, float rx, float ry, Rgb24 c, float a = 1f)
    {
        var (r0, r1) = Rows(cy - ry, cy + ry);
        for (var py = r0; py <= r1; py++)
        {
            var dy = (RowY(py) - cy) / ry;
            var k = 1f - (dy * dy);
            if (k <= 0f)
            {
                continue;
            }

            var half = rx * MathF.Sqrt(k);
            Span(py, cx - half, cx + half, c, a);
        }
    }

    public void Circle(float cx, float cy, float r, Rgb24 c, float a = 1f) => Ellipse(cx, cy, r, r, c, a);

    public void Ring(float cx, float cy, float r, float width, Rgb24 c, float a = 1f)
    {
        var ri = r - width;
        var (r0, r1) = Rows(cy - r, cy + r);
        for (var py = r0; py <= r1; py++)
        {
            var dy = RowY(py) - cy;
            var ko = (r * r) - (dy * dy);
            if (ko <= 0f)
            {
                continue;
            }

            var wo = MathF.Sqrt(ko);
            var ki = (ri * ri) - (dy * dy);
            if (ki <= 0f)
            {
                Span(py, cx - wo, cx + wo, c, a);
                continue;
            }

            var wi = MathF.Sqrt(ki);
            Span(py, cx - wo, cx - wi, c, a);
            Span(py, cx + wi, cx + wo, c, a);
        }
    }

    public void RoundRect(float x, float y, float w, float h, float r, Rgb24 c, float a = 1f)
    {
        r = MathF.Min(r, MathF.Min(w, h) / 2f);
        var (r0, r1) = Rows(y, y + h);
        for (var py = r0; py <= r1; py++)
        {
            var yy = RowY(py);
            var d = yy < y + r ? y + r - yy : yy > y + h - r ? yy - (y + h - r) : 0f;
            var inset = d > 0f ? r - MathF.Sqrt(MathF.Max(0f, (r * r) - (d * d))) : 0f;
            Span(py, x + inset, x + w - inset, c, a);
        }
    }

    public void Polygon(IReadOnlyList<(float X, float Y)> pts, Rgb24 c, float a = 1f)
    {
        if (pts.Count < 3)
        {
            return;
        }

        var minY = float.MaxValue;
        var maxY = float.MinValue;
        foreach (var p in pts)
        {
            minY = MathF.Min(minY, p.Y);
            maxY = MathF.Max(maxY, p.Y);
        }

        var (r0, r1) = Rows(minY, maxY);
        for (var py = r0; py <= r1; py++)
        {
            var yy = RowY(py);
            _crossings.Clear();
            for (var i = 0; i < pts.Count; i++)
            {
                var p = pts[i];
                var q = pts[(i + 1) % pts.Count];
                if ((p.Y <= yy && q.Y > yy) || (q.Y <= yy && p.Y > yy))
                {
                    _crossings.Add(p.X + ((yy - p.Y) * (q.X - p.X) / (q.Y - p.Y)));
                }
            }

            _crossings.Sort();
            for (var i = 0; i + 1 < _crossings.Count; i += 2)
            {
                Span(py, _crossings[i], _crossings[i + 1], c, a);
            }
        }
    }

    public void Poly(Rgb24 c, params (float X, float Y)[] pts) => Polygon(pts, c);

    /// <summary>A thick segment with round ends.</summary>
    public void Line(float x0, float y0, float x1, float y1, float width, Rgb24 c, float a = 1f)
    {
        var hw = width / 2f;
        var minX = MathF.Min(x0, x1) - hw;
        var maxX = MathF.Max(x0, x1) + hw;
        var (r0, r1) = Rows(MathF.Min(y0, y1) - hw, MathF.Max(y0, y1) + hw);
        var c0 = Math.Max(0, (int)MathF.Ceiling((minX * Scale) - 0.5f));
        var c1 = Math.Min(_pw - 1, (int)MathF.Floor((maxX * Scale) - 0.5f));
        var dx = x1 - x0;
        var dy = y1 - y0;
        var len2 = (dx * dx) + (dy * dy);
        for (var py = r0; py <= r1; py++)
        {
            var yy = RowY(py);
            for (var px = c0; px <= c1; px++)
            {
                var xx = (px + 0.5f) / Scale;
                var t = len2 > 0f ? Math.Clamp((((xx - x0) * dx) + ((yy - y0) * dy)) / len2, 0f, 1f) : 0f;
                var ex = xx - (x0 + (t * dx));
                var ey = yy - (y0 + (t * dy));
                if ((ex * ex) + (ey * ey) <= hw * hw)
                {
                    Blend(px, py, c, a);
                }
            }
        }
    }

    /// <summary>An elliptic arc drawn as short thick segments; angles in degrees, 0 = right, 90 = down.</summary>
    public void Arc(float cx, float cy, float rx, float ry, float fromDeg, float toDeg, float width, Rgb24 c, float a = 1f)
    {
        var steps = Math.Max(6, (int)(MathF.Abs(toDeg - fromDeg) / 6f));
        var prev = PointOn(cx, cy, rx, ry, fromDeg);
        for (var i = 1; i <= steps; i++)
        {
            var next = PointOn(cx, cy, rx, ry, fromDeg + ((toDeg - fromDeg) * i / steps));
            Line(prev.X, prev.Y, next.X, next.Y, width, c, a);
            prev = next;
        }
    }

    /// <summary>A soft radial light: alpha falls from maxAlpha at the centre to 0 at radius r.</summary>
    public void Glow(float cx, float cy, float r, Rgb24 c, float maxAlpha)
    {
        var (r0, r1) = Rows(cy - r, cy + r);
        var c0 = Math.Max(0, (int)MathF.Ceiling(((cx - r) * Scale) - 0.5f));
        var c1 = Math.Min(_pw - 1, (int)MathF.Floor(((cx + r) * Scale) - 0.5f));
        for (var py = r0; py <= r1; py++)
        {
            var dy = RowY(py) - cy;
            for (var px = c0; px <= c1; px++)
            {
                var dx = ((px + 0.5f) / Scale) - cx;
                var d = MathF.Sqrt((dx * dx) + (dy * dy)) / r;
                if (d < 1f)
                {
                    var k = 1f - d;
                    Blend(px, py, c, maxAlpha * k * k);
                }
            }
        }
    }

    public static (float X, float Y) PointOn(float cx, float cy, float rx, float ry, float deg)
    {
        var rad = deg * MathF.PI / 180f;
        return (cx + (rx * MathF.Cos(rad)), cy + (ry * MathF.Sin(rad)));
    }

    // ---- raster helpers ----

    private static float RowY(int py) => (py + 0.5f) / Scale;

    private (int From, int To) Rows(float y0, float y1)
    {
        var r0 = Math.Max(0, (int)MathF.Ceiling((y0 * Scale) - 0.5f));
        var r1 = Math.Min(_ph - 1, (int)MathF.Floor((y1 * Scale) - 0.5f));
        return (r0, r1);
    }

    private void Span(int py, float xl, float xr, Rgb24 c, float a)
    {
        if (py < 0 || py >= _ph)
        {
            return;
        }

        var x0 = Math.Max(0, (int)MathF.Ceiling((xl * Scale) - 0.5f));
        var x1 = Math.Min(_pw - 1, (int)MathF.Floor((xr * Scale) - 0.5f));
        for (var px = x0; px <= x1; px++)
        {
            Blend(px, py, c, a);
        }
    }

    private void Blend(int px, int py, Rgb24 c, float a)
    {
        ref var d = ref _pixels[(py * _pw) + px];
        if (a >= 1f)
        {
            d = c;
            return;
        }

        d = new Rgb24(Lerp(d.R, c.R, a), Lerp(d.G, c.G, a), Lerp(d.B, c.B, a));
    }

    private static byte Lerp(byte from, byte to, float t) => (byte)Math.Clamp((int)MathF.Round(from + ((to - from) * t)), 0, 255);
}

internal static class Palette
{
    public static readonly Rgb24 White = Hex("#FFFFFF");
    public static readonly Rgb24 Black = Hex("#000000");
    public static readonly Rgb24 Ink = Hex("#2B2B3A");

    public static Rgb24 Hex(string s) => new(
        Convert.ToByte(s.Substring(1, 2), 16),
        Convert.ToByte(s.Substring(3, 2), 16),
        Convert.ToByte(s.Substring(5, 2), 16));

    public static Rgb24 Mix(Rgb24 a, Rgb24 b, float t) => new(
        (byte)MathF.Round(a.R + ((b.R - a.R) * t)),
        (byte)MathF.Round(a.G + ((b.G - a.G) * t)),
        (byte)MathF.Round(a.B + ((b.B - a.B) * t)));

    /// <summary>Positive amounts lighten towards white, negative darken towards black.</summary>
    public static Rgb24 Shade(Rgb24 c, float amount) => amount >= 0f ? Mix(c, White, amount) : Mix(c, Black, -amount);

    public static Rgb24 Pick(Random rnd, Rgb24[] colors) => colors[rnd.Next(colors.Length)];
}

/// <summary>Reusable pieces of the illustrations.</summary>
internal static class Parts
{
    public static (float X, float Y)[] Star(float cx, float cy, float rOuter, float rInner, int points, float rotationDeg = -90f)
    {
        var pts = new (float X, float Y)[points * 2];
        for (var i = 0; i < points * 2; i++)
        {
            var r = i % 2 == 0 ? rOuter : rInner;
            pts[i] = Canvas.PointOn(cx, cy, r, r, rotationDeg + (i * 180f / points));
        }

        return pts;
    }

    public static (float X, float Y)[] Gear(float cx, float cy, float r, int teeth, float rotationDeg)
    {
        var pts = new List<(float X, float Y)>();
        var step = 360f / teeth;
        for (var i = 0; i < teeth; i++)
        {
            var a = rotationDeg + (i * step);
            pts.Add(Canvas.PointOn(cx, cy, r, r, a));
            pts.Add(Canvas.PointOn(cx, cy, r * 1.2f, r * 1.2f, a + (step * 0.15f)));
            pts.Add(Canvas.PointOn(cx, cy, r * 1.2f, r * 1.2f, a + (step * 0.45f)));
            pts.Add(Canvas.PointOn(cx, cy, r, r, a + (step * 0.6f)));
        }

        return pts.ToArray();
    }

    public static (float X, float Y)[] Sector(float cx, float cy, float r, float fromDeg, float toDeg)
    {
        var pts = new List<(float X, float Y)> { (cx, cy) };
        var steps = Math.Max(2, (int)(MathF.Abs(toDeg - fromDeg) / 5f));
        for (var i = 0; i <= steps; i++)
        {
            pts.Add(Canvas.PointOn(cx, cy, r, r, fromDeg + ((toDeg - fromDeg) * i / steps)));
        }

        return pts.ToArray();
    }

    /// <summary>A pointed leaf of the given length and width, rotated (0° points right, 90° down).</summary>
    public static (float X, float Y)[] Leaf(float x, float y, float length, float width, float deg)
    {
        var rad = deg * MathF.PI / 180f;
        var (cos, sin) = (MathF.Cos(rad), MathF.Sin(rad));
        var pts = new List<(float X, float Y)>();
        const int n = 10;
        for (var i = 0; i <= n; i++)
        {
            var t = (float)i / n;
            pts.Add((t * length, MathF.Sin(t * MathF.PI) * width / 2f));
        }

        for (var i = n - 1; i > 0; i--)
        {
            var t = (float)i / n;
            pts.Add((t * length, -MathF.Sin(t * MathF.PI) * width / 2f));
        }

        return pts.Select(p => (x + (p.Item1 * cos) - (p.Item2 * sin), y + (p.Item1 * sin) + (p.Item2 * cos))).ToArray();
    }

    public static void Sun(Canvas c, float x, float y, float r, Rgb24 core, Rgb24 glow)
    {
        c.Glow(x, y, r * 2.8f, glow, 0.55f);
        for (var i = 0; i < 12; i++)
        {
            var a = i * 30f;
            var (x0, y0) = Canvas.PointOn(x, y, r * 1.3f, r * 1.3f, a);
            var (x1, y1) = Canvas.PointOn(x, y, r * 1.75f, r * 1.75f, a);
            c.Line(x0, y0, x1, y1, r * 0.14f, core);
        }

        c.Circle(x, y, r, core);
        c.Circle(x - (r * 0.28f), y - (r * 0.3f), r * 0.45f, Palette.Shade(core, 0.35f), 0.6f);
    }

    public static void Cloud(Canvas c, float x, float y, float s, Rgb24 col)
    {
        c.Ellipse(x - (42 * s), y + (8 * s), 42 * s, 24 * s, col);
        c.Ellipse(x + (46 * s), y + (6 * s), 46 * s, 26 * s, col);
        c.Ellipse(x - (6 * s), y - (14 * s), 44 * s, 34 * s, col);
        c.Ellipse(x + (2 * s), y + (12 * s), 70 * s, 22 * s, col);
    }

    public static void Tree(Canvas c, float x, float groundY, float s, Rgb24 leaf, Rgb24 trunk)
    {
        c.Ellipse(x, groundY, 48 * s, 9 * s, Palette.Black, 0.12f);
        c.Poly(trunk, (x - (9 * s), groundY), (x - (6 * s), groundY - (80 * s)), (x + (6 * s), groundY - (80 * s)), (x + (9 * s), groundY));
        var dark = Palette.Shade(leaf, -0.18f);
        c.Circle(x - (36 * s), groundY - (92 * s), 36 * s, dark);
        c.Circle(x + (36 * s), groundY - (92 * s), 38 * s, dark);
        c.Circle(x, groundY - (120 * s), 50 * s, leaf);
        c.Circle(x - (30 * s), groundY - (100 * s), 32 * s, leaf);
        c.Circle(x + (28 * s), groundY - (104 * s), 34 * s, leaf);
        c.Circle(x - (16 * s), groundY - (136 * s), 22 * s, Palette.Shade(leaf, 0.25f), 0.7f);
    }

    public static void Pine(Canvas c, float x, float groundY, float s, Rgb24 leaf)
    {
        c.Rect(x - (6 * s), groundY - (30 * s), 12 * s, 30 * s, Palette.Hex("#7A5234"));
        for (var i = 0; i < 3; i++)
        {
            var top = groundY - (150 * s) + (i * 34 * s);
            var half = (34 + (i * 14)) * s;
            var col = Palette.Shade(leaf, -0.06f * i);
            c.Poly(col, (x, top), (x + half, top + (64 * s)), (x - half, top + (64 * s)));
        }
    }

    public static void Flower(Canvas c, float x, float y, float s, Rgb24 petal, Rgb24 centre)
    {
        c.Line(x, y, x, y + (22 * s), 3 * s, Palette.Hex("#3E8E41"));
        for (var i = 0; i < 5; i++)
        {
            var (px, py) = Canvas.PointOn(x, y, 7 * s, 7 * s, (i * 72f) - 90f);
            c.Circle(px, py, 5.5f * s, petal);
        }

        c.Circle(x, y, 4.5f * s, centre);
    }

    /// <summary>A toy block drawn in three faces.</summary>
    public static void Block(Canvas c, float x, float y, float w, float h, Rgb24 col, float depth = 12f)
    {
        c.Poly(Palette.Shade(col, 0.3f), (x, y), (x + depth, y - depth), (x + w + depth, y - depth), (x + w, y));
        c.Poly(Palette.Shade(col, -0.22f), (x + w, y), (x + w + depth, y - depth), (x + w + depth, y + h - depth), (x + w, y + h));
        c.Rect(x, y, w, h, col);
    }

    public static void Ball(Canvas c, float x, float y, float r, Rgb24 col, Rgb24 stripe)
    {
        c.Ellipse(x + (r * 0.15f), y + (r * 0.95f), r * 0.95f, r * 0.22f, Palette.Black, 0.16f);
        c.Circle(x, y, r, col);
        c.Ellipse(x, y, r * 0.97f, r * 0.3f, stripe);
        c.Circle(x + (r * 0.25f), y + (r * 0.3f), r * 0.75f, Palette.Shade(col, -0.25f), 0.22f);
        c.Circle(x - (r * 0.38f), y - (r * 0.42f), r * 0.2f, Palette.White, 0.65f);
    }

    /// <summary>A simple, friendly figure standing on groundY.</summary>
    public static void Person(Canvas c, float x, float groundY, float h, Rgb24 shirt, Rgb24 legs, Rgb24 skin, Rgb24 hair, bool armsUp = false)
    {
        var headR = h * 0.12f;
        var headY = groundY - h + headR;
        var bodyTop = headY + headR + (h * 0.02f);
        var bodyH = h * 0.4f;
        var bodyW = h * 0.3f;
        var legW = h * 0.075f;
        c.Ellipse(x, groundY, h * 0.22f, h * 0.04f, Palette.Black, 0.14f);
        c.Rect(x - (bodyW * 0.32f), bodyTop + bodyH - 4, legW, groundY - (bodyTop + bodyH) + 2, legs);
        c.Rect(x + (bodyW * 0.32f) - legW, bodyTop + bodyH - 4, legW, groundY - (bodyTop + bodyH) + 2, legs);
        c.Ellipse(x - (bodyW * 0.32f) + (legW * 0.3f), groundY - 2, legW * 0.9f, legW * 0.45f, Palette.Ink);
        c.Ellipse(x + (bodyW * 0.32f) - (legW * 0.3f), groundY - 2, legW * 0.9f, legW * 0.45f, Palette.Ink);
        var armW = h * 0.06f;
        if (armsUp)
        {
            c.Line(x - (bodyW * 0.45f), bodyTop + (h * 0.05f), x - (bodyW * 0.95f), bodyTop - (h * 0.16f), armW, shirt);
            c.Line(x + (bodyW * 0.45f), bodyTop + (h * 0.05f), x + (bodyW * 0.95f), bodyTop - (h * 0.16f), armW, shirt);
            c.Circle(x - (bodyW * 0.95f), bodyTop - (h * 0.16f), armW * 0.6f, skin);
            c.Circle(x + (bodyW * 0.95f), bodyTop - (h * 0.16f), armW * 0.6f, skin);
        }
        else
        {
            c.Line(x - (bodyW * 0.45f), bodyTop + (h * 0.05f), x - (bodyW * 0.62f), bodyTop + (h * 0.33f), armW, shirt);
            c.Line(x + (bodyW * 0.45f), bodyTop + (h * 0.05f), x + (bodyW * 0.62f), bodyTop + (h * 0.33f), armW, shirt);
            c.Circle(x - (bodyW * 0.62f), bodyTop + (h * 0.35f), armW * 0.6f, skin);
            c.Circle(x + (bodyW * 0.62f), bodyTop + (h * 0.35f), armW * 0.6f, skin);
        }

        c.RoundRect(x - (bodyW / 2f), bodyTop, bodyW, bodyH, bodyW * 0.3f, shirt);
        c.Rect(x - (h * 0.03f), headY + (headR * 0.8f), h * 0.06f, h * 0.05f, skin);
        c.Circle(x, headY - (headR * 0.08f), headR * 1.06f, hair);
        c.Ellipse(x, headY + (headR * 0.12f), headR * 0.9f, headR * 0.88f, skin);
        c.Ellipse(x, headY - (headR * 0.55f), headR * 0.92f, headR * 0.38f, hair);
        c.Circle(x - (headR * 0.35f), headY + (headR * 0.1f), headR * 0.1f, Palette.Ink);
        c.Circle(x + (headR * 0.35f), headY + (headR * 0.1f), headR * 0.1f, Palette.Ink);
        c.Arc(x, headY + (headR * 0.3f), headR * 0.35f, headR * 0.25f, 20f, 160f, headR * 0.09f, Palette.Hex("#B5523B"));
        c.Circle(x - (headR * 0.55f), headY + (headR * 0.42f), headR * 0.15f, Palette.Hex("#F2908A"), 0.5f);
        c.Circle(x + (headR * 0.55f), headY + (headR * 0.42f), headR * 0.15f, Palette.Hex("#F2908A"), 0.5f);
    }

    /// <summary>Someone seen from behind (audience), head and shoulders only.</summary>
    public static void Back(Canvas c, float x, float y, float s, Rgb24 shirt, Rgb24 hair)
    {
        c.Ellipse(x, y + (44 * s), 40 * s, 34 * s, shirt);
        c.Rect(x - (8 * s), y + (8 * s), 16 * s, 14 * s, Palette.Hex("#E9B48F"));
        c.Circle(x, y, 22 * s, hair);
        c.Circle(x - (7 * s), y - (8 * s), 9 * s, Palette.Shade(hair, 0.18f), 0.5f);
    }

    public static void Bunting(Canvas c, float x0, float y0, float x1, float y1, float sag, int flags, Rgb24[] colors)
    {
        (float X, float Y) At(float t) => (x0 + ((x1 - x0) * t), y0 + ((y1 - y0) * t) + (sag * 4f * t * (1f - t)));
        for (var i = 0; i < 40; i++)
        {
            var a = At(i / 40f);
            var b = At((i + 1) / 40f);
            c.Line(a.X, a.Y, b.X, b.Y, 2.5f, Palette.Hex("#6B5B4B"));
        }

        for (var i = 0; i < flags; i++)
        {
            var t0 = (i + 0.1f) / flags;
            var t1 = (i + 0.9f) / flags;
            var a = At(t0);
            var b = At(t1);
            var m = At((t0 + t1) / 2f);
            c.Poly(colors[i % colors.Length], a, b, (m.X, m.Y + ((b.X - a.X) * 0.95f)));
        }
    }

    public static void TextBars(Canvas c, float cx, float y, float width, float height, Rgb24 col, Random rnd)
    {
        // Stand-ins for lettering: a row of rounded word blocks, centred.
        var words = new List<float>();
        var total = 0f;
        while (total < width)
        {
            var w = height * (1.5f + (float)rnd.NextDouble() * 3f);
            words.Add(w);
            total += w + (height * 0.6f);
        }

        var x = cx - (width / 2f);
        foreach (var w in words)
        {
            var ww = MathF.Min(w, cx + (width / 2f) - x);
            if (ww > height)
            {
                c.RoundRect(x, y, ww, height, height * 0.35f, col);
            }

            x += w + (height * 0.6f);
        }
    }

    public static void Window(Canvas c, float x, float y, float w, float h, Rgb24 frame, Rgb24 glassTop, Rgb24 glassBottom)
    {
        c.Rect(x - 6, y - 6, w + 12, h + 12, frame);
        c.VGradient(x, y, w, h, glassTop, glassBottom);
        c.Poly(Palette.White, (x + (w * 0.15f), y + h), (x + (w * 0.45f), y), (x + (w * 0.58f), y), (x + (w * 0.28f), y + h));
        c.Rect(x + (w / 2f) - 3, y, 6, h, frame);
        c.Rect(x, y + (h / 2f) - 3, w, 6, frame);
    }

    public static void Pot(Canvas c, float x, float baseY, float w, Rgb24 col)
    {
        var h = w * 0.8f;
        c.Poly(col, (x - (w / 2f), baseY - h), (x + (w / 2f), baseY - h), (x + (w * 0.36f), baseY), (x - (w * 0.36f), baseY));
        c.Rect(x - (w * 0.56f), baseY - h - (w * 0.16f), w * 1.12f, w * 0.2f, Palette.Shade(col, -0.12f));
    }

    public static void Plant(Canvas c, float x, float y, float s, Rgb24 leaf, Random rnd)
    {
        var n = 5 + rnd.Next(4);
        for (var i = 0; i < n; i++)
        {
            var deg = -160f + (140f * i / (n - 1)) + rnd.Next(-8, 9);
            var col = i % 2 == 0 ? leaf : Palette.Shade(leaf, -0.15f);
            c.Polygon(Leaf(x, y, (34 + rnd.Next(16)) * s, 14 * s, deg), col);
        }
    }
}

internal static class Scenes
{
    public static IReadOnlyList<(string FileName, Action<Canvas, Random> Draw)> All { get; } = new (string, Action<Canvas, Random>)[]
    {
        ("lop-hoc-goc-xay-dung.jpg", BuildingCorner),
        ("san-truong-xanh.jpg", GreenSchoolyard),
        ("truong-mam-non-mat-tien.jpg", SchoolFront),
        ("vuon-rau-cua-be.jpg", VegetableGarden),
        ("ke-sach-goc-doc.jpg", ReadingCorner),
        ("san-khau-van-nghe.jpg", Stage),
        ("goc-van-dong-bong.jpg", MovementCorner),
        ("gio-an-tu-phuc-vu.jpg", MealTime),
        ("goc-thien-nhien.jpg", NatureCorner),
        ("hoat-dong-steam.jpg", Steam),
        ("phu-huynh-cung-be.jpg", ParentAndChild),
        ("tap-huan-giao-vien.jpg", Training),
        ("hoi-nghi-so-ket.jpg", Conference),
        ("san-choi-cat-nuoc.jpg", SandAndWater),
        ("dem-hoi-trang-ram.jpg", LanternNight),
        ("tham-quan-hoc-tap.jpg", StudyVisit),
        ("bang-tien-bo-cua-be.jpg", ProgressBoard),
    };

    private static Rgb24 H(string hex) => Palette.Hex(hex);

    private static readonly Rgb24[] Toys = { H("#E94F37"), H("#F6C026"), H("#3F88C5"), H("#44BBA4"), H("#F08A4B"), H("#8E6CCF") };
    private static readonly Rgb24[] Skins = { H("#F1C7A5"), H("#E8B48C"), H("#D9A07A"), H("#F5D2B8") };
    private static readonly Rgb24[] Hairs = { H("#2E2420"), H("#3B2A20"), H("#1F1A1A"), H("#4A3426") };

    private static void BuildingCorner(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 430, H("#FFF4DA"), H("#FBE2B6"));
        c.Rect(0, 352, 960, 78, H("#F5C98F"));
        c.Rect(0, 352, 960, 6, H("#E3AE6B"));
        Parts.Window(c, 70, 80, 230, 180, H("#FFFFFF"), H("#9ED8F5"), H("#DDF3FF"));
        c.Poly(H("#8ACB7A"), (70, 260), (70, 215), (140, 190), (210, 220), (262, 196), (300, 214), (300, 260));
        c.Rect(182, 80, 6, 180, H("#FFFFFF"));
        c.Rect(70, 167, 230, 6, H("#FFFFFF"));
        Parts.Bunting(c, 0, 26, 960, 30, 42, 14, Toys);

        // Wooden floor with planks.
        c.VGradient(0, 430, 960, 210, H("#DDA56A"), H("#C4864C"));
        for (var y = 452; y < 640; y += 30)
        {
            c.Rect(0, y, 960, 2, H("#A86B35"), 0.45f);
        }

        // Shelf with toy bins.
        c.Rect(700, 236, 232, 196, H("#B9804A"));
        c.Rect(712, 248, 208, 80, H("#8F5E32"));
        c.Rect(712, 340, 208, 80, H("#8F5E32"));
        for (var i = 0; i < 3; i++)
        {
            c.RoundRect(718 + (i * 68), 282, 62, 46, 6, Toys[i + 2]);
            c.RoundRect(718 + (i * 68), 374, 62, 46, 6, Toys[(i + 4) % Toys.Length]);
        }

        Parts.Block(c, 728, 262, 22, 20, Toys[0], 6);
        Parts.Block(c, 860, 258, 26, 24, Toys[1], 6);

        // Rug.
        c.Ellipse(470, 560, 340, 74, H("#3F8FC9"));
        c.Ellipse(470, 560, 312, 62, H("#69B3E3"));

        // Tower of bricks.
        for (var i = 0; i < 7; i++)
        {
            var off = (float)(rnd.NextDouble() * 8) - 4;
            Parts.Block(c, 250 + off, 520 - (i * 36), 74, 34, Toys[i % Toys.Length]);
        }

        // Bridge: two pillars and a beam, with a roof on top.
        Parts.Block(c, 390, 470, 32, 84, H("#3F88C5"));
        Parts.Block(c, 500, 470, 32, 84, H("#3F88C5"));
        Parts.Block(c, 378, 438, 168, 32, H("#F6C026"));
        c.Poly(H("#E94F37"), (388, 438), (462, 382), (536, 438));

        // A little house.
        Parts.Block(c, 590, 500, 96, 60, H("#44BBA4"));
        c.Poly(H("#E94F37"), (580, 500), (638, 452), (696, 500));
        c.Rect(626, 520, 22, 40, H("#2F7E70"));

        // Scattered blocks and cylinders.
        for (var i = 0; i < 9; i++)
        {
            var x = 130 + (i * 86) + rnd.Next(-20, 20);
            var y = 590 + rnd.Next(0, 30);
            var col = Palette.Pick(rnd, Toys);
            if (i % 3 == 0)
            {
                c.Rect(x, y - 30, 34, 30, col);
                c.Ellipse(x + 17, y - 30, 17, 6, Palette.Shade(col, 0.3f));
                c.Ellipse(x + 17, y, 17, 6, col);
            }
            else
            {
                Parts.Block(c, x, y - 26, 30 + rnd.Next(14), 26, col, 8);
            }
        }
    }

    private static void GreenSchoolyard(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 420, H("#63BFEF"), H("#D2F0FF"));
        Parts.Sun(c, 830, 100, 50, H("#FFD23F"), H("#FFF3B0"));
        Parts.Cloud(c, 210, 90, 1.0f, H("#FFFFFF"));
        Parts.Cloud(c, 560, 64, 0.75f, H("#FFFFFF"));
        c.Ellipse(190, 440, 380, 130, H("#96D48C"));
        c.Ellipse(780, 450, 390, 140, H("#84CB7E"));
        c.VGradient(0, 400, 960, 240, H("#7CCB6B"), H("#4DA648"));

        // School house.
        c.Rect(330, 250, 300, 172, H("#FFF1C9"));
        c.Rect(330, 400, 300, 22, H("#E9D7A6"));
        c.Poly(H("#E4573D"), (306, 258), (480, 148), (654, 258));
        c.Poly(H("#C84630"), (306, 258), (654, 258), (650, 270), (310, 270));
        c.Circle(480, 212, 22, H("#FFFFFF"));
        c.Ring(480, 212, 22, 4, H("#C84630"));
        c.Line(480, 212, 480, 198, 3, H("#444444"));
        c.Line(480, 212, 491, 216, 3, H("#444444"));
        Parts.Window(c, 356, 298, 56, 56, H("#FFFFFF"), H("#8ED3F2"), H("#D4F0FF"));
        Parts.Window(c, 548, 298, 56, 56, H("#FFFFFF"), H("#8ED3F2"), H("#D4F0FF"));
        c.RoundRect(450, 316, 60, 106, 26, H("#3F88C5"));
        c.Circle(498, 372, 4, H("#FFD23F"));

        // Flag.
        c.Line(700, 176, 700, 430, 5, H("#8C8C8C"));
        c.Rect(702, 180, 76, 50, H("#DA251D"));
        c.Poly(H("#FFDE00"), Parts.Star(740, 206, 16, 6.3f, 5));

        // Path.
        c.Poly(H("#E9D4A3"), (452, 422), (508, 422), (610, 640), (350, 640));
        Parts.Tree(c, 140, 438, 1.25f, H("#4CAF50"), H("#7A5234"));
        Parts.Tree(c, 255, 470, 0.85f, H("#66BB6A"), H("#7A5234"));
        Parts.Tree(c, 815, 474, 1.05f, H("#43A047"), H("#7A5234"));
        Parts.Pine(c, 915, 430, 0.9f, H("#2E7D32"));

        var petals = new[] { H("#FF6F91"), H("#FFC75F"), H("#F9F871"), H("#FFFFFF"), H("#C34A36") };
        for (var i = 0; i < 28; i++)
        {
            var x = rnd.Next(20, 940);
            var y = rnd.Next(500, 620);
            if (x > 330 && x < 630)
            {
                continue;
            }

            Parts.Flower(c, x, y, 0.9f + ((y - 500) / 200f), Palette.Pick(rnd, petals), H("#F9A825"));
        }
    }

    private static void SchoolFront(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 500, H("#FFD3C2"), H("#FFF4E1"));
        Parts.Cloud(c, 120, 70, 0.7f, H("#FFF8F2"));
        Parts.Cloud(c, 860, 54, 0.6f, H("#FFF8F2"));

        // Building, two storeys.
        c.Rect(150, 170, 660, 332, H("#FFE08A"));
        c.Rect(150, 330, 660, 16, H("#E86A5C"));
        for (var x = 166; x < 800; x += 36)
        {
            c.Rect(x, 300, 8, 30, H("#E86A5C"));
        }

        c.Rect(150, 296, 660, 6, H("#E86A5C"));
        c.Poly(H("#D9553F"), (126, 178), (206, 104), (754, 104), (834, 178));
        c.Rect(150, 140, 660, 3, H("#B8432F"), 0.5f);
        c.Rect(140, 166, 680, 3, H("#B8432F"), 0.5f);

        c.RoundRect(384, 118, 192, 44, 10, H("#FFFFFF"));
        c.RoundRect(390, 124, 180, 32, 8, H("#1F6FB2"));
        Parts.TextBars(c, 480, 134, 150, 12, H("#FFFFFF"), rnd);

        var glassTop = H("#9ED8F5");
        var glassBottom = H("#E0F5FF");
        for (var i = 0; i < 6; i++)
        {
            var x = 186 + (i * 104);
            Parts.Window(c, x, 200, 66, 76, H("#FFFFFF"), glassTop, glassBottom);
            if (i is 2 or 3)
            {
                continue;
            }

            Parts.Window(c, x, 380, 66, 80, H("#FFFFFF"), glassTop, glassBottom);
        }

        // Entrance with canopy.
        c.RoundRect(428, 370, 104, 132, 40, H("#8A5A34"));
        c.Rect(478, 380, 4, 122, H("#6A4225"));
        c.Poly(H("#3FA7A0"), (404, 372), (556, 372), (536, 350), (424, 350));
        c.Rect(400, 502, 160, 10, H("#D7CCBA"));

        c.VGradient(0, 500, 960, 140, H("#C3E6A4"), H("#86C86A"));
        c.Rect(0, 500, 960, 34, H("#E9E2D5"));

        // Trees and flowering shrubs.
        Parts.Tree(c, 70, 560, 1.35f, H("#4CAF50"), H("#7A5234"));
        Parts.Tree(c, 895, 560, 1.3f, H("#5DB761"), H("#7A5234"));
        for (var i = 0; i < 8; i++)
        {
            var x = 180 + (i * 86);
            if (x > 380 && x < 560)
            {
                continue;
            }

            c.Ellipse(x, 530, 40, 24, H("#3E9B4F"));
            for (var k = 0; k < 3; k++)
            {
                c.Circle(x + rnd.Next(-26, 26), 522 + rnd.Next(-10, 10), 6, H("#FF7BAC"));
            }
        }

        // Colourful fence with a gate gap.
        var fence = new[] { H("#F94144"), H("#F8961E"), H("#F9C74F"), H("#90BE6D"), H("#43AA8B"), H("#577590") };
        c.Rect(0, 580, 400, 8, H("#FFFFFF"));
        c.Rect(560, 580, 400, 8, H("#FFFFFF"));
        for (var i = 0; i < 32; i++)
        {
            var x = 6 + (i * 30);
            if (x > 392 && x < 560)
            {
                continue;
            }

            var col = fence[i % fence.Length];
            c.Rect(x, 560, 18, 64, col);
            c.Poly(col, (x, 560), (x + 9, 549), (x + 18, 560));
        }
    }

    private static void VegetableGarden(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 310, H("#86CEF0"), H("#E8F8FF"));
        Parts.Sun(c, 110, 86, 42, H("#FFC93C"), H("#FFF1B8"));
        Parts.Cloud(c, 620, 80, 0.8f, H("#FFFFFF"));

        // Fence and sunflowers.
        for (var x = 0; x < 960; x += 40)
        {
            c.Rect(x + 5, 224, 30, 80, H("#F2E1C0"));
            c.Poly(H("#F2E1C0"), (x + 5, 224), (x + 20, 208), (x + 35, 224));
        }

        c.Rect(0, 246, 960, 8, H("#D8C29A"));
        c.Rect(0, 282, 960, 8, H("#D8C29A"));
        for (var i = 0; i < 7; i++)
        {
            var x = 60 + (i * 140) + rnd.Next(-20, 20);
            var top = 150 + rnd.Next(0, 40);
            c.Line(x, top, x, 310, 6, H("#4E9A3A"));
            c.Polygon(Parts.Leaf(x, top + 70, 40, 18, -20), H("#5DAE47"));
            c.Polygon(Parts.Leaf(x, top + 100, 40, 18, 200), H("#5DAE47"));
            for (var k = 0; k < 12; k++)
            {
                var (px, py) = Canvas.PointOn(x, top, 22, 22, k * 30f);
                c.Circle(px, py, 11, H("#FFC107"));
            }

            c.Circle(x, top, 16, H("#6D4C2F"));
            c.Circle(x - 4, top - 4, 6, H("#8A6644"), 0.7f);
        }

        c.VGradient(0, 304, 960, 336, H("#B4DC8A"), H("#8FCB66"));

        // Raised beds in perspective, rows of vegetables.
        const float vx = 480f;
        const float vy = 150f;
        float Px(float xBottom, float y) => vx + ((xBottom - vx) * (y - vy) / (640f - vy));
        var beds = new (float L, float R)[] { (-260, 60), (170, 470), (560, 860), (960, 1260) };
        var crops = new[] { H("#2E9E48"), H("#4CAF50"), H("#6CC04A"), H("#3C8D40") };
        const float topY = 318f;
        for (var b = 0; b < beds.Length; b++)
        {
            var (l, r) = beds[b];
            c.Poly(H("#7B4A2C"), (Px(l, topY), topY), (Px(r, topY), topY), (Px(r, 640), 640), (Px(l, 640), 640));
            c.Poly(H("#93593A"), (Px(l + 14, topY + 2), topY + 2), (Px(r - 14, topY + 2), topY + 2), (Px(r - 14, 640), 640), (Px(l + 14, 640), 640));
            var mid = (l + r) / 2f;
            for (var k = 0; k < 6; k++)
            {
                var t = k / 5f;
                var y = topY + 12 + ((640 - topY) * t * t * 0.95f);
                var scale = (y - vy) / (640 - vy);
                foreach (var side in new[] { -0.22f, 0.22f })
                {
                    var x = Px(mid + ((r - l) * side), y);
                    var s = 0.25f + (scale * 0.9f);
                    Parts.Plant(c, x, y, s, crops[(b + k) % crops.Length], rnd);
                    if (b == 1 && k % 2 == 0)
                    {
                        c.Circle(x + (6 * s), y - (14 * s), 6 * s, H("#E53935"));
                    }

                    if (b == 2 && k % 3 == 1)
                    {
                        c.Poly(H("#FB8C00"), (x - (5 * s), y - (2 * s)), (x + (5 * s), y - (2 * s)), (x, y + (20 * s)));
                    }
                }
            }
        }

        // Watering can.
        c.RoundRect(770, 540, 100, 68, 16, H("#2F9BE8"));
        c.Poly(H("#2F9BE8"), (770, 560), (708, 520), (700, 528), (770, 580));
        c.Ellipse(704, 524, 12, 7, H("#1F7FC4"));
        c.Arc(820, 540, 40, 30, 180f, 360f, 9, H("#1F7FC4"));
        c.Rect(770, 570, 100, 8, H("#FFFFFF"), 0.6f);
    }

    private static void ReadingCorner(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 470, H("#E2F6EE"), H("#C7EADB"));
        c.VGradient(0, 470, 960, 170, H("#EBCB9E"), H("#D5AC78"));

        // Pictures on the wall.
        var frames = new[] { (70f, 90f), (230f, 70f) };
        foreach (var (fx, fy) in frames)
        {
            c.Rect(fx, fy, 130, 100, H("#FFFFFF"));
            c.Rect(fx + 8, fy + 8, 114, 84, H("#FFF7D6"));
        }

        c.Circle(110, 130, 18, H("#FFB703"));
        c.Poly(H("#8ECAE6"), (78, 182), (120, 146), (150, 168), (192, 140), (192, 182));
        c.Rect(262, 110, 60, 44, H("#F28482"));
        c.Poly(H("#84A59D"), (254, 112), (292, 84), (330, 112));
        c.Rect(284, 130, 16, 24, H("#6D597A"));

        // Bookshelf.
        c.Rect(430, 96, 430, 380, H("#A8733F"));
        c.Rect(446, 112, 398, 352, H("#7A4E2A"));
        var bookColours = new[] { H("#E63946"), H("#F1FAEE"), H("#A8DADC"), H("#457B9D"), H("#FFB703"), H("#FB8500"), H("#8ECAE6"), H("#6A4C93"), H("#2A9D8F") };
        for (var shelf = 0; shelf < 4; shelf++)
        {
            var baseY = 196 + (shelf * 88);
            c.Rect(440, baseY, 410, 12, H("#B98350"));
            var x = 452f;
            while (x < 830)
            {
                var w = 14 + rnd.Next(18);
                var h = 48 + rnd.Next(28);
                var col = Palette.Pick(rnd, bookColours);
                var roll = rnd.Next(10);
                if (roll == 0 && x < 780)
                {
                    Parts.Ball(c, x + 22, baseY - 22, 20, H("#FF6B6B"), H("#FFFFFF"));
                    x += 48;
                    continue;
                }

                if (roll == 1 && x + w + 40 < 838)
                {
                    c.Poly(col, (x, baseY), (x + w, baseY), (x + w + 36, baseY - h + 6), (x + 36, baseY - h + 6));
                    x += w + 40;
                    continue;
                }

                if (x + w > 838)
                {
                    break;
                }

                c.Rect(x, baseY - h, w, h, col);
                c.Rect(x, baseY - h + 8, w, 5, Palette.Shade(col, -0.2f));
                c.Rect(x, baseY - 14, w, 4, Palette.Shade(col, 0.4f));
                x += w + 2;
            }
        }

        // Rug, cushions and an open book.
        c.Ellipse(230, 566, 210, 58, H("#F28C8C"));
        c.Ellipse(230, 566, 190, 48, H("#F6A8A8"));
        c.RoundRect(110, 500, 96, 56, 22, H("#FFC857"));
        c.RoundRect(262, 508, 110, 52, 22, H("#5E9BD6"));
        c.Poly(H("#FFFFFF"), (180, 590), (232, 576), (232, 610), (178, 622));
        c.Poly(H("#F3F3F3"), (232, 576), (286, 588), (288, 620), (232, 610));
        for (var k = 0; k < 3; k++)
        {
            c.Line(190, 592 + (k * 8), 222, 584 + (k * 8), 2, H("#9AA0A6"));
            c.Line(242, 585 + (k * 8), 276, 593 + (k * 8), 2, H("#9AA0A6"));
        }

        // Plant by the shelf.
        Parts.Pot(c, 905, 470, 70, H("#D8693E"));
        Parts.Plant(c, 905, 408, 1.6f, H("#3A9D5D"), rnd);
        Parts.Plant(c, 905, 420, 1.2f, H("#57B96F"), rnd);
    }

    private static void Stage(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 450, H("#35246A"), H("#5B3A92"));
        for (var i = 0; i < 22; i++)
        {
            c.Circle(rnd.Next(170, 790), rnd.Next(60, 430), 1.5f + (float)rnd.NextDouble() * 2f, H("#FFE27A"), 0.7f);
        }

        // Light beams.
        c.Poly(H("#FFF6C8"), (300, 0), (350, 0), (440, 470), (220, 470));
        c.Poly(H("#FFF6C8"), (610, 0), (660, 0), (740, 470), (520, 470));

        // Banner.
        c.RoundRect(196, 76, 568, 96, 16, H("#FFD166"));
        c.RoundRect(206, 86, 548, 76, 12, H("#D7263D"));
        Parts.TextBars(c, 480, 104, 420, 16, H("#FFE9A8"), rnd);
        Parts.TextBars(c, 480, 134, 260, 10, H("#FFFFFF"), rnd);
        Parts.Bunting(c, 170, 188, 790, 188, 36, 16, new[] { H("#FFD166"), H("#06D6A0"), H("#EF476F"), H("#118AB2") });

        // Stage floor and front.
        c.VGradient(0, 440, 960, 86, H("#C98A4B"), H("#A96A32"));
        for (var x = 0; x < 960; x += 80)
        {
            c.Rect(x, 440, 2, 86, H("#8A5425"), 0.5f);
        }

        c.Ellipse(330, 486, 140, 30, H("#FFF2B3"), 0.45f); // spotlights
        c.Ellipse(630, 486, 140, 30, H("#FFF2B3"), 0.45f);
        c.Rect(0, 526, 960, 114, H("#6E3517"));
        for (var x = 40; x < 960; x += 180)
        {
            c.Rect(x, 546, 140, 74, H("#7E4220"));
        }

        // Children performing.
        Parts.Person(c, 330, 492, 150, H("#FF8FAB"), H("#FB6F92"), Skins[0], Hairs[0], armsUp: true);
        Parts.Person(c, 480, 488, 160, H("#4CC9F0"), H("#4361EE"), Skins[1], Hairs[1], armsUp: true);
        Parts.Person(c, 630, 492, 150, H("#FFD166"), H("#F77F00"), Skins[3], Hairs[2], armsUp: true);

        // Curtains and valance.
        for (var i = 0; i < 9; i++)
        {
            var col = i % 2 == 0 ? H("#B3122E") : H("#D4213F");
            c.Rect(i * 20, 0, 20, 540, col);
            c.Rect(960 - ((i + 1) * 20), 0, 20, 540, col);
        }

        c.Rect(0, 0, 960, 48, H("#B3122E"));
        for (var x = 0; x <= 960; x += 48)
        {
            c.Circle(x + 24, 48, 24, H("#B3122E"));
        }

        c.Rect(0, 40, 960, 6, H("#FFD166"));

        // Balloons.
        var balloons = new[] { H("#EF476F"), H("#FFD166"), H("#06D6A0"), H("#118AB2") };
        for (var i = 0; i < 4; i++)
        {
            var bx = 60 + (i * 34);
            var by = 300 + ((i % 2) * 30);
            c.Line(bx, by + 30, 120, 470, 2, H("#EEEEEE"));
            c.Ellipse(bx, by, 24, 30, balloons[i]);
            c.Circle(bx - 8, by - 10, 6, H("#FFFFFF"), 0.5f);
            var rx = 900 - (i * 34);
            c.Line(rx, by + 30, 840, 470, 2, H("#EEEEEE"));
            c.Ellipse(rx, by, 24, 30, balloons[(i + 2) % 4]);
            c.Circle(rx - 8, by - 10, 6, H("#FFFFFF"), 0.5f);
        }
    }

    private static void MovementCorner(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 340, H("#A3E2FF"), H("#EAF9FF"));
        Parts.Cloud(c, 700, 80, 0.9f, H("#FFFFFF"));
        for (var i = 0; i < 6; i++)
        {
            Parts.Tree(c, 40 + (i * 180), 330, 0.8f + ((i % 2) * 0.15f), i % 2 == 0 ? H("#59B36B") : H("#6CC27C"), H("#7A5234"));
        }

        // Rubber tiles in perspective.
        var tiles = new[] { H("#F7A072"), H("#6CC5B0"), H("#F9D56E"), H("#8FB5F0") };
        var rows = new float[] { 320, 346, 378, 420, 474, 546, 640 };
        const float vx = 480f;
        const float vy = 120f;
        float Tx(float x, float y) => vx + (x * (y - vy) / 520f);
        for (var r = 0; r + 1 < rows.Length; r++)
        {
            for (var k = -8; k < 8; k++)
            {
                var x0 = k * 150f;
                var x1 = (k + 1) * 150f;
                var y0 = rows[r];
                var y1 = rows[r + 1];
                var col = Palette.Mix(tiles[((r + k) % 4 + 4) % 4], Palette.White, 0.22f);
                c.Poly(col, (Tx(x0, y0), y0), (Tx(x1, y0), y0), (Tx(x1, y1), y1), (Tx(x0, y1), y1));
            }
        }

        // Slide.
        c.Line(90, 200, 90, 400, 10, H("#5E6472"));
        c.Line(150, 200, 150, 400, 10, H("#5E6472"));
        for (var y = 230; y < 400; y += 36)
        {
            c.Line(90, y, 150, y, 8, H("#5E6472"));
        }

        c.Rect(80, 188, 90, 16, H("#E76F51"));
        c.Poly(H("#F4A261"), (160, 196), (190, 196), (330, 392), (300, 404));
        c.Line(300, 404, 340, 404, 10, H("#F4A261"));

        // Hoops lying on the floor and standing cones.
        c.Arc(600, 560, 90, 26, 0, 360, 9, H("#E63946"));
        c.Arc(760, 520, 76, 22, 0, 360, 9, H("#2A9D8F"));
        c.Arc(440, 600, 80, 24, 0, 360, 9, H("#8338EC"));
        for (var i = 0; i < 4; i++)
        {
            var x = 250 + (i * 170);
            var y = 420 + ((i % 2) * 14);
            c.Poly(H("#FB8500"), (x - 16, y), (x + 16, y), (x + 4, y - 46), (x - 4, y - 46));
            c.Poly(H("#FFFFFF"), (x - 10, y - 18), (x + 10, y - 18), (x + 7, y - 28), (x - 7, y - 28));
            c.Ellipse(x, y, 22, 6, H("#E76F00"));
        }

        // Balls.
        Parts.Ball(c, 240, 540, 48, H("#E63946"), H("#FFFFFF"));
        Parts.Ball(c, 370, 470, 30, H("#FFB703"), H("#FB8500"));
        Parts.Ball(c, 860, 590, 40, H("#219EBC"), H("#FFFFFF"));
        Parts.Ball(c, 680, 440, 24, H("#8AC926"), H("#FFFFFF"));
        Parts.Ball(c, 540, 420, 18, H("#FF595E"), H("#FFCA3A"));
        Parts.Ball(c, 120, 600, 26, H("#6A4C93"), H("#FFCA3A"));
    }

    private static void MealTime(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 410, H("#FFEBD9"), H("#FFDCBF"));
        c.Rect(0, 300, 960, 110, H("#FFFFFF"));
        for (var x = 0; x < 960; x += 40)
        {
            for (var y = 300; y < 410; y += 40)
            {
                c.Rect(x + 1, y + 1, 38, 38, (x + y) % 80 == 0 ? H("#DFF1F7") : H("#F5FBFD"));
            }
        }

        c.VGradient(0, 410, 960, 230, H("#E6D5C3"), H("#D3BDA6"));

        // Window with curtains and a fruit chart.
        Parts.Window(c, 90, 60, 190, 150, H("#FFFFFF"), H("#A8DDF5"), H("#E4F6FF"));
        c.Poly(H("#F4978E"), (70, 44), (120, 44), (96, 230), (70, 230));
        c.Poly(H("#F4978E"), (250, 44), (300, 44), (300, 230), (274, 230));
        c.RoundRect(620, 56, 260, 180, 14, H("#FFFFFF"));
        c.Rect(620, 56, 260, 34, H("#90BE6D"));
        Parts.TextBars(c, 750, 66, 160, 12, H("#FFFFFF"), rnd);
        c.Circle(670, 140, 24, H("#E63946"));
        c.Line(670, 116, 676, 104, 4, H("#6D4C41"));
        c.Circle(740, 140, 24, H("#F8961E"));
        c.Ellipse(814, 140, 34, 14, H("#F9C74F"));
        for (var k = 0; k < 6; k++)
        {
            c.Circle(660 + ((k % 3) * 14) + (k / 3 * 7), 196 + (k / 3 * 12), 8, H("#7B2CBF"));
        }

        c.Circle(750, 200, 14, H("#43AA8B"));
        c.Circle(818, 200, 16, H("#E76F51"));

        // Chair backs behind the table.
        var chairs = new[] { H("#F94144"), H("#F9C74F"), H("#43AA8B"), H("#577590"), H("#F8961E"), H("#90BE6D") };
        for (var i = 0; i < 6; i++)
        {
            c.RoundRect(150 + (i * 118), 322, 76, 90, 14, chairs[i]);
            c.RoundRect(162 + (i * 118), 334, 52, 30, 8, Palette.Shade(chairs[i], 0.35f));
        }

        // Table with cloth.
        c.Poly(H("#BFE3F2"), (120, 400), (840, 400), (900, 470), (60, 470));
        c.Rect(60, 470, 840, 62, H("#98CDE6"));
        for (var x = 60; x < 900; x += 28)
        {
            c.Rect(x, 470, 14, 62, H("#B5DCEE"), 0.6f);
        }

        c.Rect(100, 532, 18, 100, H("#8D6E63"));
        c.Rect(842, 532, 18, 100, H("#8D6E63"));

        // Plates, bowls and cups laid by the children.
        for (var i = 0; i < 6; i++)
        {
            var x = 170 + (i * 124);
            var y = 440 + ((i % 2) * 4);
            c.Ellipse(x, y, 44, 14, H("#FFFFFF"));
            c.Ellipse(x, y, 32, 9, H("#EEF4F7"));
            var bowl = chairs[(i + 2) % chairs.Length];
            var half = new List<(float X, float Y)>();
            for (var k = 0; k <= 12; k++)
            {
                half.Add(Canvas.PointOn(x, y - 8, 24, 20, k * 15f));
            }

            c.Polygon(half, bowl);
            c.Ellipse(x, y - 8, 24, 6, H("#FFF8E7"));
            c.Line(x + 26, y - 2, x + 46, y - 18, 4, H("#B0BEC5"));
        }

        // Rice pot and water jug in the middle.
        c.RoundRect(430, 340, 100, 74, 18, H("#C0C7CE"));
        c.Ellipse(480, 340, 54, 12, H("#D9DEE3"));
        c.Circle(480, 326, 8, H("#8D99A6"));
        c.RoundRect(574, 354, 46, 62, 12, H("#BDE0FE"), 0.9f);
        c.Arc(620, 384, 14, 18, -90, 90, 5, H("#9DC4E8"));

        // A child serving herself with a ladle.
        Parts.Person(c, 918, 600, 170, H("#FF8FAB"), H("#6D6875"), Skins[0], Hairs[0]);
    }

    private static void NatureCorner(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 470, H("#EAF6E0"), H("#D2ECC2"));
        c.VGradient(0, 470, 960, 170, H("#E7D7B8"), H("#D1BD96"));

        // Sunny window.
        Parts.Window(c, 60, 60, 250, 210, H("#FFFFFF"), H("#BFE6FF"), H("#F2FBFF"));
        c.Glow(300, 300, 260, H("#FFF6C9"), 0.45f);

        // Hanging plant.
        c.Line(700, 0, 700, 70, 3, H("#8D6E63"));
        Parts.Pot(c, 700, 120, 56, H("#E9C46A"));
        for (var k = 0; k < 5; k++)
        {
            c.Polygon(Parts.Leaf(680 + (k * 10), 112, 60, 16, 70 + (k * 10)), H("#52B788"));
        }

        // Low shelf.
        c.Rect(90, 390, 780, 20, H("#A97142"));
        c.Rect(100, 410, 760, 110, H("#C68B59"));
        for (var i = 0; i < 4; i++)
        {
            c.Rect(114 + (i * 188), 424, 170, 82, H("#A97142"));
        }

        c.RoundRect(130, 440, 64, 56, 8, H("#90E0EF"));
        c.RoundRect(318, 444, 70, 52, 8, H("#F4A261"));
        c.RoundRect(506, 440, 64, 56, 8, H("#B5E48C"));
        c.RoundRect(694, 444, 70, 52, 8, H("#FFB4A2"));

        // Potted plants.
        Parts.Pot(c, 150, 390, 60, H("#D8693E"));
        Parts.Plant(c, 150, 340, 1.3f, H("#2D6A4F"), rnd);
        Parts.Pot(c, 250, 390, 48, H("#E76F51"));
        c.Line(250, 352, 250, 300, 4, H("#40916C"));
        c.Circle(250, 292, 16, H("#FF6B6B"));
        c.Circle(250, 292, 7, H("#FFD166"));
        Parts.Plant(c, 250, 352, 0.8f, H("#40916C"), rnd);

        // Fish tank.
        c.Rect(330, 262, 240, 128, H("#5FA8D3"));
        c.VGradient(334, 278, 232, 108, H("#A9DEF9"), H("#5FB5E3"));
        for (var k = 0; k < 30; k++)
        {
            c.Circle(338 + rnd.Next(224), 380 + rnd.Next(6), 4, Palette.Pick(rnd, new[] { H("#E9C46A"), H("#F4A261"), H("#FFFFFF") }));
        }

        for (var k = 0; k < 4; k++)
        {
            var x = 360 + (k * 55);
            c.Polygon(Parts.Leaf(x, 386, 70, 12, -80 - (k * 5)), H("#2D9D5F"));
        }

        foreach (var (fx, fy, col) in new[] { (420f, 312f, H("#FF7F11")), (500f, 340f, H("#FFBF00")), (450f, 356f, H("#E63946")) })
        {
            c.Ellipse(fx, fy, 18, 10, col);
            c.Poly(col, (fx + 14, fy), (fx + 30, fy - 10), (fx + 30, fy + 10));
            c.Circle(fx - 9, fy - 2, 2.5f, Palette.Ink);
        }

        for (var k = 0; k < 5; k++)
        {
            c.Ring(400 + (k * 4), 300 - (k * 8), 4, 1.5f, H("#FFFFFF"));
        }

        // Sprouting seeds in cups.
        for (var k = 0; k < 4; k++)
        {
            var x = 620 + (k * 62);
            c.Poly(H("#E3F2FD"), (x - 20, 340), (x + 20, 340), (x + 15, 390), (x - 15, 390));
            c.Poly(H("#6D4C41"), (x - 18, 356), (x + 18, 356), (x + 15, 388), (x - 15, 388));
            var hgt = 20 + (k * 12);
            c.Line(x, 356, x, 356 - hgt, 3, H("#52B788"));
            c.Polygon(Parts.Leaf(x, 356 - hgt, 18 + (k * 3), 9, -30), H("#74C69D"));
            c.Polygon(Parts.Leaf(x, 356 - hgt, 18 + (k * 3), 9, 210), H("#74C69D"));
        }

        // Magnifier and pebbles on the floor.
        c.Ring(300, 570, 40, 10, H("#6C757D"));
        c.Circle(300, 570, 30, H("#E0F4FF"), 0.6f);
        c.Line(330, 600, 380, 640, 14, H("#8D5524"));
        for (var k = 0; k < 7; k++)
        {
            c.Ellipse(520 + (k * 44), 590 + rnd.Next(-10, 10), 16 + rnd.Next(8), 10 + rnd.Next(4), Palette.Pick(rnd, new[] { H("#ADB5BD"), H("#CED4DA"), H("#B08968") }));
        }
    }

    private static void Steam(Canvas c, Random rnd)
    {
        c.Rect(0, 0, 960, 640, H("#F5F7FF"));
        for (var x = 0; x < 960; x += 32)
        {
            c.Rect(x, 0, 1.5f, 640, H("#DCE3F7"));
        }

        for (var y = 0; y < 640; y += 32)
        {
            c.Rect(0, y, 960, 1.5f, H("#DCE3F7"));
        }

        // Gears.
        foreach (var (gx, gy, gr, teeth, col, rot) in new[]
        {
            (250f, 240f, 100f, 12, H("#F2A541"), 0f),
            (412f, 352f, 64f, 9, H("#5FB49C"), 12f),
            (140f, 440f, 54f, 8, H("#E4572E"), 5f),
        })
        {
            c.Polygon(Parts.Gear(gx, gy, gr, teeth, rot), col);
            c.Circle(gx, gy, gr * 0.62f, Palette.Shade(col, 0.25f));
            c.Circle(gx, gy, gr * 0.22f, H("#F5F7FF"));
        }

        // Bottle rocket with flame.
        c.Poly(H("#FFB703"), (700, 420), (760, 420), (730, 520));
        c.Poly(H("#FB8500"), (712, 420), (748, 420), (730, 480));
        c.Poly(H("#E63946"), (664, 400), (690, 340), (690, 420), (664, 430));
        c.Poly(H("#E63946"), (796, 400), (770, 340), (770, 420), (796, 430));
        c.RoundRect(686, 150, 88, 270, 30, H("#E9ECEF"));
        c.Rect(686, 300, 88, 14, H("#3A86FF"));
        c.Poly(H("#E63946"), (686, 170), (730, 80), (774, 170));
        c.Circle(730, 230, 26, H("#3A86FF"));
        c.Circle(730, 230, 18, H("#BDE0FE"));
        c.Circle(722, 222, 6, H("#FFFFFF"), 0.8f);
        for (var k = 0; k < 3; k++)
        {
            c.Circle(730 + rnd.Next(-30, 30), 540 + (k * 28), 10 + (k * 4), H("#CED4DA"), 0.7f);
        }

        // Paper aeroplane and shapes.
        c.Poly(H("#8ECAE6"), (520, 110), (640, 70), (560, 150));
        c.Poly(H("#219EBC"), (560, 150), (640, 70), (570, 120));
        c.Arc(470, 140, 60, 30, 180, 300, 3, H("#ADB5BD"));
        c.Poly(H("#8338EC"), (560, 250), (610, 330), (510, 330));
        c.Rect(860, 140, 60, 60, H("#FF006E"));
        c.Circle(880, 300, 34, H("#3A86FF"));
        c.Poly(H("#FFBE0B"), Parts.Star(600, 460, 40, 18, 5));

        // Simple circuit: battery, wires, bulb.
        c.Line(420, 560, 600, 560, 5, H("#495057"));
        c.Line(600, 560, 600, 500, 5, H("#495057"));
        c.Line(420, 560, 420, 520, 5, H("#495057"));
        c.RoundRect(392, 470, 56, 56, 6, H("#2B2D42"));
        c.Rect(392, 470, 56, 16, H("#FFB703"));
        c.Glow(600, 470, 70, H("#FFE066"), 0.7f);
        c.Circle(600, 470, 28, H("#FFF3B0"));
        c.Rect(588, 494, 24, 16, H("#ADB5BD"));

        // Ruler along the bottom.
        c.Rect(40, 590, 880, 40, H("#FFD60A"));
        for (var x = 50; x < 920; x += 16)
        {
            c.Rect(x, 590, 2, (x - 50) % 80 == 0 ? 18 : 10, H("#5C4D00"));
        }
    }

    private static void ParentAndChild(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 210, H("#86B6F6"), H("#D6E6FF"));
        c.VGradient(0, 210, 960, 190, H("#D6E6FF"), H("#FFDDB0"));
        Parts.Sun(c, 790, 300, 46, H("#FFB347"), H("#FFE3B0"));
        c.Ellipse(220, 400, 340, 90, H("#9CCB86"));
        c.Ellipse(760, 410, 360, 96, H("#8CBF78"));
        c.VGradient(0, 380, 960, 260, H("#A3D672"), H("#6DB24B"));

        for (var i = 0; i < 4; i++)
        {
            Parts.Tree(c, 60 + (i * 90), 400 + ((i % 2) * 10), 0.6f + ((i % 2) * 0.12f), H("#5AAE61"), H("#6F4E37"));
        }

        Parts.Tree(c, 900, 420, 1.1f, H("#4E9F57"), H("#6F4E37"));

        // Path.
        c.Poly(H("#EAD7B7"), (0, 560), (300, 500), (700, 470), (960, 480), (960, 520), (700, 520), (320, 560), (0, 620));

        // Bench.
        c.Rect(110, 470, 170, 14, H("#A0522D"));
        c.Rect(110, 440, 170, 12, H("#A0522D"));
        c.Rect(122, 484, 10, 40, H("#5D4037"));
        c.Rect(258, 484, 10, 40, H("#5D4037"));

        // Parent and child holding hands; the child flies a kite.
        Parts.Person(c, 440, 560, 250, H("#2A9D8F"), H("#264653"), Skins[1], Hairs[0]);
        Parts.Person(c, 540, 566, 150, H("#F4A261"), H("#E76F51"), Skins[0], Hairs[3]);
        c.Line(486, 460, 508, 478, 6, Skins[1]);
        c.Poly(H("#E63946"), (650, 70), (700, 120), (650, 190), (600, 120));
        c.Poly(H("#FFB703"), (650, 70), (700, 120), (650, 120));
        c.Poly(H("#FFB703"), (600, 120), (650, 190), (650, 120));
        c.Line(650, 70, 650, 190, 2, H("#6D4C41"));
        c.Line(600, 120, 700, 120, 2, H("#6D4C41"));
        c.Line(650, 190, 573, 477, 1.5f, H("#5D4037"));
        var prev = (X: 650f, Y: 190f);
        for (var k = 1; k <= 6; k++)
        {
            var p = (X: 650f + (MathF.Sin(k * 0.9f) * 14f), Y: 190f + (k * 18f));
            c.Line(prev.X, prev.Y, p.X, p.Y, 2, H("#6D4C41"));
            c.Poly(k % 2 == 0 ? H("#3A86FF") : H("#FF006E"), (p.X - 8, p.Y - 5), (p.X, p.Y), (p.X - 8, p.Y + 5));
            c.Poly(k % 2 == 0 ? H("#3A86FF") : H("#FF006E"), (p.X + 8, p.Y - 5), (p.X, p.Y), (p.X + 8, p.Y + 5));
            prev = p;
        }

        var petals = new[] { H("#FF6F91"), H("#FFC75F"), H("#FFFFFF"), H("#D65DB1") };
        for (var i = 0; i < 22; i++)
        {
            var x = rnd.Next(20, 940);
            var y = rnd.Next(560, 630);
            Parts.Flower(c, x, y, 0.9f, Palette.Pick(rnd, petals), H("#FFB703"));
        }
    }

    private static void Training(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 470, H("#E4ECF5"), H("#CCDAE9"));
        c.VGradient(0, 470, 960, 170, H("#B9C4CF"), H("#A0ACB9"));

        // Projection screen with a slide.
        c.Rect(240, 40, 480, 12, H("#6C757D"));
        c.Rect(252, 52, 456, 282, H("#FFFFFF"));
        c.Rect(252, 52, 456, 282, H("#ADB5BD"), 0.08f);
        c.Rect(276, 76, 408, 36, H("#1D4E89"));
        Parts.TextBars(c, 460, 88, 300, 12, H("#FFFFFF"), rnd);
        for (var k = 0; k < 4; k++)
        {
            c.Circle(290, 142 + (k * 40), 7, H("#F77F00"));
            c.RoundRect(306, 136 + (k * 40), 120 + rnd.Next(90), 12, 5, H("#8D99AE"));
        }

        var pie = new[] { H("#00A6FB"), H("#F77F00"), H("#06D6A0"), H("#EF476F") };
        var start = -90f;
        foreach (var (share, i) in new[] { (0.42f, 0), (0.25f, 1), (0.2f, 2), (0.13f, 3) })
        {
            var end = start + (share * 360f);
            c.Polygon(Parts.Sector(610, 210, 62, start, end), pie[i]);
            start = end;
        }

        // Presenter.
        Parts.Person(c, 150, 470, 260, H("#7B2CBF"), H("#3C096C"), Skins[3], Hairs[1]);
        c.Line(186, 360, 262, 262, 4, H("#495057"));

        // Window with plant.
        Parts.Window(c, 780, 90, 140, 180, H("#FFFFFF"), H("#BDE0FE"), H("#EAF4FF"));
        Parts.Pot(c, 850, 470, 70, H("#6C757D"));
        Parts.Plant(c, 850, 410, 1.5f, H("#2D6A4F"), rnd);

        // Rows of teachers seen from behind, with tables.
        var shirts = new[] { H("#E76F51"), H("#F4A261"), H("#2A9D8F"), H("#FFFFFF"), H("#8ECAE6"), H("#CDB4DB"), H("#FFAFCC") };
        for (var row = 0; row < 3; row++)
        {
            var s = 1f + (row * 0.28f);
            var y = 420 + (row * 84);
            c.Rect(0, y + (36 * s), 960, 16, H("#8D6E63"));
            var n = 7 - row;
            for (var i = 0; i < n; i++)
            {
                var x = (960f / n * i) + (960f / n / 2f) + rnd.Next(-12, 12);
                Parts.Back(c, x, y, s, Palette.Pick(rnd, shirts), Palette.Pick(rnd, Hairs));
            }
        }
    }

    private static void Conference(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 460, H("#F3E7D3"), H("#E6D3B8"));
        c.VGradient(0, 460, 960, 180, H("#9E2A2B"), H("#7A1F20"));

        // Backdrop.
        c.Rect(104, 28, 752, 316, H("#E9B949"));
        c.VGradient(114, 38, 732, 296, H("#C8102E"), H("#9D0B22"));
        c.Poly(H("#FFDE00"), Parts.Star(196, 118, 48, 19, 5));
        Parts.TextBars(c, 520, 96, 520, 26, H("#FFE9A8"), rnd);
        Parts.TextBars(c, 480, 150, 640, 34, H("#FFE9A8"), rnd);
        Parts.TextBars(c, 480, 276, 300, 14, H("#FFFFFF"), rnd);
        // Presidium table with people and flowers.
        for (var i = 0; i < 5; i++)
        {
            Parts.Back(c, 250 + (i * 110), 324, 0.9f, Palette.Pick(rnd, new[] { H("#F1FAEE"), H("#1D3557"), H("#457B9D") }), Palette.Pick(rnd, Hairs));
        }

        c.Rect(180, 360, 600, 84, H("#1F4E96"));
        c.Rect(180, 360, 600, 12, H("#FFFFFF"));
        for (var i = 0; i < 5; i++)
        {
            c.Rect(230 + (i * 110), 376, 40, 14, H("#FFFFFF"));
        }

        for (var k = 0; k < 18; k++)
        {
            var (px, py) = Canvas.PointOn(480, 410, 40, 24, k * 20f);
            c.Circle(px, py, 9, k % 3 == 0 ? H("#FFD166") : H("#FF5D8F"));
        }

        c.Circle(480, 410, 16, H("#FFD166"));

        // Podium.
        c.Poly(H("#8B5A2B"), (800, 330), (890, 330), (880, 470), (810, 470));
        c.Rect(796, 322, 98, 12, H("#6E4520"));
        c.Circle(845, 390, 18, H("#E9B949"));
        c.Poly(H("#C8102E"), Parts.Star(845, 390, 12, 5, 5));
        c.Line(830, 322, 818, 292, 3, H("#333333"));

        // Audience.
        var shirts = new[] { H("#FFFFFF"), H("#F1C0E8"), H("#A3C4F3"), H("#90DBF4"), H("#FDE4CF"), H("#CFBAF0"), H("#2B2D42") };
        for (var row = 0; row < 2; row++)
        {
            var s = 1.15f + (row * 0.3f);
            var n = 9 - (row * 2);
            for (var i = 0; i < n; i++)
            {
                var x = (960f / n * i) + (960f / n / 2f) + rnd.Next(-10, 10);
                Parts.Back(c, x, 520 + (row * 72), s, Palette.Pick(rnd, shirts), Palette.Pick(rnd, Hairs));
            }
        }
    }

    private static void SandAndWater(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 320, H("#7CD0F6"), H("#DAF4FF"));
        Parts.Cloud(c, 160, 70, 0.8f, H("#FFFFFF"));
        Parts.Cloud(c, 760, 110, 1.0f, H("#FFFFFF"));
        for (var i = 0; i < 5; i++)
        {
            Parts.Tree(c, 80 + (i * 200), 320, 0.75f, H("#4CAF50"), H("#6D4C41"));
        }

        c.VGradient(0, 300, 960, 340, H("#98D67A"), H("#72BE57"));

        // Sandbox.
        c.Poly(H("#A66A3F"), (60, 384), (620, 384), (690, 610), (0, 610));
        c.Poly(H("#F2D49B"), (78, 396), (604, 396), (662, 594), (22, 594));
        c.Ellipse(190, 520, 90, 28, H("#F7E1B5"));
        c.Ellipse(470, 470, 70, 22, H("#E6C17F"));
        for (var k = 0; k < 40; k++)
        {
            c.Circle(60 + rnd.Next(560), 410 + rnd.Next(170), 2, H("#D9B26F"), 0.8f);
        }

        // Sand castle.
        c.Rect(300, 460, 120, 70, H("#E2B86E"));
        c.Rect(330, 420, 60, 40, H("#E2B86E"));
        for (var k = 0; k < 4; k++)
        {
            c.Rect(300 + (k * 32), 448, 18, 14, H("#E2B86E"));
        }

        c.Line(360, 420, 360, 384, 3, H("#6D4C41"));
        c.Poly(H("#E63946"), (362, 384), (390, 392), (362, 400));
        c.RoundRect(348, 496, 24, 34, 10, H("#B88A45"));

        // Buckets and spade.
        foreach (var (bx, by, col) in new[] { (140f, 470f, H("#E63946")), (540f, 540f, H("#3A86FF")) })
        {
            c.Poly(col, (bx - 34, by - 50), (bx + 34, by - 50), (bx + 26, by), (bx - 26, by));
            c.Ellipse(bx, by - 50, 34, 9, Palette.Shade(col, -0.25f));
            c.Arc(bx, by - 50, 34, 30, 180, 360, 4, H("#495057"));
        }

        c.Line(230, 590, 280, 520, 7, H("#FFB703"));
        c.Poly(H("#FFB703"), (270, 530), (300, 500), (310, 520), (286, 545));

        // Water table.
        c.Rect(700, 470, 14, 130, H("#577590"));
        c.Rect(896, 470, 14, 130, H("#577590"));
        c.RoundRect(680, 420, 250, 66, 18, H("#4D908E"));
        c.Ellipse(805, 430, 112, 16, H("#8FD3F4"));
        c.Arc(780, 430, 30, 6, 0, 360, 2, H("#FFFFFF"));
        c.Arc(840, 432, 20, 4, 0, 360, 2, H("#FFFFFF"));
        c.Poly(H("#F9C74F"), (860, 380), (900, 380), (886, 410), (874, 410));
        c.Rect(876, 410, 8, 20, H("#F9C74F"));
        c.RoundRect(720, 400, 30, 34, 6, H("#F94144"));

        // Umbrella.
        c.Line(470, 160, 470, 400, 6, H("#6D6875"));
        var stripes = new[] { H("#F94144"), H("#FFFFFF") };
        for (var k = 0; k < 8; k++)
        {
            c.Polygon(Parts.Sector(470, 200, 170, 180 + (k * 22.5f), 180 + ((k + 1) * 22.5f)), stripes[k % 2]);
        }

    }

    private static void LanternNight(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 640, H("#0C1D4D"), H("#3B2A70"));
        for (var k = 0; k < 70; k++)
        {
            c.Circle(rnd.Next(960), rnd.Next(380), 0.8f + ((float)rnd.NextDouble() * 1.6f), H("#FFFFFF"), 0.5f + ((float)rnd.NextDouble() * 0.5f));
        }

        c.Glow(770, 120, 200, H("#FFF4C2"), 0.35f);
        c.Circle(770, 120, 70, H("#FFF1B5"));
        c.Circle(748, 104, 12, H("#F2DD93"), 0.7f);
        c.Circle(792, 142, 16, H("#F2DD93"), 0.6f);
        c.Circle(786, 96, 7, H("#F2DD93"), 0.6f);

        // Rooftops.
        var roofs = new List<(float X, float Y)> { (0, 640), (0, 470) };
        var x = 0f;
        while (x < 960)
        {
            var w = 80 + rnd.Next(80);
            var h = 420 + rnd.Next(70);
            roofs.Add((x, h + 20));
            roofs.Add((x + (w / 2f), h - 20));
            roofs.Add((x + w, h + 20));
            x += w;
        }

        roofs.Add((960, 640));
        c.Polygon(roofs, H("#22164A"));
        c.Rect(0, 520, 960, 120, H("#2B1D57"));

        // String lights.
        for (var k = 0; k < 24; k++)
        {
            var t = k / 23f;
            var lx = t * 960f;
            var ly = 300 + (60 * 4 * t * (1 - t));
            c.Glow(lx, ly, 18, H("#FFD166"), 0.5f);
            c.Circle(lx, ly, 4, k % 3 == 0 ? H("#FF8FA3") : H("#FFE8A3"));
        }

        // Children with star and round lanterns.
        var kids = new[] { (190f, H("#E63946")), (380f, H("#FFB703")), (590f, H("#F94144")), (780f, H("#F9844A")) };
        for (var i = 0; i < kids.Length; i++)
        {
            var (kx, col) = kids[i];
            var gy = 620 - ((i % 2) * 10);
            Parts.Person(c, kx, gy, 170, H("#5E4B8B"), H("#3D2F6B"), H("#C9A48E"), Hairs[2]);
            var hx = kx + 30;
            var hy = gy - 110;
            var lx = hx + 40;
            var ly = hy - 110;
            c.Line(hx, hy, lx, ly + 30, 4, H("#B08968"));
            c.Glow(lx, ly, 90, col, 0.45f);
            if (i % 2 == 0)
            {
                c.Poly(col, Parts.Star(lx, ly, 44, 20, 5));
                c.Poly(H("#FFE8A3"), Parts.Star(lx, ly, 22, 10, 5));
                c.Line(lx - 20, ly + 40, lx - 26, ly + 70, 3, H("#FFD166"));
                c.Line(lx + 20, ly + 40, lx + 26, ly + 70, 3, H("#FFD166"));
            }
            else
            {
                c.Ellipse(lx, ly, 32, 38, col);
                c.Ellipse(lx, ly, 16, 36, Palette.Shade(col, 0.35f), 0.7f);
                c.Rect(lx - 16, ly - 44, 32, 8, H("#FFD166"));
                c.Rect(lx - 16, ly + 36, 32, 8, H("#FFD166"));
                for (var k = 0; k < 4; k++)
                {
                    c.Line(lx - 9 + (k * 6), ly + 44, lx - 9 + (k * 6), ly + 66, 2, H("#FFD166"));
                }
            }
        }
    }

    private static void StudyVisit(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 330, H("#86CBEA"), H("#E2F5FF"));
        Parts.Cloud(c, 260, 80, 0.9f, H("#FFFFFF"));
        Parts.Cloud(c, 700, 60, 0.7f, H("#FFFFFF"));
        c.VGradient(0, 320, 960, 120, H("#3A9CC6"), H("#74C7E1"));

        // Limestone islands of the bay, far to near.
        void Island(float cx, float baseY, float w, float h, Rgb24 col)
        {
            var pts = new List<(float X, float Y)> { (cx - (w / 2f), baseY) };
            for (var k = 0; k <= 16; k++)
            {
                var t = k / 16f;
                var bump = MathF.Pow(MathF.Max(0f, MathF.Sin(t * MathF.PI)), 0.55f);
                pts.Add((cx - (w / 2f) + (w * t), baseY - (h * bump) + (MathF.Sin(t * 17f) * 4f)));
            }

            pts.Add((cx + (w / 2f), baseY));
            c.Polygon(pts, col);
            c.Ellipse(cx, baseY + 6, w * 0.45f, 6, Palette.Shade(col, -0.3f), 0.3f);
        }

        Island(150, 322, 120, 90, H("#9CC3AE"));
        Island(420, 322, 90, 120, H("#9CC3AE"));
        Island(620, 322, 160, 80, H("#A7CCB8"));
        Island(300, 330, 110, 150, H("#5E9C78"));
        Island(820, 330, 140, 170, H("#4E8C69"));
        for (var k = 0; k < 24; k++)
        {
            var wx = rnd.Next(20, 940);
            var wy = rnd.Next(344, 426);
            c.Line(wx, wy, wx + 18, wy, 2, H("#FFFFFF"), 0.6f);
        }

        c.Poly(H("#F1FAEE"), (520, 380), (580, 380), (570, 392), (530, 392));
        c.Poly(H("#E63946"), (548, 378), (548, 350), (566, 376));

        // Shore and road.
        c.VGradient(0, 420, 960, 220, H("#9CCB6B"), H("#6DAA48"));
        c.Poly(H("#6C757D"), (0, 520), (960, 470), (960, 560), (0, 620));
        for (var k = 0; k < 12; k++)
        {
            var t0 = k / 12f;
            var t1 = t0 + 0.04f;
            c.Line(t0 * 960, 570 - (t0 * 55), t1 * 960, 570 - (t1 * 55), 5, H("#F8F9FA"));
        }

        Parts.Tree(c, 70, 470, 0.8f, H("#4CAF50"), H("#6D4C41"));
        Parts.Tree(c, 900, 440, 0.7f, H("#5DB761"), H("#6D4C41"));
        Parts.Pine(c, 150, 462, 0.6f, H("#2E7D32"));

        // The school bus.
        c.Ellipse(480, 560, 180, 12, Palette.Black, 0.2f);
        c.RoundRect(320, 410, 330, 130, 22, H("#FFC83D"));
        c.Rect(320, 500, 330, 14, H("#F08C00"));
        for (var k = 0; k < 5; k++)
        {
            c.RoundRect(342 + (k * 52), 428, 42, 42, 6, H("#BDE0FE"));
            var headColour = Palette.Pick(rnd, Hairs);
            c.Circle(363 + (k * 52), 458, 9, headColour);
        }

        c.RoundRect(612, 428, 30, 80, 6, H("#A0C4FF"));
        c.Rect(580, 428, 24, 42, H("#BDE0FE"));
        c.RoundRect(350, 478, 200, 20, 8, H("#FFFFFF"));
        c.Circle(640, 520, 8, H("#FFF3B0"));
        foreach (var wx in new[] { 400f, 580f })
        {
            c.Circle(wx, 540, 30, H("#2B2D42"));
            c.Circle(wx, 540, 13, H("#ADB5BD"));
        }
    }

    private static void ProgressBoard(Canvas c, Random rnd)
    {
        c.VGradient(0, 0, 960, 500, H("#FDF1E6"), H("#F6DFCB"));
        c.VGradient(0, 500, 960, 140, H("#D9C2A5"), H("#C7AB88"));

        // Cork board with children's cards.
        c.Rect(80, 60, 580, 396, H("#A0522D"));
        c.Rect(96, 76, 548, 364, H("#D9A86C"));
        for (var k = 0; k < 160; k++)
        {
            c.Circle(100 + rnd.Next(540), 80 + rnd.Next(356), 1.6f, H("#B98550"), 0.7f);
        }

        var headers = new[] { H("#F94144"), H("#F8961E"), H("#43AA8B"), H("#577590"), H("#9B5DE5"), H("#F15BB5") };
        for (var i = 0; i < 6; i++)
        {
            var x = 122 + ((i % 3) * 172);
            var y = 98 + ((i / 3) * 170);
            c.Rect(x + 4, y + 4, 148, 150, Palette.Black, 0.15f);
            c.Rect(x, y, 148, 150, H("#FFFFFF"));
            c.Rect(x, y, 148, 24, headers[i]);
            c.Rect(x + 12, y + 34, 56, 62, H("#E8F1FA"));
            c.Circle(x + 40, y + 62, 18, Skins[i % Skins.Length]);
            c.Ellipse(x + 40, y + 48, 18, 8, Hairs[i % Hairs.Length]);
            c.Arc(x + 40, y + 66, 7, 5, 20, 160, 2, H("#B5523B"));
            for (var k = 0; k < 3; k++)
            {
                c.RoundRect(x + 78, y + 40 + (k * 18), 56 - (k * 10), 8, 4, H("#CED4DA"));
            }

            var stars = 3 + ((i * 7) % 3);
            for (var k = 0; k < 5; k++)
            {
                c.Poly(k < stars ? H("#FFC300") : H("#DEE2E6"), Parts.Star(x + 22 + (k * 26), y + 122, 11, 4.6f, 5));
            }

            c.Circle(x + 74, y + 4, 7, headers[(i + 3) % headers.Length]);
            c.Circle(x + 72, y + 2, 2.5f, H("#FFFFFF"), 0.7f);
        }

        // Growth chart.
        c.RoundRect(720, 40, 150, 440, 14, H("#FFFFFF"));
        var bands = new[] { H("#FFADAD"), H("#FFD6A5"), H("#FDFFB6"), H("#CAFFBF"), H("#9BF6FF"), H("#A0C4FF"), H("#BDB2FF") };
        for (var k = 0; k < bands.Length; k++)
        {
            c.Rect(732, 52 + (k * 60), 126, 60, bands[k]);
        }

        for (var y = 60; y < 470; y += 20)
        {
            c.Rect(732, y, y % 60 == 0 ? 40 : 22, 3, H("#6C757D"));
        }

        foreach (var (my, col) in new[] { (150f, H("#F94144")), (210f, H("#43AA8B")), (262f, H("#577590")) })
        {
            c.Poly(col, (800, my), (838, my - 12), (838, my + 12));
            c.Line(790, my, 838, my, 3, col);
        }

        // Portfolio folders on a low cabinet.
        c.Rect(60, 500, 640, 100, H("#B08968"));
        c.Rect(60, 490, 640, 14, H("#9C6644"));
        for (var k = 0; k < 14; k++)
        {
            var fx = 84 + (k * 42);
            var fh = 70 + rnd.Next(24);
            c.Rect(fx, 490 - fh, 34, fh, headers[k % headers.Length]);
            c.Rect(fx + 8, 490 - fh + 12, 18, 24, H("#FFFFFF"), 0.85f);
        }
    }
}
