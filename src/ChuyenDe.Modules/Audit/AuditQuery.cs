using System.Globalization;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Audit;

/// <summary>The filters of the audit page and its CSV export; dates are days in the site's time zone (Vietnam).</summary>
public sealed record AuditFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Category { get; init; }
    public string? Action { get; init; }
    public string? Actor { get; init; }
    public string? OrganizationId { get; init; }
    public string? ContentItemId { get; init; }
    public string? Text { get; init; }

    public bool IsEmpty => this == new AuditFilter();

    /// <summary>The query string of these filters (the page's own parameter names), without the leading '?'.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(AuditQueryNames.From, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(AuditQueryNames.To, To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(AuditQueryNames.Category, Category);
        Add(AuditQueryNames.Action, Action);
        Add(AuditQueryNames.Actor, Actor);
        Add(AuditQueryNames.Organization, OrganizationId);
        Add(AuditQueryNames.ContentItem, ContentItemId);
        Add(AuditQueryNames.Text, Text);
        return string.Join("&", parts);
    }
}

/// <summary>The query parameters of <c>/admin/nhat-ky</c> and <c>/admin/nhat-ky/xuat.csv</c>.</summary>
public static class AuditQueryNames
{
    public const string From = "tu";
    public const string To = "den";
    public const string Category = "nhom";
    public const string Action = "hanh-dong";
    public const string Actor = "nguoi";
    public const string Organization = "don-vi";
    public const string ContentItem = "noi-dung";
    public const string Text = "q";
    public const string Page = "trang";

    /// <summary>The trail of one content item: <c>/admin/nhat-ky?noi-dung={id}</c>.</summary>
    public static string ForContentItem(string contentItemId) => "/admin/nhat-ky?" + ContentItem + "=" + Uri.EscapeDataString(contentItemId);
}

/// <summary>Reads the trail for a user: only what their scope allows, filtered, newest first.</summary>
internal sealed class AuditReader(DbContext db, IOrganizationDirectory organizations)
{
    public async Task<IQueryable<AuditEntryRecord>> QueryAsync(UserScope scope, AuditFilter filter, TimeZoneInfo zone, CancellationToken ct)
    {
        var query = db.Set<AuditEntryRecord>().AsNoTracking();
        if (!scope.IsAdministrator)
        {
            // The subject's organisation or the actor's lies in the user's subtree; entries about nothing of any
            // organisation (roles, pages) only for those who see unassigned things (the Department level).
            var ids = scope.OrganizationIds.ToList();
            var unassigned = scope.SeesUnassigned;
            query = query.Where(e => (e.OrganizationId != null && ids.Contains(e.OrganizationId))
                                     || (e.ActorOrganizationId != null && ids.Contains(e.ActorOrganizationId))
                                     || (unassigned && e.OrganizationId == null));
        }

        if (filter.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
            query = query.Where(e => e.OccurredUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
            query = query.Where(e => e.OccurredUtc < toUtc);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(e => e.Category == category);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Actor is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(e => e.ActorUserName.ToLower().Contains(lower));
        }

        if (filter.OrganizationId is { } organizationId)
        {
            // The unit and the units below it, as far as they are in scope.
            var chosen = (await organizations.GetSubtreeIdsAsync(organizationId, ct)).Where(scope.InScope).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(organizationId);
            }

            query = query.Where(e => (e.OrganizationId != null && chosen.Contains(e.OrganizationId))
                                     || (e.ActorOrganizationId != null && chosen.Contains(e.ActorOrganizationId)));
        }

        if (filter.ContentItemId is { } contentItemId)
        {
            query = query.Where(e => e.ContentItemId == contentItemId);
        }

        if (filter.Text is { } text && Slugs.Fold(text) is { Length: > 0 } folded)
        {
            query = query.Where(e => e.SubjectFolded != null && e.SubjectFolded.Contains(folded));
        }

        return query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id);
    }
}
