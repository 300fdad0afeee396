namespace ChuyenDe.Modules.Charts;

/// <summary>The kinds of chart the writers draw.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars, one per category and series (grouped when there are several series).</summary>
    Bar,

    /// <summary>Horizontal bars, one per category, split into one segment per series.</summary>
    StackedBar,

    /// <summary>One line per series across the categories (e.g. report rounds in time order).</summary>
    Line,
}
