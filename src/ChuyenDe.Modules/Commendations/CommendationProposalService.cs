using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// Proposals (đề nghị khen thưởng): the nominations of the report rounds owned by units of the actor's scope, from the
/// latest submission of each submitted or accepted report (<see cref="ReportNominationsService.ListAsync"/>). A
/// curator with <see cref="CommendationPermissions.ManageCommendations"/> accepts one into a decision of their units (it
/// becomes a recipient that keeps the nomination's key) or rejects it; a proposal is accepted once (the key is unique
/// among the decided proposals and among recipients), and a rejected one stays listed as rejected.
/// </summary>
public sealed class CommendationProposalService(DbContext db, ReportNominationsService nominations, CommendationService decisions, TimeProvider clock)
{
    /// <summary>The rounds of the actor's scope that have nominations, newest first, each with its proposals.</summary>
    public async Task<IReadOnlyList<ProposalGroup>> ListAsync(UserScope actor, CancellationToken ct)
    {
        if (!CommendationService.MayManage(actor))
        {
            return [];
        }

        var rounds = db.Set<ReportRound>().AsNoTracking()
            .Where(r => db.Set<ReportRoundUnit>().Any(u => u.RoundId == r.Id && u.ReportContentItemId != null
                && (u.ReportState == UnitReportState.Submitted || u.ReportState == UnitReportState.Accepted)));
        if (!actor.IsAdministrator)
        {
            var ids = actor.OrganizationIds.ToList();
            rounds = rounds.Where(r => ids.Contains(r.OwnerOrganizationId));
        }

        var groups = new List<ProposalGroup>();
        foreach (var round in (await rounds.ToListAsync(ct)).OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id))
        {
            var rows = await RowsAsync(round, ct);
            if (rows.Count > 0)
            {
                groups.Add(new ProposalGroup(round, rows));
            }
        }

        return groups;
    }

    private async Task<IReadOnlyList<ProposalRow>> RowsAsync(ReportRound round, CancellationToken ct)
    {
        var units = await nominations.ListAsync(round, ct);
        var decided = await db.Set<CommendationProposal>().AsNoTracking().Where(p => p.RoundId == round.Id).ToListAsync(ct);
        var byKey = decided.GroupBy(p => p.SourceKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var decisionIds = decided.Where(p => p.DecisionId != null).Select(p => p.DecisionId!.Value).Distinct().ToList();
        var decisionsById = await db.Set<CommendationDecision>().AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var rows = new List<ProposalRow>();
        foreach (var unit in units)
        {
            foreach (var nomination in unit.Nominations)
            {
                var key = ProposalKeys.Of(round.Id, unit.OrganizationId, nomination);
                if (rows.Any(r => r.Key == key))
                {
                    continue;
                }

                var row = byKey.GetValueOrDefault(key);
                rows.Add(new ProposalRow(key, unit.OrganizationId, unit.UnitName, nomination, row,
                    row?.DecisionId is { } d ? decisionsById.GetValueOrDefault(d) : null));
            }
        }

        return rows;
    }

    /// <summary>The proposal of a key when its round lies in the actor's scope; null otherwise.</summary>
    public async Task<(ReportRound Round, ProposalRow Row)?> FindAsync(UserScope actor, string? key, CancellationToken ct)
    {
        if (!CommendationService.MayManage(actor) || ProposalKeys.RoundOf(key) is not { } roundId)
        {
            return null;
        }

        var round = await db.Set<ReportRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !actor.InScope(round.OwnerOrganizationId))
        {
            return null;
        }

        var row = (await RowsAsync(round, ct)).FirstOrDefault(r => r.Key == key);
        return row is null ? null : (round, row);
    }

    /// <summary>The decisions a proposal may be accepted into: those of the actor's units, newest first.</summary>
    public Task<IReadOnlyList<CommendationDecision>> TargetsAsync(UserScope actor, CancellationToken ct) => decisions.ListAsync(actor, ct);

    /// <summary>Accepts the proposal into the decision: a new recipient at the end of its list that keeps the nomination's key.</summary>
    public async Task<IReadOnlyList<FormError>> AcceptAsync(UserScope actor, ReportRound round, ProposalRow row, CommendationDecision decision,
        string achievement, CancellationToken ct)
    {
        if (row.Decided?.State == ProposalState.Accepted
            || await db.Set<CommendationRecipient>().AnyAsync(r => r.SourceKey == row.Key, ct))
        {
            return [new FormError("", "This proposal has already been accepted into a decision.")];
        }

        var nomination = row.Nomination;
        var collective = nomination.Kind == NominationKind.Collective;
        var form = new RecipientForm
        {
            Kind = (collective ? RecipientKind.Collective : RecipientKind.Individual).ToString(),
            OrganizationId = collective ? nomination.OrganizationId : row.UnitOrganizationId,
            Name = nomination.Name,
            Position = nomination.Position,
            Achievement = achievement,
        };
        var (recipient, errors) = await decisions.AddRecipientAsync(actor, decision, form, row.Key, ct);
        if (recipient is null)
        {
            return errors;
        }

        var proposal = row.Decided is null
            ? db.Add(new CommendationProposal { SourceKey = row.Key, RoundId = round.Id, UnitOrganizationId = row.UnitOrganizationId }).Entity
            : await db.Set<CommendationProposal>().SingleAsync(p => p.Id == row.Decided.Id, ct);
        try
        {
            decision.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                proposal.State = ProposalState.Accepted;
                proposal.DecisionId = decision.Id;
                proposal.RecipientId = recipient.Id;
                proposal.DecidedUtc = clock.GetUtcNow().UtcDateTime;
                proposal.DecidedByUserName = actor.UserName;
                await db.SaveChangesAsync(ct);
                await decisions.AuditAsync("ProposalAccepted", decision, $"{recipient.Name} — {row.UnitName} — {round.Title}", ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another curator accepted it at the same moment: the unique keys refused the second.
            db.ChangeTracker.Clear();
            return [new FormError("", "This proposal has already been accepted into a decision.")];
        }

        return [];
    }

    /// <summary>Rejects a pending proposal; it stays listed as rejected (and may still be accepted later).</summary>
    public async Task<IReadOnlyList<FormError>> RejectAsync(UserScope actor, ReportRound round, ProposalRow row, CancellationToken ct)
    {
        if (row.Decided?.State == ProposalState.Accepted)
        {
            return [new FormError("", "An accepted proposal cannot be rejected; remove the recipient from its decision first.")];
        }

        if (row.Decided?.State == ProposalState.Rejected)
        {
            return [];
        }

        db.Add(new CommendationProposal
        {
            SourceKey = row.Key,
            RoundId = round.Id,
            UnitOrganizationId = row.UnitOrganizationId,
            State = ProposalState.Rejected,
            DecidedUtc = clock.GetUtcNow().UtcDateTime,
            DecidedByUserName = actor.UserName,
        });
        try
        {
            await db.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                await decisions.AuditAsync("ProposalRejected", "Đề nghị khen thưởng: " + row.Nomination.Name, round.OwnerOrganizationId,
                    $"{row.UnitName} — {round.Title}", ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return [new FormError("", "This proposal has already been decided.")];
        }

        return [];
    }
}
