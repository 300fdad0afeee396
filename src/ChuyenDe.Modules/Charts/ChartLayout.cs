using System.Globalization;

namespace ChuyenDe.Modules.Charts;

/// <summary>
/// Lays a <see cref="ChartModel"/> out as shapes in a drawing 360 units wide, a width that a phone of 320 px shows at
/// almost its own size (the SVG scales through its viewBox, so 12-unit text stays readable), and that a slide shows
/// sharp when the PNG is rendered at twice that. Bars are horizontal with each category's label on its own line above
/// the bar, so long Vietnamese names need no rotation; lines run across the categories left to right. Text widths are
/// estimated (0.56 of the font size per letter), long labels are shortened with "…" and the whole label is the
/// shape's tooltip; the table beside the chart has every label and number in full.
/// </summary>
internal static class ChartLayout
{
    public const double Width = 360;
    private const double Margin = 10;
    private const double FontSize = 12;
    private const double SmallSize = 11;
    private const double TitleSize = 14;
    private const double CharWidth = 0.56;

    public static ChartDrawing Lay(ChartModel chart)
        => chart.Kind == ChartKind.Line ? LayLine(chart) : LayBars(chart);

    private static ChartDrawing LayBars(ChartModel chart)
    {
        var shapes = new List<ChartShape>();
        var y = Header(chart, shapes);

        var stacked = chart.Kind == ChartKind.StackedBar;
        var seriesCount = Math.Max(1, chart.Series.Count);
        var barHeight = stacked || seriesCount == 1 ? 14.0 : Math.Max(6.0, 14.0 / Math.Min(seriesCount, 3) + 2);
        var plotLeft = Margin;
        var plotRight = Width - Margin - 34; // room for the value after the longest bar
        var ticks = Ticks(chart.MaxValue);
        var top = ticks[^1];
        double X(decimal value) => plotLeft + (double)(top == 0 ? 0 : value / top) * (plotRight - plotLeft);

        shapes.Add(new TextShape(Margin, y + SmallSize, chart.CategoryAxisLabel, SmallSize, ChartPalette.Muted, Bold: true));
        y += SmallSize + 6;
        var plotTop = y;
        var bars = new List<ChartShape>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var label = chart.Categories[c];
            bars.Add(new TextShape(Margin, y + FontSize, Shorten(label, Width - 2 * Margin, FontSize), FontSize, ChartPalette.Text) { Tooltip = label });
            y += FontSize + 4;
            if (stacked)
            {
                var start = 0m;
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var value = Math.Max(0, chart.Series[s].Values.ElementAtOrDefault(c) ?? 0);
                    if (value > 0)
                    {
                        bars.Add(new RectShape(X(start), y, X(start + value) - X(start), barHeight, ChartPalette.Of(s))
                            { Tooltip = $"{label} – {chart.Series[s].Name}: {Format(value, chart.Culture)}" });
                    }

                    start += value;
                }

                bars.Add(new TextShape(X(start) + 4, y + barHeight - 3, Format(start, chart.Culture), SmallSize, ChartPalette.Text));
                y += barHeight + 8;
            }
            else
            {
                for (var s = 0; s < seriesCount; s++)
                {
                    var value = Math.Max(0, chart.Series.ElementAtOrDefault(s)?.Values.ElementAtOrDefault(c) ?? 0);
                    var name = chart.Series.ElementAtOrDefault(s)?.Name ?? "";
                    if (value > 0)
                    {
                        bars.Add(new RectShape(plotLeft, y, X(value) - plotLeft, barHeight, ChartPalette.Of(s))
                            { Tooltip = chart.Series.Count > 1 ? $"{label} – {name}: {Format(value, chart.Culture)}" : $"{label}: {Format(value, chart.Culture)}" });
                    }

                    bars.Add(new TextShape(X(value) + 4, y + barHeight - 2, Format(value, chart.Culture), SmallSize, ChartPalette.Text));
                    y += barHeight + 2;
                }

                y += 6;
            }
        }

        var plotBottom = y;
        foreach (var tick in ticks)
        {
            shapes.Add(new LineShape(X(tick), plotTop, X(tick), plotBottom, ChartPalette.Grid, 1));
        }

        shapes.AddRange(bars);
        shapes.Add(new LineShape(plotLeft, plotBottom, plotRight, plotBottom, ChartPalette.Axis, 1));
        y = plotBottom + SmallSize + 4;
        for (var i = 0; i < ticks.Count; i++)
        {
            var anchor = i == 0 ? TextAnchor.Start : TextAnchor.Middle;
            shapes.Add(new TextShape(X(ticks[i]), y, Format(ticks[i], chart.Culture), SmallSize, ChartPalette.Muted, anchor));
        }

        y += SmallSize + 6;
        shapes.Add(new TextShape((plotLeft + plotRight) / 2, y, Shorten(chart.ValueAxisLabel, Width - 2 * Margin, SmallSize), SmallSize, ChartPalette.Muted, TextAnchor.Middle, Bold: true));
        y += Margin;
        return new ChartDrawing(Width, Math.Ceiling(y), shapes);
    }

    private static ChartDrawing LayLine(ChartModel chart)
    {
        var shapes = new List<ChartShape>();
        var y = Header(chart, shapes);
        const double plotHeight = 170;
        var plotLeft = Margin + 18 + 34; // the rotated axis label, then the tick labels
        var plotRight = Width - Margin - 8;
        var plotTop = y + 6;
        var plotBottom = plotTop + plotHeight;
        var ticks = Ticks(chart.MaxValue);
        var top = ticks[^1];
        double Y(decimal value) => plotBottom - (double)(top == 0 ? 0 : value / top) * plotHeight;
        var count = Math.Max(1, chart.Categories.Count);
        var slot = (plotRight - plotLeft) / count;
        double X(int index) => plotLeft + slot * (index + 0.5);

        foreach (var tick in ticks)
        {
            shapes.Add(new LineShape(plotLeft, Y(tick), plotRight, Y(tick), ChartPalette.Grid, 1));
            shapes.Add(new TextShape(plotLeft - 4, Y(tick) + 4, Format(tick, chart.Culture), SmallSize, ChartPalette.Muted, TextAnchor.End));
        }

        shapes.Add(new LineShape(plotLeft, plotTop, plotLeft, plotBottom, ChartPalette.Axis, 1));
        shapes.Add(new LineShape(plotLeft, plotBottom, plotRight, plotBottom, ChartPalette.Axis, 1));
        var axisLabelX = Margin + SmallSize;
        shapes.Add(new TextShape(axisLabelX, (plotTop + plotBottom) / 2, Shorten(chart.ValueAxisLabel, plotHeight, SmallSize), SmallSize, ChartPalette.Muted, TextAnchor.Middle, Bold: true, Rotate: -90));

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var run = new List<(double X, double Y)>();
            void Flush()
            {
                if (run.Count > 1)
                {
                    shapes.Add(new PolylineShape(run.ToList(), ChartPalette.Of(s), 2.5));
                }

                run.Clear();
            }

            for (var c = 0; c < chart.Categories.Count; c++)
            {
                if (series.Values.ElementAtOrDefault(c) is { } value)
                {
                    run.Add((X(c), Y(Math.Max(0, value))));
                }
                else
                {
                    Flush();
                }
            }

            Flush();
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                if (series.Values.ElementAtOrDefault(c) is { } value)
                {
                    shapes.Add(new CircleShape(X(c), Y(Math.Max(0, value)), 4, ChartPalette.Of(s))
                        { Tooltip = $"{series.Name} – {chart.Categories[c]}: {Format(value, chart.Culture)}" });
                }
            }
        }

        y = plotBottom + FontSize + 4;
        var lines = 1;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var wrapped = Wrap(chart.Categories[c], slot - 4, SmallSize, 2);
            lines = Math.Max(lines, wrapped.Count);
            for (var l = 0; l < wrapped.Count; l++)
            {
                shapes.Add(new TextShape(X(c), y + l * (SmallSize + 2), wrapped[l], SmallSize, ChartPalette.Text, TextAnchor.Middle) { Tooltip = chart.Categories[c] });
            }
        }

        y += lines * (SmallSize + 2) + 6;
        shapes.Add(new TextShape((plotLeft + plotRight) / 2, y, Shorten(chart.CategoryAxisLabel, Width - 2 * Margin, SmallSize), SmallSize, ChartPalette.Muted, TextAnchor.Middle, Bold: true));
        y += Margin;
        return new ChartDrawing(Width, Math.Ceiling(y), shapes);
    }

    /// <summary>The background, the title (wrapped) and the legend; returns where the plot starts.</summary>
    private static double Header(ChartModel chart, List<ChartShape> shapes)
    {
        var y = Margin;
        foreach (var line in Wrap(chart.Title, Width - 2 * Margin, TitleSize, 3))
        {
            y += TitleSize + 2;
            shapes.Add(new TextShape(Margin, y, line, TitleSize, ChartPalette.Text, Bold: true));
        }

        y += 8;
        if (chart.Series.Count > 1 || chart.Kind == ChartKind.StackedBar)
        {
            var x = Margin;
            y += SmallSize;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var name = Shorten(chart.Series[s].Name, Width - 2 * Margin - 16, SmallSize);
                var itemWidth = 14 + TextWidth(name, SmallSize) + 12;
                if (x > Margin && x + itemWidth > Width - Margin)
                {
                    x = Margin;
                    y += SmallSize + 6;
                }

                shapes.Add(new RectShape(x, y - SmallSize + 2, 10, 10, ChartPalette.Of(s)) { Tooltip = chart.Series[s].Name });
                shapes.Add(new TextShape(x + 14, y, name, SmallSize, ChartPalette.Text) { Tooltip = chart.Series[s].Name });
                x += itemWidth;
            }

            y += 10;
        }

        return y;
    }

    /// <summary>Round tick values from 0 to at least <paramref name="max"/> (1, 2 or 5 times a power of ten apart; 4 to 6 ticks).</summary>
    internal static IReadOnlyList<decimal> Ticks(decimal max)
    {
        if (max <= 0)
        {
            return [0, 1];
        }

        var raw = (double)max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * power).First(s => s >= raw);
        var stepValue = (decimal)step;
        if (max >= 1 && stepValue < 1)
        {
            stepValue = 1;
        }

        var ticks = new List<decimal>();
        for (var t = 0m; ; t += stepValue)
        {
            ticks.Add(t);
            if (t >= max)
            {
                break;
            }
        }

        return ticks;
    }

    internal static string Format(decimal value, CultureInfo culture)
        => value == decimal.Truncate(value) ? value.ToString("#,##0", culture) : value.ToString("#,##0.#", culture);

    internal static double TextWidth(string text, double size) => text.Length * size * CharWidth;

    internal static string Shorten(string text, double width, double size)
    {
        var max = Math.Max(4, (int)(width / (size * CharWidth)));
        return text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Words in lines of at most <paramref name="width"/>, at most <paramref name="maxLines"/> lines (the last shortened).</summary>
    internal static IReadOnlyList<string> Wrap(string text, double width, double size, int maxLines)
    {
        var max = Math.Max(4, (int)(width / (size * CharWidth)));
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (candidate.Length <= max || current.Length == 0)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > maxLines)
        {
            var kept = lines.Take(maxLines).ToList();
            kept[^1] = Shorten(kept[^1] + " " + lines[maxLines], width, size);
            if (!kept[^1].EndsWith('…'))
            {
                kept[^1] = Shorten(kept[^1] + " …", width, size);
            }

            lines = kept;
        }

        return lines.Select(l => Shorten(l, width, size)).ToList();
    }
}
