using ChuyenDe.Modules.Data;
using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Search;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Editorial;

/// <summary>The taxonomies curation chooses from.</summary>
public static class CurationTaxonomies
{
    public const string Levels = "tax-levels";
    public const string Themes = "tax-model-site-themes";
    public const string SchoolYears = "tax-school-years";
}

/// <summary>What a curator posts to mark an item exemplary or designate it a model site (one form each).</summary>
public sealed class CurationForm
{
    public string? ExemplaryLevel { get; set; }
    public string? ExemplaryCitation { get; set; }
    public bool ExemplaryFeatured { get; set; }

    public string? ModelSiteTheme { get; set; }
    public string? ModelSiteLevel { get; set; }
    public string? ModelSiteYear { get; set; }
    public string? ModelSiteCitation { get; set; }
    public bool ModelSiteFeatured { get; set; }
}

/// <summary>An item a curator may look at: its latest version, its published version (if any), and its curations.</summary>
public sealed record CurationCandidate(ContentItem Latest, ContentItem? Published, IReadOnlyList<CurationRecord> History)
{
    public CurationRecord? Active(string kind) => History.FirstOrDefault(r => r.Kind == kind && r.Active);

    public bool CanBeExemplary => Latest.ContentType == "Initiative";

    public bool CanBeModelSite => Latest.ContentType is "ModelSite" or "Initiative";
}

/// <summary>The result of a change: the record, or errors (English keys of <c>CurationResources</c>), or a collision.</summary>
public sealed record CurationChange(CurationRecord? Record, IReadOnlyList<FormError> Errors, bool Conflict = false)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static CurationChange Failed(params FormError[] errors) => new(null, errors);
}

public sealed record CurationFilter(string? Kind, string? LevelTermId, string? SchoolYearTermId, bool? Active);

/// <summary>Curating published items. Every method checks the actor's scope; permissions are checked by the caller.</summary>
public interface ICurationService
{
    /// <summary>The item if it exists (latest version) and belongs to the actor's scope, else null.</summary>
    Task<CurationCandidate?> FindCandidateAsync(UserScope actor, string contentItemId, CancellationToken ct = default);

    Task<CurationChange> MarkExemplaryAsync(UserScope actor, CurationCandidate candidate, CurationForm form, CancellationToken ct = default);

    Task<CurationChange> DesignateModelSiteAsync(UserScope actor, CurationCandidate candidate, CurationForm form, CancellationToken ct = default);

    /// <summary>Null when the curation does not exist or is outside the actor's scope.</summary>
    Task<CurationRecord?> FindAsync(UserScope actor, long id, CancellationToken ct = default);

    Task<CurationChange> WithdrawAsync(UserScope actor, CurationRecord record, string? concurrencyStamp, string? reason, CancellationToken ct = default);

    /// <summary>Sets the home-page order of active curations in scope (null = not featured). Others are left alone.</summary>
    Task<CurationChange> ReorderAsync(UserScope actor, IReadOnlyDictionary<long, int?> orders, CancellationToken ct = default);

    /// <summary>Moves an active featured curation one place up (-1) or down (+1) among the featured of its kind.</summary>
    Task<CurationChange> MoveAsync(UserScope actor, CurationRecord record, int direction, CancellationToken ct = default);

    Task<IReadOnlyList<CurationRecord>> ListAsync(UserScope actor, CurationFilter filter, CancellationToken ct = default);
}

