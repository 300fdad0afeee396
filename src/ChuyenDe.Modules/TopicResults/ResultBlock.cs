using ChuyenDe.Modules.Charts;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// One figure of a results page: a chart and its table, holding the numbers as they were when the curator chose or
/// last refreshed them (<see cref="TakenUtc"/>), and where they came from (<see cref="Source"/>) so they can be refreshed.
/// </summary>
public sealed record ResultBlock
{
    /// <summary>Unique on its page, short (letters and digits); names the chart's downloads.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>What the figure shows, in a sentence or two (the chart's description, read by screen readers).</summary>
    public string Description { get; init; } = "";

    public ChartKind Chart { get; init; } = ChartKind.Bar;

    /// <summary>What the rows are (e.g. "Phòng GD&amp;ĐT").</summary>
    public string CategoryLabel { get; init; } = "";

    /// <summary>What the numbers are, with their unit (e.g. "Số trường").</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>The rows of the table and the categories of the chart.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The columns of the table and the series of the chart, one value per category (null = no figure).</summary>
    public IReadOnlyList<ResultSeries> Series { get; init; } = [];

    /// <summary>The last row of the table (e.g. the whole province), not drawn in the chart; null when there is none.</summary>
    public ResultTotal? Total { get; init; }

    /// <summary>A note under the figure (plain text), e.g. how many units' reports are counted.</summary>
    public string? Note { get; init; }

    public DateTime TakenUtc { get; init; }

    public ResultSource? Source { get; init; }

    /// <summary>The chart this block draws.</summary>
    public ChartModel ToChart(string idPrefix = "kq")
        => new(idPrefix + "-" + Id, Chart, Title, Description, CategoryLabel, ValueLabel, Categories,
            Series.Select(s => new ChartSeries(s.Name, s.Values)).ToList());
}
