using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Audit;

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
