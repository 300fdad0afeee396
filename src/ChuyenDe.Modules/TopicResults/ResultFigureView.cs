namespace ChuyenDe.Modules.TopicResults;

/// <summary>A figure as a page shows it: its block, the heading level, and the address of its downloads (none in a preview).</summary>
public sealed record ResultFigureView(ResultBlock Block, string? DownloadBase, int HeadingLevel = 2)
{
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A figure's number as Vietnamese readers write it (1.234,5); empty when there is no figure.</summary>
    public static string Format(decimal? value) => value is { } v ? v.ToString("#,##0.##", Vietnamese) : "";
}