internal sealed class CurationService(
    DbContext db,
    IContentManager contents,
    ITaxonomyService taxonomies,
    IEnumerable<IAuditTrail> auditTrails,
    IEnumerable<ISearchIndexQueue> searchQueues,
    TimeProvider clock) : ICurationService
{
    public const int MaxTextLength = 2000;
    public const int MaxFeaturedOrder = 999;

    public async Task<CurationCandidate?> FindCandidateAsync(UserScope actor, string contentItemId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(contentItemId) || contentItemId.Length > 64)
        {
            return null;
        }

        var latest = await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        if (latest is null || !actor.InScope(latest.OrganizationId))
        {
            return null;
        }

        var published = latest.Published ? latest : await contents.GetAsync(contentItemId, VersionOptions.Published, ct);
        var history = await db.Set<CurationRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId)
            .OrderByDescending(r => r.CuratedUtc).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        return new CurationCandidate(latest, published, history);
    }

    public async Task<CurationChange> MarkExemplaryAsync(UserScope actor, CurationCandidate candidate, CurationForm form, CancellationToken ct = default)
    {
        if (PublishedCheck(candidate) is { } notPublished)
        {
            return CurationChange.Failed(notPublished);
        }

        if (!candidate.CanBeExemplary)
        {
            return CurationChange.Failed(new FormError("", "Only initiatives can be marked as exemplary products."));
        }

        if (candidate.Active(CurationKinds.Exemplary) is not null)
        {
            return CurationChange.Failed(new FormError("", "“{0}” is already an exemplary product. Withdraw the curation first to change its level or citation.", candidate.Latest.DisplayText));
        }

        var errors = new List<FormError>();
        var level = await RequireTermAsync(form.ExemplaryLevel, CurationTaxonomies.Levels, nameof(CurationForm.ExemplaryLevel), "Choose the level of recognition.", errors, ct);
        var citation = Clean(form.ExemplaryCitation);
        if (citation is null)
        {
            errors.Add(new FormError(nameof(CurationForm.ExemplaryCitation), "Write the citation: why this product is exemplary."));
        }
        else if (citation.Length > MaxTextLength)
        {
            errors.Add(new FormError(nameof(CurationForm.ExemplaryCitation), "The citation may be at most {0} characters.", MaxTextLength));
        }

        if (errors.Count > 0)
        {
            return new CurationChange(null, errors);
        }

        var record = NewRecord(actor, candidate, CurationKinds.Exemplary);
        record.LevelTermId = level!.ContentItemId;
        record.Citation = citation;
        return await CreateAsync(record, form.ExemplaryFeatured, candidate, AuditActions.MarkedExemplary, level.Title, ct);
    }

    public async Task<CurationChange> DesignateModelSiteAsync(UserScope actor, CurationCandidate candidate, CurationForm form, CancellationToken ct = default)
    {
        if (PublishedCheck(candidate) is { } notPublished)
        {
            return CurationChange.Failed(notPublished);
        }

        if (!candidate.CanBeModelSite)
        {
            return CurationChange.Failed(new FormError("", "Only model sites and initiatives can be designated model sites."));
        }

        if (candidate.Active(CurationKinds.ModelSite) is not null)
        {
            return CurationChange.Failed(new FormError("", "“{0}” is already a designated model site. Withdraw the designation first to change it.", candidate.Latest.DisplayText));
        }

        var errors = new List<FormError>();
        var theme = await RequireTermAsync(form.ModelSiteTheme, CurationTaxonomies.Themes, nameof(CurationForm.ModelSiteTheme), "Choose the theme of the model site.", errors, ct);
        var level = await RequireTermAsync(form.ModelSiteLevel, CurationTaxonomies.Levels, nameof(CurationForm.ModelSiteLevel), "Choose the level of recognition.", errors, ct);
        var year = await RequireTermAsync(form.ModelSiteYear, CurationTaxonomies.SchoolYears, nameof(CurationForm.ModelSiteYear), "Choose the school year.", errors, ct);
        var citation = Clean(form.ModelSiteCitation);
        if (citation is { Length: > MaxTextLength })
        {
            errors.Add(new FormError(nameof(CurationForm.ModelSiteCitation), "The citation may be at most {0} characters.", MaxTextLength));
        }

        if (errors.Count > 0)
        {
            return new CurationChange(null, errors);
        }

        var record = NewRecord(actor, candidate, CurationKinds.ModelSite);
        record.ThemeTermId = theme!.ContentItemId;
        record.LevelTermId = level!.ContentItemId;
        record.SchoolYearTermId = year!.ContentItemId;
        record.Citation = citation;
        return await CreateAsync(record, form.ModelSiteFeatured, candidate, AuditActions.DesignatedModelSite,
            string.Join(" · ", level.Title, theme.Title, year.Title), ct);
    }

    public async Task<CurationRecord?> FindAsync(UserScope actor, long id, CancellationToken ct = default)
    {
        var record = await db.Set<CurationRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        return record is not null && actor.InScope(record.OrganizationId) ? record : null;
    }

    public async Task<CurationChange> WithdrawAsync(UserScope actor, CurationRecord record, string? concurrencyStamp, string? reason, CancellationToken ct = default)
    {
        if (!record.Active)
        {
            return CurationChange.Failed(new FormError("", "This curation has already been withdrawn."));
        }

        var text = Clean(reason);
        if (text is null)
        {
            return CurationChange.Failed(new FormError("Reason", "Write the reason for the withdrawal."));
        }

        if (text.Length > MaxTextLength)
        {
            return CurationChange.Failed(new FormError("Reason", "The reason may be at most {0} characters.", MaxTextLength));
        }

        if (!string.IsNullOrEmpty(concurrencyStamp))
        {
            // The stamp the curator saw: if someone changed the row since, the update matches nothing and collides.
            db.Entry(record).Property(r => r.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        }

        record.WithdrawnUtc = clock.GetUtcNow().UtcDateTime;
        record.WithdrawnByUserId = actor.UserId;
        record.WithdrawnByUserName = actor.UserName;
        record.WithdrawReason = text;
        record.FeaturedOrder = null;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var title = (await contents.GetAsync(record.ContentItemId, VersionOptions.Latest, ct))?.DisplayText;
        try
        {
            return await InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                await AuditAsync(record, record.Kind == CurationKinds.Exemplary ? AuditActions.ExemplaryWithdrawn : AuditActions.ModelSiteWithdrawn,
                    title, await DetailsAsync(record, ct), text, ct);
                await EnqueueAsync(record.ContentItemId, ct);
                return new CurationChange(record, []);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CurationChange(null, [], Conflict: true);
        }
    }

    public async Task<CurationChange> ReorderAsync(UserScope actor, IReadOnlyDictionary<long, int?> orders, CancellationToken ct = default)
    {
        var errors = new List<FormError>();
        foreach (var (id, order) in orders)
        {
            if (order is < 1 or > MaxFeaturedOrder)
            {
                errors.Add(new FormError("order-" + id, "The order must be a whole number from 1 to {0}, or empty for an item not featured.", MaxFeaturedOrder));
            }
        }

        if (errors.Count > 0)
        {
            return new CurationChange(null, errors);
        }

        var ids = orders.Keys.ToList();
        var records = (await db.Set<CurationRecord>().Where(r => ids.Contains(r.Id) && r.WithdrawnUtc == null).ToListAsync(ct))
            .Where(r => actor.InScope(r.OrganizationId))
            .ToList();
        var changed = records.Where(r => r.FeaturedOrder != orders[r.Id]).ToList();
        if (changed.Count == 0)
        {
            return new CurationChange(null, []);
        }

        var before = changed.ToDictionary(r => r.Id, r => r.FeaturedOrder);
        foreach (var record in changed)
        {
            record.FeaturedOrder = orders[record.Id];
            record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }

        return await SaveOrderAsync(changed, before, ct);
    }

    public async Task<CurationChange> MoveAsync(UserScope actor, CurationRecord record, int direction, CancellationToken ct = default)
    {
        if (!record.Active)
        {
            return CurationChange.Failed(new FormError("", "This curation has already been withdrawn."));
        }

        // The featured of the kind in order; a record not featured yet joins at the end.
        var featured = (await db.Set<CurationRecord>()
                .Where(r => r.Kind == record.Kind && r.WithdrawnUtc == null && r.FeaturedOrder != null)
                .ToListAsync(ct))
            .OrderBy(r => r.FeaturedOrder).ThenBy(r => r.Id)
            .ToList();
        if (!featured.Contains(record))
        {
            featured.Add(record);
        }

        var index = featured.IndexOf(record);
        var target = Math.Clamp(index + Math.Sign(direction), 0, featured.Count - 1);
        featured.RemoveAt(index);
        featured.Insert(target, record);
        var changed = new List<CurationRecord>();
        var before = featured.ToDictionary(r => r.Id, r => r.FeaturedOrder);
        for (var i = 0; i < featured.Count; i++)
        {
            if (featured[i].FeaturedOrder != i + 1)
            {
                featured[i].FeaturedOrder = i + 1;
                featured[i].ConcurrencyStamp = Guid.NewGuid().ToString("N");
                changed.Add(featured[i]);
            }
        }

        return changed.Count == 0 ? new CurationChange(record, []) : await SaveOrderAsync(changed, before, ct);
    }

    public async Task<IReadOnlyList<CurationRecord>> ListAsync(UserScope actor, CurationFilter filter, CancellationToken ct = default)
    {
        var query = db.Set<CurationRecord>().AsNoTracking();
        if (CurationKinds.IsKnown(filter.Kind))
        {
            query = query.Where(r => r.Kind == filter.Kind);
        }

        if (!string.IsNullOrEmpty(filter.LevelTermId))
        {
            query = query.Where(r => r.LevelTermId == filter.LevelTermId);
        }

        if (!string.IsNullOrEmpty(filter.SchoolYearTermId))
        {
            query = query.Where(r => r.SchoolYearTermId == filter.SchoolYearTermId);
        }

        query = filter.Active switch
        {
            true => query.Where(r => r.WithdrawnUtc == null),
            false => query.Where(r => r.WithdrawnUtc != null),
            _ => query,
        };
        if (!actor.IsAdministrator)
        {
            var scope = actor.OrganizationIds.ToList();
            query = actor.SeesUnassigned
                ? query.Where(r => r.OrganizationId == null || scope.Contains(r.OrganizationId))
                : query.Where(r => r.OrganizationId != null && scope.Contains(r.OrganizationId));
        }

        return await query.OrderByDescending(r => r.CuratedUtc).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
    }

    private static FormError? PublishedCheck(CurationCandidate candidate)
        => candidate.Published is null
            ? new FormError("", "Only published items can be curated. “{0}” has not been published yet.", candidate.Latest.DisplayText)
            : null;

    private CurationRecord NewRecord(UserScope actor, CurationCandidate candidate, string kind) => new()
    {
        ContentItemId = candidate.Latest.ContentItemId,
        ContentType = candidate.Latest.ContentType,
        OrganizationId = candidate.Latest.OrganizationId,
        Kind = kind,
        CuratedByUserId = actor.UserId,
        CuratedByUserName = actor.UserName,
        CuratedUtc = clock.GetUtcNow().UtcDateTime,
    };

    private async Task<CurationChange> CreateAsync(CurationRecord record, bool featured, CurationCandidate candidate, string action, string details, CancellationToken ct)
    {
        if (featured)
        {
            var last = await db.Set<CurationRecord>()
                .Where(r => r.Kind == record.Kind && r.WithdrawnUtc == null && r.FeaturedOrder != null)
                .MaxAsync(r => r.FeaturedOrder, ct);
            record.FeaturedOrder = Math.Min((last ?? 0) + 1, MaxFeaturedOrder);
        }

        try
        {
            return await InTransactionAsync(async () =>
            {
                db.Add(record);
                await db.SaveChangesAsync(ct);
                await AuditAsync(record, action, candidate.Latest.DisplayText, details, record.Citation, ct);
                await EnqueueAsync(record.ContentItemId, ct);
                return new CurationChange(record, []);
            }, ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another curator created the active curation at the same moment (the unique index refused this one).
            return CurationChange.Failed(new FormError("", record.Kind == CurationKinds.Exemplary
                ? "“{0}” is already an exemplary product. Withdraw the curation first to change its level or citation."
                : "“{0}” is already a designated model site. Withdraw the designation first to change it.", candidate.Latest.DisplayText));
        }
    }

    private async Task<CurationChange> SaveOrderAsync(IReadOnlyList<CurationRecord> changed, IReadOnlyDictionary<long, int?> before, CancellationToken ct)
    {
        try
        {
            return await InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                foreach (var record in changed)
                {
                    var title = (await contents.GetAsync(record.ContentItemId, VersionOptions.Latest, ct))?.DisplayText;
                    await AuditAsync(record, AuditActions.FeaturedOrderChanged, title,
                        AuditDetails.Fields(("FeaturedOrder", before.GetValueOrDefault(record.Id)?.ToString(CultureInfo.InvariantCulture),
                            record.FeaturedOrder?.ToString(CultureInfo.InvariantCulture))), null, ct);
                }

                return new CurationChange(changed[0], []);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CurationChange(null, [], Conflict: true);
        }
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => db.InTransactionAsync(work, ct);

    private async Task AuditAsync(CurationRecord record, string action, string? subject, string? details, string? reasons, CancellationToken ct)
    {
        foreach (var trail in auditTrails)
        {
            await trail.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Curation,
                Action = action,
                ContentItemId = record.ContentItemId,
                ContentType = record.ContentType,
                Subject = subject,
                OrganizationId = record.OrganizationId,
                Details = details,
                Reasons = reasons,
            }, ct);
        }
    }

    private async Task EnqueueAsync(string contentItemId, CancellationToken ct)
    {
        foreach (var queue in searchQueues)
        {
            await queue.EnqueueAsync(contentItemId, ct);
        }
    }

    private async Task<string> DetailsAsync(CurationRecord record, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var id in new[] { record.LevelTermId, record.ThemeTermId, record.SchoolYearTermId })
        {
            if (!string.IsNullOrEmpty(id))
            {
                names.Add((await taxonomies.FindTermAsync(id, ct))?.Title ?? id);
            }
        }

        return string.Join(" · ", names);
    }

    private async Task<TaxonomyTerm?> RequireTermAsync(string? termId, string taxonomyId, string field, string missing, List<FormError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(termId))
        {
            errors.Add(new FormError(field, missing));
            return null;
        }

        var term = (await taxonomies.GetTaxonomyAsync(taxonomyId, ct))?.Find(termId.Trim());
        if (term is null)
        {
            errors.Add(new FormError(field, "Choose a value from the list."));
        }

        return term;
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}

