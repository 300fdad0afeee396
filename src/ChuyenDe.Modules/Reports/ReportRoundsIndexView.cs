using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>The list of rounds: a page of them, the filters and the school years to choose from.</summary>
public sealed record ReportRoundsIndexView(
    PagedResult<ReportRoundRow> Rounds,
    ReportRoundState? State,
    string? SchoolYear,
    IReadOnlyList<string> SchoolYears,
    Func<int, string> UrlForPage,
    Func<DateTime, DateTime> ToLocal,
    bool CanCreate);
