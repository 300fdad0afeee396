using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Audit;

/// <summary>Marker for the Audit module's UI strings (<c>AuditResources.vi.resx</c>).</summary>
public sealed class AuditResources;

/// <summary>One entry as the page shows it: site time, translated category and action, organisation names.</summary>
public sealed record AuditRow(
    long Id,
    DateTime OccurredLocal,
    string Category,
    string CategoryText,
    string Action,
    string ActionText,
    string ActorUserName,
    string? ActorOrganizationName,
    string? Subject,
    string? ContentItemId,
    string? ContentType,
    string? OrganizationName,
    string? VersionBefore,
    string? VersionAfter,
    string? Reasons,
    string? Details,
    bool IsSystem);

public sealed record AuditChoice(string Value, string Text);

public sealed record AuditIndexView(
    IReadOnlyList<AuditRow> Rows,
    int Total,
    int Page,
    int PageCount,
    AuditFilter Filter,
    IReadOnlyList<string> Errors,
    IReadOnlyList<AuditChoice> Categories,
    IReadOnlyList<AuditChoice> Actions,
    IReadOnlyList<OrganizationEntry> Organizations,
    string ExportUrl,
    Func<int, string> UrlForPage);

/// <summary>
/// <c>/admin/nhat-ky</c>: the audit trail, newest first, filtered and paged; <c>/admin/nhat-ky/xuat.csv</c>: the same
/// entries as CSV. Needs ViewAuditTrail; users who are not administrators see only entries whose organisation (or
/// whose actor's organisation) lies in their subtree.
/// </summary>
[RequirePermission(AuditPermissions.ViewAuditTrail)]
public sealed class AuditAdminController(
    IOrganizationDirectory organizations,
    ISiteSettingsService settings,
    DbContext db,
    TimeProvider clock,
    IStringLocalizer<AuditResources> T) : AdminController
{
    public const int PageSize = 50;

    /// <summary>At most this many rows go into one CSV file; narrow the filters for more.</summary>
    public const int MaxExportRows = 100_000;

    private const string Base = "/admin/nhat-ky";
    private const int MaxFilterLength = 256;

    [HttpGet(Base)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = AuditQueryNames.From)] string? from,
        [FromQuery(Name = AuditQueryNames.To)] string? to,
        [FromQuery(Name = AuditQueryNames.Category)] string? category,
        [FromQuery(Name = AuditQueryNames.Action)] string? action,
        [FromQuery(Name = AuditQueryNames.Actor)] string? actor,
        [FromQuery(Name = AuditQueryNames.Organization)] string? organizationId,
        [FromQuery(Name = AuditQueryNames.ContentItem)] string? contentItemId,
        [FromQuery(Name = AuditQueryNames.Text)] string? text,
        [FromQuery(Name = AuditQueryNames.Page)] string? page,
        CancellationToken ct)
    {
        var scope = Scope;

        var (filter, errors) = Parse(from, to, category, action, actor, organizationId, contentItemId, text);
        var site = await settings.GetAsync(ct);
        var query = await new AuditReader(db, organizations).QueryAsync(scope, filter, site.TimeZone, ct);
        var records = await query.ToPagedResultAsync(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1, PageSize, ct);

        var names = await organizations.GetShortNamesAsync(ct);
        var rows = records.Items.Select(r => ToRow(r, site, names)).ToList();
        var queryString = filter.ToQueryString();

        string UrlFor(int n)
        {
            var q = n > 1 ? (queryString.Length > 0 ? queryString + "&" : "") + AuditQueryNames.Page + "=" + n.ToString(CultureInfo.InvariantCulture) : queryString;
            return q.Length == 0 ? Base : Base + "?" + q;
        }

        // Verbs other modules record that the trail does not name yet are offered too.
        var others = (await db.Set<AuditEntryRecord>().Select(e => e.Action).Distinct().ToListAsync(ct))
            .Except(AuditActions.All, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var choosable = await organizations.ListTreeAsync(scope.InScope, ct);
        return View(new AuditIndexView(rows, records.Total, records.Page, records.PageCount, filter, errors,
            AuditCategories.All.Select(c => new AuditChoice(c, CategoryText(c))).ToList(),
            AuditActions.All.Concat(others).Select(a => new AuditChoice(a, ActionText(a))).ToList(),
            choosable,
            Base + "/xuat.csv" + (queryString.Length > 0 ? "?" + queryString : ""),
            UrlFor));
    }

    [HttpGet(Base + "/xuat.csv")]
    public async Task<IActionResult> Export(
        [FromQuery(Name = AuditQueryNames.From)] string? from,
        [FromQuery(Name = AuditQueryNames.To)] string? to,
        [FromQuery(Name = AuditQueryNames.Category)] string? category,
        [FromQuery(Name = AuditQueryNames.Action)] string? action,
        [FromQuery(Name = AuditQueryNames.Actor)] string? actor,
        [FromQuery(Name = AuditQueryNames.Organization)] string? organizationId,
        [FromQuery(Name = AuditQueryNames.ContentItem)] string? contentItemId,
        [FromQuery(Name = AuditQueryNames.Text)] string? text,
        CancellationToken ct)
    {
        var scope = Scope;

        var (filter, errors) = Parse(from, to, category, action, actor, organizationId, contentItemId, text);
        if (errors.Count > 0)
        {
            return Problem(detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: T["The filters are not valid."]);
        }

        var site = await settings.GetAsync(ct);
        var query = await new AuditReader(db, organizations).QueryAsync(scope, filter, site.TimeZone, ct);
        var names = await organizations.GetShortNamesAsync(ct);

        var stamp = site.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"nhat-ky-{stamp}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using (var writer = new StreamWriter(Response.Body, AuditCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true))
        {
            await writer.WriteAsync(AuditCsv.Line(
            [
                T["Time (Vietnam)"], T["Category"], T["Action"], T["User"], T["User's unit"], T["Subject"], T["Content type"],
                T["Content item id"], T["Unit"], T["Version before"], T["Version after"], T["Reasons"], T["Details"],
            ]));
            await foreach (var r in query.Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(ct))
            {
                var row = ToRow(r, site, names);
                await writer.WriteAsync(AuditCsv.Line(
                [
                    row.OccurredLocal.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.CategoryText, row.ActionText,
                    row.ActorUserName, row.ActorOrganizationName, row.Subject, row.ContentType, row.ContentItemId, row.OrganizationName,
                    row.VersionBefore, row.VersionAfter, row.Reasons, row.Details,
                ]));
            }
        }

        return new EmptyResult();
    }

    private AuditRow ToRow(AuditEntryRecord r, SiteSettings site, IReadOnlyDictionary<string, string> names)
        => new(r.Id, site.ToLocal(r.OccurredUtc), r.Category, CategoryText(r.Category), r.Action, ActionText(r.Action),
            r.ActorUserName == AuditTrail.SystemActor ? T["(the system)"] : r.ActorUserName,
            r.ActorOrganizationId is null ? null : names.GetValueOrDefault(r.ActorOrganizationId, r.ActorOrganizationId),
            r.Subject, r.ContentItemId, r.ContentType,
            r.OrganizationId is null ? null : names.GetValueOrDefault(r.OrganizationId, r.OrganizationId),
            r.VersionBefore, r.VersionAfter, r.Reasons, r.Details, r.ActorUserId == AuditTrail.SystemActor);

    private string CategoryText(string category) => Translate("Category " + category, category);

    private string ActionText(string action) => Translate("Action " + action, action);

    private string Translate(string key, string fallback)
    {
        var text = T[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    /// <summary>The filters from the query string; what cannot be read is left out and explained.</summary>
    private (AuditFilter Filter, List<string> Errors) Parse(string? from, string? to, string? category, string? action, string? actor,
        string? organizationId, string? contentItemId, string? text)
    {
        var errors = new List<string>();

        DateOnly? Date(string? value)
        {
            if (Clean(value) is not { } v)
            {
                return null;
            }

            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                || DateOnly.TryParseExact(v, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            {
                return d;
            }

            errors.Add(T["“{0}” is not a date; enter a date such as 25/11/2026.", v]);
            return null;
        }

        var fromDate = Date(from);
        var toDate = Date(to);
        if (fromDate is not null && toDate is not null && toDate < fromDate)
        {
            errors.Add(T["The end date is before the start date."]);
            toDate = null;
        }

        var chosenCategory = Clean(category);
        if (chosenCategory is not null && !AuditCategories.All.Contains(chosenCategory))
        {
            errors.Add(T["Choose a group from the list."]);
            chosenCategory = null;
        }

        var chosenAction = Clean(action);
        if (chosenAction is { Length: > AuditEntryRecord.ShortLength })
        {
            errors.Add(T["Choose an action from the list."]);
            chosenAction = null;
        }

        var filter = new AuditFilter
        {
            From = fromDate,
            To = toDate,
            Category = chosenCategory,
            Action = chosenAction,
            Actor = Limit(Clean(actor)),
            OrganizationId = Limit(Clean(organizationId)),
            ContentItemId = Limit(Clean(contentItemId)),
            Text = Limit(Clean(text)),
        };
        return (filter, errors);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize();

    private static string? Limit(string? text) => text is { Length: > MaxFilterLength } ? text[..MaxFilterLength] : text;
}