/// <summary>The public side: active curations with their term names.</summary>
/// <summary>
/// The curation contract for the public site. The active curations (a few hundred rows) are kept across requests in the
/// <see cref="Caching.ReferenceDataCache"/> under <see cref="CacheKey"/>, dropped by the save that changes a curation,
/// and every question is answered from them; the term names are resolved on each call (taxonomies are cached apart).
/// </summary>
internal sealed class CurationQuery(DbContext db, ITaxonomyService taxonomies, Caching.ReferenceDataCache cache) : ICurationQuery
{
    public const string CacheKey = "Editorial.ActiveCurations";

    public async Task<IReadOnlyList<CurationInfo>> ListActiveAsync(string kind, CancellationToken ct = default)
        => await ToInfoAsync((await ActiveAsync(ct)).Where(r => r.Kind == kind)
            .OrderByDescending(r => r.CuratedUtc).ThenByDescending(r => r.Id)
            .ToList(), ct);

    public async Task<IReadOnlyList<CurationInfo>> ListActiveAsync(IReadOnlyCollection<string> kinds, CancellationToken ct = default)
    {
        var list = kinds.ToHashSet(StringComparer.Ordinal);
        return await ToInfoAsync((await ActiveAsync(ct)).Where(r => list.Contains(r.Kind))
            .OrderByDescending(r => r.CuratedUtc).ThenByDescending(r => r.Id)
            .ToList(), ct);
    }

