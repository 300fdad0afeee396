using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>A unit's nominations in a round, from its latest submitted version.</summary>
public sealed record UnitNominations(string OrganizationId, string UnitName, UnitReportState State, int VersionNumber, IReadOnlyList<NominationEntry> Nominations);

/// <summary>
/// The commendation nominations of a round for whoever manages it or reads its consolidation
/// (<see cref="ReportPermissions.ManageReportRounds"/> or <see cref="ReportPermissions.ViewConsolidations"/>): the round's
/// owner within the actor's organisation scope (administrators: any round), the same scope as
/// <see cref="ReportRoundService.FindAsync"/>. Each unit whose report is submitted or accepted contributes the nominations
/// of its latest submitted version; drafts and returned reports are left out.
/// </summary>
public sealed class ReportNominationsService(DbContext db, IOrganizationService organizations, IMediaStore store)
{
    public static bool MayRead(UserScope actor)
        => actor.IsAdministrator || actor.Has(ReportPermissions.ManageReportRounds) || actor.Has(ReportPermissions.ViewConsolidations);

    /// <summary>The round when the actor may read its nominations; null when unknown or out of scope.</summary>
    public async Task<ReportRound?> FindAsync(UserScope actor, int id, CancellationToken ct)
    {
        if (!MayRead(actor))
        {
            return null;
        }

        var round = await db.Set<ReportRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return round is not null && (actor.IsAdministrator || actor.OrganizationIds.Contains(round.OwnerOrganizationId)) ? round : null;
    }

    /// <summary>The units with at least one nomination, in the organisation tree's order.</summary>
    public async Task<IReadOnlyList<UnitNominations>> ListAsync(ReportRound round, CancellationToken ct)
    {
        var units = await db.Set<ReportRoundUnit>().AsNoTracking()
            .Where(u => u.RoundId == round.Id && u.ReportContentItemId != null
                        && (u.ReportState == UnitReportState.Submitted || u.ReportState == UnitReportState.Accepted))
            .ToListAsync(ct);
        var reportIds = units.Select(u => u.ReportContentItemId!).ToList();
        var versions = (await db.Set<UnitReportVersion>().AsNoTracking()
                .Where(v => reportIds.Contains(v.ReportId) && v.Kind == UnitReportVersionKind.Submitted).ToListAsync(ct))
            .GroupBy(v => v.ReportId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Number).First(), StringComparer.Ordinal);
        var tree = await organizations.ListAsync(ct);
        var order = tree.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var names = tree.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        return units
            .Where(u => versions.ContainsKey(u.ReportContentItemId!))
            .Select(u =>
            {
                var version = versions[u.ReportContentItemId!];
                return new UnitNominations(u.OrganizationId, names.GetValueOrDefault(u.OrganizationId) ?? u.OrganizationId, u.ReportState,
                    version.Number, UnitReportAttachments.ReadNominations(version.NominationsJson));
            })
            .Where(u => u.Nominations.Count > 0)
            .OrderBy(u => order.GetValueOrDefault(u.OrganizationId, int.MaxValue)).ThenBy(u => u.OrganizationId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The nominations as the ZIP writer takes them; each achievement report is opened from the media store when written.</summary>
    public async Task<IReadOnlyList<Nomination>> ForZipAsync(IReadOnlyList<UnitNominations> units, CancellationToken ct)
    {
        var list = new List<Nomination>();
        foreach (var unit in units)
        {
            foreach (var n in unit.Nominations)
            {
                var files = new List<NominationFile>();
                if (n.FilePath is { } path && await store.ExistsAsync(path, ct))
                {
                    files.Add(new NominationFile(string.IsNullOrWhiteSpace(n.FileName) ? Path.GetFileName(path) : n.FileName,
                        async token => await store.OpenReadAsync(path, token) ?? new MemoryStream()));
                }

                list.Add(new Nomination
                {
                    UnitKey = unit.OrganizationId,
                    UnitName = unit.UnitName,
                    Kind = n.Kind,
                    Name = n.Name,
                    Position = n.Position,
                    Organisation = n.Organisation,
                    Files = files,
                });
            }
        }

        return list;
    }
}
