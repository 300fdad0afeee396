using System.Globalization;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// Commendation decisions in the admin: every change is checked (messages are keys of the module's strings), saved with
/// its audit entry in one transaction, and limited to decisions whose owner lies in the actor's scope (administrators:
/// any). Recipients' units must lie in the actor's scope too; the items they are commended for must be published
/// initiatives, exemplary products or model sites.
/// </summary>
public sealed partial class CommendationService(
    DbContext db,
    IOrganizationService organizations,
    IMediaFileAccess media,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The types a recipient may be linked to.</summary>
    public static readonly IReadOnlyList<string> LinkableTypes = ["Initiative", "ExemplaryProduct", "ModelSite"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool MayManage(UserScope actor) => actor.Has(CommendationPermissions.ManageCommendations);

    /// <summary>The decisions of the actor's units, newest first.</summary>
    public async Task<IReadOnlyList<CommendationDecision>> ListAsync(UserScope actor, CancellationToken ct)
    {
        var query = db.Set<CommendationDecision>().AsNoTracking().Include(d => d.Recipients).AsQueryable();
        if (!actor.IsAdministrator)
        {
            var ids = actor.OrganizationIds.ToList();
            query = query.Where(d => ids.Contains(d.OwnerOrganizationId));
        }

        return (await query.ToListAsync(ct)).OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).ToList();
    }

    /// <summary>The decision (tracked, with its recipients and their items) when the actor may manage it; null otherwise.</summary>
    public async Task<CommendationDecision?> FindAsync(UserScope actor, int id, CancellationToken ct)
    {
        var decision = await db.Set<CommendationDecision>()
            .Include(d => d.Recipients).ThenInclude(r => r.Items)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null || !MayManage(actor) || !actor.InScope(decision.OwnerOrganizationId))
        {
            return null;
        }

        decision.Recipients.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Id.CompareTo(b.Id));
        foreach (var recipient in decision.Recipients)
        {
            recipient.Items.Sort((a, b) => a.Order.CompareTo(b.Order));
        }

        return decision;
    }

    /// <summary>The files the actor may attach as the signed decision: those of the actor's libraries.</summary>
    public Task<IReadOnlyList<MediaChoice>> FileChoicesAsync(UserScope actor, CancellationToken ct) => media.ListChoosableAsync(actor, ct);

    public async Task<(CommendationDecision? Decision, IReadOnlyList<FormError> Errors)> CreateAsync(UserScope actor, DecisionForm form, CancellationToken ct)
    {
        var decision = new CommendationDecision { OwnerOrganizationId = actor.OrganizationId, CreatedUtc = Now };
        var (apply, errors) = await CheckAsync(actor, decision, form, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        apply();
        decision.UpdatedUtc = Now;
        db.Add(decision);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AuditAsync(AuditActions.Created, decision, null, ct);
            return true;
        }, ct);
        return (decision, []);
    }

    public async Task<IReadOnlyList<FormError>> UpdateAsync(UserScope actor, CommendationDecision decision, DecisionForm form, CancellationToken ct)
    {
        var (apply, errors) = await CheckAsync(actor, decision, form, ct);
        if (errors.Count > 0)
        {
            return errors;
        }

        apply();
        await SaveAsync(AuditActions.Updated, decision, null, ct);
        return [];
    }

    /// <summary>Publishing needs at least one recipient; unpublishing takes the decision off the honour roll and the badges.</summary>
    public async Task<IReadOnlyList<FormError>> SetPublishedAsync(UserScope actor, CommendationDecision decision, bool published, CancellationToken ct)
    {
        if (published && decision.Recipients.Count == 0)
        {
            return [new FormError("", "Add at least one recipient before publishing the decision.")];
        }

        if (decision.Published == published)
        {
            return [];
        }

        decision.Published = published;
        decision.PublishedUtc = published ? Now : null;
        await SaveAsync(published ? AuditActions.Published : AuditActions.Unpublished, decision, null, ct);
        return [];
    }

    /// <summary>Adds a recipient at the end of the list.</summary>
    public async Task<(CommendationRecipient? Recipient, IReadOnlyList<FormError> Errors)> AddRecipientAsync(UserScope actor, CommendationDecision decision,
        RecipientForm form, string? sourceKey, CancellationToken ct)
    {
        var errors = new List<FormError>();
        var kind = Enum.TryParse<RecipientKind>(form.Kind, false, out var k) && Enum.IsDefined(k) ? k : (RecipientKind?)null;
        var organizationId = string.IsNullOrWhiteSpace(form.OrganizationId) ? null : form.OrganizationId.Trim();
        var name = form.Name?.Trim() ?? "";
        var position = string.IsNullOrWhiteSpace(form.Position) ? null : form.Position.Trim();
        var achievement = form.Achievement?.Trim() ?? "";
        Organization? unit = null;
        if (kind is null)
        {
            errors.Add(new FormError(nameof(form.Kind), "Choose a collective or an individual."));
        }

        if (organizationId is not null)
        {
            unit = await organizations.GetAsync(organizationId, ct);
            if (unit is null || !actor.InScope(unit.Id))
            {
                errors.Add(new FormError(nameof(form.OrganizationId), "Choose a unit of your scope from the list."));
            }
        }

        if (kind == RecipientKind.Collective)
        {
            if (organizationId is null)
            {
                errors.Add(new FormError(nameof(form.OrganizationId), "Choose the unit commended."));
            }
            else if (unit is not null && decision.Recipients.Any(r => r.Kind == RecipientKind.Collective && r.OrganizationId == unit.Id))
            {
                errors.Add(new FormError(nameof(form.OrganizationId), "“{0}” is already a recipient of this decision.", unit.Name));
            }

            if (unit is not null)
            {
                name = unit.Name;
            }
        }
        else if (kind == RecipientKind.Individual)
        {
            if (name.Length == 0)
            {
                errors.Add(new FormError(nameof(form.Name), "Enter the person's full name."));
            }
            else if (name.Length > CommendationRecipient.MaxNameLength)
            {
                errors.Add(new FormError(nameof(form.Name), "The name is longer than {0} characters.", CommendationRecipient.MaxNameLength));
            }

            if (position is { Length: > CommendationRecipient.MaxPositionLength })
            {
                errors.Add(new FormError(nameof(form.Position), "The position is longer than {0} characters.", CommendationRecipient.MaxPositionLength));
            }
        }

        if (achievement.Length == 0)
        {
            errors.Add(new FormError(nameof(form.Achievement), "Describe the achievement commended."));
        }
        else if (achievement.Length > CommendationRecipient.MaxAchievementLength)
        {
            errors.Add(new FormError(nameof(form.Achievement), "The achievement is longer than {0} characters.", CommendationRecipient.MaxAchievementLength));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var recipient = new CommendationRecipient
        {
            DecisionId = decision.Id,
            Kind = kind!.Value,
            OrganizationId = unit?.Id,
            Name = name,
            Position = kind == RecipientKind.Individual ? position : null,
            Achievement = achievement,
            Order = decision.Recipients.Count == 0 ? 0 : decision.Recipients.Max(r => r.Order) + 1,
            SourceKey = sourceKey,
        };
        decision.Recipients.Add(recipient);
        if (sourceKey is null)
        {
            await SaveAsync("RecipientAdded", decision, name, ct);
        }

        return (recipient, []);
    }

    /// <summary>Removes a recipient; a recipient accepted from a proposal makes the proposal pending again.</summary>
    public async Task<bool> RemoveRecipientAsync(UserScope actor, CommendationDecision decision, int recipientId, CancellationToken ct)
    {
        var recipient = decision.Recipients.FirstOrDefault(r => r.Id == recipientId);
        if (recipient is null)
        {
            return false;
        }

        decision.Recipients.Remove(recipient);
        db.Remove(recipient);
        if (recipient.SourceKey is { } key)
        {
            db.RemoveRange(await db.Set<CommendationProposal>().Where(p => p.SourceKey == key).ToListAsync(ct));
        }

        await SaveAsync("RecipientRemoved", decision, recipient.Name, ct);
        return true;
    }

    /// <summary>Moves a recipient one place up (<paramref name="up"/>) or down the decision's list.</summary>
    public async Task<bool> MoveRecipientAsync(UserScope actor, CommendationDecision decision, int recipientId, bool up, CancellationToken ct)
    {
        var list = decision.Recipients;
        var index = list.FindIndex(r => r.Id == recipientId);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= list.Count)
        {
            return index >= 0;
        }

        (list[index], list[other]) = (list[other], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Order = i;
        }

        await SaveAsync("RecipientsReordered", decision, null, ct);
        return true;
    }

    /// <summary>Links a published initiative, exemplary product or model site to a recipient.</summary>
    public async Task<IReadOnlyList<FormError>> LinkItemAsync(UserScope actor, CommendationDecision decision, int recipientId, string? contentItemId,
        Func<string, CancellationToken, Task<string?>> publishedTypeOf, CancellationToken ct)
    {
        var recipient = decision.Recipients.FirstOrDefault(r => r.Id == recipientId);
        if (recipient is null)
        {
            return [new FormError("", "The recipient no longer exists.")];
        }

        var id = contentItemId?.Trim() ?? "";
        var type = id.Length == 0 ? null : await publishedTypeOf(id, ct);
        if (type is null || !LinkableTypes.Contains(type))
        {
            return [new FormError("ContentItemId", "Choose a published initiative, exemplary product or model site.")];
        }

        if (recipient.Items.Any(i => i.ContentItemId == id))
        {
            return [new FormError("ContentItemId", "The item is already linked to this recipient.")];
        }

        recipient.Items.Add(new CommendationRecipientItem
        {
            RecipientId = recipient.Id,
            ContentItemId = id,
            Order = recipient.Items.Count == 0 ? 0 : recipient.Items.Max(i => i.Order) + 1,
        });
        await SaveAsync("ItemLinked", decision, recipient.Name, ct);
        return [];
    }

    public async Task<bool> UnlinkItemAsync(UserScope actor, CommendationDecision decision, int recipientId, string? contentItemId, CancellationToken ct)
    {
        var recipient = decision.Recipients.FirstOrDefault(r => r.Id == recipientId);
        var item = recipient?.Items.FirstOrDefault(i => i.ContentItemId == contentItemId);
        if (recipient is null || item is null)
        {
            return false;
        }

        recipient.Items.Remove(item);
        db.Remove(item);
        await SaveAsync("ItemUnlinked", decision, recipient.Name, ct);
        return true;
    }

    [GeneratedRegex("^(?<from>[0-9]{4})-(?<to>[0-9]{4})$")]
    private static partial Regex PeriodPattern();

    /// <summary>A phase (2021-2025) or a school year (2022-2023): two years, the second after the first, at most 5 apart.</summary>
    public static bool IsPeriod(string text)
        => PeriodPattern().Match(text) is { Success: true } m
           && int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) is var from
           && int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) is var to
           && to > from && to - from <= 5;

    private async Task<(Action Apply, List<FormError> Errors)> CheckAsync(UserScope actor, CommendationDecision decision, DecisionForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        var number = form.Number?.Trim() ?? "";
        var title = form.Title?.Trim() ?? "";
        var period = (form.Period?.Trim() ?? "").Replace('–', '-').Replace(" ", "", StringComparison.Ordinal);
        var file = string.IsNullOrWhiteSpace(form.FilePath) ? null : form.FilePath.Trim();
        DateOnly date = default;
        if (number.Length == 0)
        {
            errors.Add(new FormError(nameof(form.Number), "Enter the decision's number."));
        }
        else if (number.Length > CommendationDecision.MaxNumberLength)
        {
            errors.Add(new FormError(nameof(form.Number), "The number is longer than {0} characters.", CommendationDecision.MaxNumberLength));
        }

        var dateText = form.Date?.Trim() ?? "";
        if (dateText.Length == 0)
        {
            errors.Add(new FormError(nameof(form.Date), "Enter the decision's date."));
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                 && !DateOnly.TryParseExact(dateText, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new FormError(nameof(form.Date), "“{0}” is not a date (for example 20/05/2023).", dateText));
        }
        else if (date.Year < 2000 || date > DateOnly.FromDateTime(Now).AddYears(1))
        {
            errors.Add(new FormError(nameof(form.Date), "“{0}” is not a plausible date for a decision.", dateText));
        }

        var level = Enum.TryParse<IssuingLevel>(form.Level, false, out var l) && Enum.IsDefined(l) ? l : (IssuingLevel?)null;
        if (level is null)
        {
            errors.Add(new FormError(nameof(form.Level), "Choose who signed the decision."));
        }

        if (title.Length == 0)
        {
            errors.Add(new FormError(nameof(form.Title), "Enter the decision's summary (trích yếu)."));
        }
        else if (title.Length > CommendationDecision.MaxTitleLength)
        {
            errors.Add(new FormError(nameof(form.Title), "The summary is longer than {0} characters.", CommendationDecision.MaxTitleLength));
        }

        if (period.Length == 0)
        {
            errors.Add(new FormError(nameof(form.Period), "Enter the phase or school year."));
        }
        else if (!IsPeriod(period))
        {
            errors.Add(new FormError(nameof(form.Period), "Write the phase or school year as two years, for example 2021-2025 or 2022-2023."));
        }

        if (file is not null && file != decision.FilePath)
        {
            var usable = await media.UsableAsync(actor, [file], ct);
            var owned = await media.OwnedByItemAsync(decision.OwnerOrganizationId, [file], ct);
            if (!usable.Contains(file) || !owned.Contains(file))
            {
                errors.Add(new FormError(nameof(form.FilePath), "Attach a file of your unit's media library."));
            }
        }

        if (errors.Count == 0 && await db.Set<CommendationDecision>().AnyAsync(d => d.Id != decision.Id && d.OwnerOrganizationId == decision.OwnerOrganizationId
                && d.Number == number && d.Date == date, ct))
        {
            errors.Add(new FormError(nameof(form.Number), "A decision numbered “{0}” of the same date is already recorded.", number));
        }

        return (() =>
        {
            decision.Number = number;
            decision.Date = date;
            decision.Level = level ?? IssuingLevel.DepartmentDirector;
            decision.Title = title;
            decision.Period = period;
            decision.FilePath = file;
        }, errors);
    }

    /// <summary>Saves the tracked changes and their audit entry in one transaction.</summary>
    internal async Task SaveAsync(string action, CommendationDecision decision, string? details, CancellationToken ct)
    {
        decision.UpdatedUtc = Now;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AuditAsync(action, decision, details, ct);
            return true;
        }, ct);
    }

    internal Task AuditAsync(string action, CommendationDecision decision, string? details, CancellationToken ct)
        => AuditAsync(action, $"Quyết định khen thưởng số {decision.Number}", decision.OwnerOrganizationId, details, ct);

    internal Task AuditAsync(string action, string subject, string? organizationId, string? details, CancellationToken ct)
        => audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Commendation,
            Action = action,
            Subject = subject,
            OrganizationId = organizationId,
            Details = details,
        }, ct);
}
