using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>The names people read for the module's enums (translated through the module's resources).</summary>
public static class ReportText
{
    public static string State(IStringLocalizer T, ReportRoundState state) => state switch
    {
        ReportRoundState.Draft => T["Draft"],
        ReportRoundState.Open => T["Open"],
        _ => T["Closed"],
    };

    public static string Rule(IStringLocalizer T, UnitsAskedRule rule) => rule switch
    {
        UnitsAskedRule.DistrictOffices => T["Every district office below the owner"],
        UnitsAskedRule.Schools => T["Every school below the owner"],
        _ => T["Chosen by hand"],
    };

    public static string Kind(IStringLocalizer T, IndicatorKind kind) => kind switch
    {
        IndicatorKind.WholeNumber => T["Whole number"],
        IndicatorKind.Percentage => T["Percentage"],
        IndicatorKind.Decimal => T["Decimal number"],
        IndicatorKind.YesNo => T["Yes/no"],
        _ => T["Short text"],
    };

    public static string AddUp(IStringLocalizer T, AddUpRule rule) => rule switch
    {
        AddUpRule.Sum => T["Sum"],
        AddUpRule.Average => T["Average"],
        AddUpRule.WeightedShare => T["Weighted share"],
        _ => T["Not added up"],
    };

    public static string UnitState(IStringLocalizer T, UnitReportState state) => state switch
    {
        UnitReportState.NotStarted => T["Not started"],
        UnitReportState.Draft => T["Being written"],
        UnitReportState.Submitted => T["Submitted"],
        UnitReportState.Returned => T["Returned"],
        _ => T["Accepted"],
    };

    public static string VersionKind(IStringLocalizer T, UnitReportVersionKind kind)
        => kind == UnitReportVersionKind.Submitted ? T["submission"] : T["draft (a version)"];
}
