namespace ChuyenDe.Modules.Charts;

/// <summary>
/// The series colours: a palette told apart by people with the common colour-vision deficiencies (Okabe and Ito),
/// without its yellow (too light on white); every colour has at least 3:1 contrast with the white background, as WCAG
/// asks of graphics. Beyond eight series the colours repeat; the table beside the chart carries the numbers.
/// </summary>
public static class ChartPalette
{
    public static readonly IReadOnlyList<string> Colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8C6D00", "#56407A", "#B8475F"];

    public const string Text = "#1F2328";
    public const string Muted = "#57606A";
    public const string Grid = "#D0D7DE";
    public const string Axis = "#57606A";
    public const string Background = "#FFFFFF";

    public static string Of(int series) => Colors[series % Colors.Count];
}
