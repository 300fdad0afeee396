using System.Text;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// The consolidation page: the round's consolidation, the district chosen by the filter (null = all), the labels of
/// the levels (rules in words) and how to show a stored value or a figure.
/// </summary>
public sealed record ConsolidationPageView(
    RoundConsolidation Consolidation,
    string? District,
    ConsolidationTable MainTable,
    ConsolidationTable? SchoolsTable,
    IndicatorEntryValidator Validator,
    bool CanManage,
    bool UnknownDistrict = false)
{
    public ReportRound Round => Consolidation.Round;

    /// <summary>An added-up figure as people read it: a yes/no figure is a count of units, the others as their kind.</summary>
    public string Figure(IndicatorDefinition indicator, AddedUpFigure? figure)
    {
        if (figure?.Value is not { } value || !ConsolidationTable.HasFigure(indicator))
        {
            return "";
        }

        return indicator.Kind == IndicatorKind.YesNo
            ? value.ToString("#,##0", System.Globalization.CultureInfo.CurrentCulture)
            : Validator.Display(indicator, IndicatorEntries.Normalise(value));
    }
}

/// <summary>
/// <c>GET /admin/bao-cao/{id}/tong-hop</c> (Tổng hợp) and its downloads <c>tong-hop.xlsx</c>, <c>tong-hop.csv</c>,
/// <c>tong-hop.docx</c> (<c>?cap=truong</c>: the schools' level of a round that asked district offices). Needs
/// ViewConsolidations (403); a round not owned by the user's unit or a unit below it (administrators: any) answers 404.
/// </summary>
[RequirePermission(ReportPermissions.ViewConsolidations)]
public sealed class ReportConsolidationController(
    ReportConsolidationService consolidations,
    IndicatorEntryValidator validator,
    ConsolidationXlsxWriter xlsx,
    ConsolidationCsvWriter csv,
    ConsolidationDocxWriter docx,
    ISiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ConsolidationResources> labels) : AdminController
{
    public const string SchoolsLevel = "truong";

    public static string PageUrl(int roundId) => $"{ReportsAdminController.Base}/{roundId}/tong-hop";

    [HttpGet(ReportsAdminController.Base + "/{id:int}/tong-hop")]
    public async Task<IActionResult> Index(int id, [FromQuery(Name = "phong")] string? district, CancellationToken ct)
    {
        if (await consolidations.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        var consolidation = await consolidations.ConsolidateAsync(round, ct);
        var groups = consolidation.Main.IsGrouped ? consolidation.Main.Groups : consolidation.Schools?.Groups ?? [];
        var chosen = groups.Any(g => g.Key.Length > 0 && g.Key == district) ? district : null;
        return View(new ConsolidationPageView(
            consolidation,
            chosen,
            new ConsolidationTable(consolidation.Main.Input, labels),
            consolidation.Schools is { } schools ? new ConsolidationTable(schools.Input, labels) : null,
            validator,
            Scope.Has(ReportPermissions.ManageReportRounds),
            UnknownDistrict: !string.IsNullOrEmpty(district) && chosen is null));
    }

    [HttpGet(ReportsAdminController.Base + "/{id:int}/tong-hop.xlsx")]
    public Task<IActionResult> Xlsx(int id, [FromQuery(Name = "cap")] string? level, CancellationToken ct)
        => DownloadAsync(id, level, "xlsx", ConsolidationXlsxWriter.ContentType, xlsx.WriteAsync, ct);

    [HttpGet(ReportsAdminController.Base + "/{id:int}/tong-hop.csv")]
    public Task<IActionResult> Csv(int id, [FromQuery(Name = "cap")] string? level, CancellationToken ct)
        => DownloadAsync(id, level, "csv", ConsolidationCsvWriter.ContentType, csv.WriteAsync, ct);

    [HttpGet(ReportsAdminController.Base + "/{id:int}/tong-hop.docx")]
    public Task<IActionResult> Docx(int id, [FromQuery(Name = "cap")] string? level, CancellationToken ct)
        => DownloadAsync(id, level, "docx", ConsolidationDocxWriter.ContentType, docx.WriteAsync, ct);

    private async Task<IActionResult> DownloadAsync(int id, string? level, string extension, string contentType,
        Func<ConsolidationInput, Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        if (await consolidations.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(level) && level != SchoolsLevel)
        {
            return NotFound(); // a level the page never links to: not silently the units' level
        }

        var consolidation = await consolidations.ConsolidateAsync(round, ct);
        var chosen = level == SchoolsLevel ? consolidation.Schools : consolidation.Main;
        if (chosen is null)
        {
            return NotFound();
        }

        var site = await siteSettings.GetAsync(ct);
        var date = site.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var suffix = level == SchoolsLevel ? "-cac-truong" : "";
        Response.Headers.ContentDisposition = ContentDisposition(round.Title, suffix, date, extension);
        Response.ContentType = contentType;
        await write(chosen.Input, Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>
    /// <c>attachment; filename="tong-hop-&lt;slug&gt;-&lt;date&gt;.xlsx"; filename*=UTF-8''Tổng hợp – &lt;title&gt; – &lt;date&gt;.xlsx</c>
    /// (the ASCII name for old clients, the Vietnamese one percent-encoded, RFC 6266/5987).
    /// </summary>
    public static string ContentDisposition(string title, string suffix, string date, string extension)
        => RoundFileDisposition("tong-hop", "Tổng hợp" + (suffix.Length > 0 ? " các trường" : ""), title, suffix, date, extension);

    /// <summary>
    /// The download name of a file made from a round: <c>attachment; filename="&lt;asciiPrefix&gt;-&lt;slug of the
    /// title&gt;&lt;asciiSuffix&gt;-&lt;date&gt;.&lt;extension&gt;"; filename*=UTF-8''&lt;readablePrefix&gt; – &lt;title&gt; – &lt;date&gt;.&lt;extension&gt;</c>
    /// (the ASCII name for old clients, the Vietnamese one percent-encoded, RFC 6266/5987). Used by the consolidation
    /// downloads and the nominations ZIP.
    /// </summary>
    public static string RoundFileDisposition(string asciiPrefix, string readablePrefix, string title, string asciiSuffix, string date, string extension)
    {
        var slug = Slugs.Slugify(title);
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        var ascii = $"{asciiPrefix}-{(slug.Length == 0 ? "dot-bao-cao" : slug)}{asciiSuffix}-{date}.{extension}";
        var readable = new StringBuilder();
        foreach (var c in $"{readablePrefix} – {title} – {date}")
        {
            readable.Append(char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? '-' : c);
        }

        var name = readable.ToString();
        if (name.Length > 150)
        {
            name = name[..150];
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name + "." + extension)}";
    }
}

/// <summary>One level's table on the consolidation page (<c>Views/ReportConsolidation/_ConsolidationTable.cshtml</c>).</summary>
public sealed record ConsolidationTableView(ConsolidationPageView Page, ConsolidationLevel Level, ConsolidationTable Table, string Id, string? District);
