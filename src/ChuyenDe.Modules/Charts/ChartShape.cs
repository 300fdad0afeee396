namespace ChuyenDe.Modules.Charts;

/// <summary>A primitive of a laid-out chart, in the drawing's own units (the SVG's viewBox, the PNG's pixels before scaling).</summary>
internal abstract record ChartShape
{
    /// <summary>A text shown on hover (SVG &lt;title&gt; of the shape); not drawn in the PNG.</summary>
    public string? Tooltip { get; init; }
}

internal sealed record RectShape(double X, double Y, double Width, double Height, string Fill) : ChartShape;

internal sealed record LineShape(double X1, double Y1, double X2, double Y2, string Stroke, double StrokeWidth) : ChartShape;

internal sealed record PolylineShape(IReadOnlyList<(double X, double Y)> Points, string Stroke, double StrokeWidth) : ChartShape;

internal sealed record CircleShape(double X, double Y, double Radius, string Fill) : ChartShape;

internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>A line of text whose baseline starts (or is centred, or ends) at (X, Y); <see cref="Rotate"/> in degrees about that point.</summary>
internal sealed record TextShape(double X, double Y, string Text, double Size, string Fill, TextAnchor Anchor = TextAnchor.Start, bool Bold = false, double Rotate = 0) : ChartShape;

/// <summary>A chart laid out: its size and its shapes in drawing order.</summary>
internal sealed record ChartDrawing(double Width, double Height, IReadOnlyList<ChartShape> Shapes);