    public async Task<IReadOnlyList<CurationInfo>> ListFeaturedAsync(string kind, CancellationToken ct = default)
        => await ToInfoAsync((await ActiveAsync(ct)).Where(r => r.Kind == kind && r.FeaturedOrder != null)
            .OrderBy(r => r.FeaturedOrder).ThenBy(r => r.Id)
            .ToList(), ct);

    public async Task<IReadOnlyList<CurationInfo>> GetActiveAsync(string contentItemId, CancellationToken ct = default)
    {
        var active = await ActiveAsync(ct);
        var records = new List<CurationRecord>();
        foreach (var r in active)
        {
            if (r.ContentItemId == contentItemId)
            {
                records.Add(r);
            }
        }

        return records.Count == 0 ? [] : await ToInfoAsync(records.OrderBy(r => r.Kind, StringComparer.Ordinal).ToList(), ct);
    }

    /// <summary>The active (not withdrawn) curations, shared between requests: read only.</summary>
    private Task<List<CurationRecord>> ActiveAsync(CancellationToken ct)
        => cache.GetOrLoadAsync(db, CacheKey, token => db.Set<CurationRecord>().AsNoTracking()
            .Where(r => r.WithdrawnUtc == null)
            .ToListAsync(token), ct);

    private async Task<IReadOnlyList<CurationInfo>> ToInfoAsync(List<CurationRecord> records, CancellationToken ct)
    {
        async Task<string?> Name(string? termId)
            => string.IsNullOrEmpty(termId) ? null : (await taxonomies.FindTermAsync(termId, ct))?.Title ?? termId;

        var result = new List<CurationInfo>(records.Count);
        foreach (var r in records)
        {
            result.Add(new CurationInfo(r.Id, r.ContentItemId, r.Kind, r.LevelTermId, await Name(r.LevelTermId), r.Citation,
                r.ThemeTermId, await Name(r.ThemeTermId), r.SchoolYearTermId, await Name(r.SchoolYearTermId), r.FeaturedOrder, r.CuratedUtc));
        }

        return result;
    }
}

/// <summary>Tells search that an item is exemplary: its own type is ExemplaryProduct, or it has an active exemplary curation.</summary>
internal sealed class CurationSearchContributor(DbContext db) : ISearchDocumentContributor
{
    public async Task ContributeAsync(ContentItem item, SearchDocumentFacts facts, CancellationToken ct)
    {
        if (item.ContentType == "ExemplaryProduct"
            || await db.Set<CurationRecord>().AsNoTracking()
                .AnyAsync(r => r.ContentItemId == item.ContentItemId && r.Kind == CurationKinds.Exemplary && r.WithdrawnUtc == null, ct))
        {
            facts.Exemplary = true;
        }
    }
}
