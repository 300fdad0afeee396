namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// A source of one section of the statistics page (<c>/admin/thong-ke</c>). The page asks every registered source, in
/// <see cref="Order"/>, for its section under the user's query (their scope and the filters); each table it returns is
/// shown with its chart and can be downloaded as XLSX, CSV, SVG and PNG by its id. The built-in sections are the
/// published items, the recognitions, the review funnel and the report rounds' indicators; the counting of page views
/// and downloads adds its own section by implementing this and registering it
/// (<c>services.AddScoped&lt;IStatisticsSection, …&gt;()</c>). Table ids must be unique on the page (lower-case, dashes).
/// </summary>
public interface IStatisticsSection
{
    int Order { get; }

    /// <summary>The section for the query, or null when it has nothing to show for it.</summary>
    Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct);
}
