using System.Text.RegularExpressions;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>The outcome of a change to a results page: the page, or the Vietnamese errors by field ("" = the whole form).</summary>
public sealed record ResultsChange(ResultsPage? Page, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ResultsChange Ok(ResultsPage page) => new(page, new Dictionary<string, string>());

    public static ResultsChange Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Results pages: composing them (text, figures from report rounds, order), publishing and withdrawing them, within
/// the curator's scope (pages and rounds owned by their unit or a unit below it; administrators all); and reading the
/// published ones for the public site. Every change is audited ("Results").
/// </summary>
public sealed partial class ResultsPageService(
    DbContext db,
    ReportConsolidationService consolidations,
    RoundFigures figures,
    IAuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<ResultsResources> T)
{
    public const string AuditCategory = "Results";
    public const int MaxBlocks = 30;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool MayCompose(UserScope scope) => scope.Has(ResultsPermissions.PublishResults);

    private IQueryable<ResultsPage> InScope(UserScope scope)
    {
        var pages = db.Set<ResultsPage>().AsQueryable();
        if (scope.IsAdministrator)
        {
            return pages;
        }

        var ids = scope.OrganizationIds.ToList();
        return pages.Where(p => ids.Contains(p.OwnerOrganizationId));
    }

    public async Task<IReadOnlyList<ResultsPage>> ListAsync(UserScope scope, CancellationToken ct)
        => await InScope(scope).AsNoTracking().OrderByDescending(p => p.ModifiedUtc).ThenByDescending(p => p.Id).ToListAsync(ct);

    public Task<ResultsPage?> FindAsync(UserScope scope, int id, CancellationToken ct)
        => InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The rounds whose figures the curator may publish: opened or closed rounds owned in their scope, newest first.</summary>
    public async Task<IReadOnlyList<ReportRound>> RoundsAsync(UserScope scope, CancellationToken ct)
    {
        var rounds = db.Set<ReportRound>().AsNoTracking().Where(r => r.State != ReportRoundState.Draft);
        if (!scope.IsAdministrator)
        {
            var ids = scope.OrganizationIds.ToList();
            rounds = rounds.Where(r => ids.Contains(r.OwnerOrganizationId));
        }

        return await rounds.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
    }

    public async Task<ReportRound?> RoundAsync(UserScope scope, int? roundId, CancellationToken ct)
        => roundId is { } id ? (await RoundsAsync(scope, ct)).FirstOrDefault(r => r.Id == id) : null;

    public async Task<RoundConsolidation?> ConsolidationAsync(UserScope scope, int? roundId, CancellationToken ct)
    {
        if (roundId is not { } id)
        {
            return null;
        }

        var round = await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || round.State == ReportRoundState.Draft || !scope.InScope(round.OwnerOrganizationId))
        {
            return null;
        }

        return await consolidations.ConsolidateAsync(round, ct);
    }

    public async Task<ResultsChange> CreateAsync(UserScope scope, ResultsPageForm form, CancellationToken ct)
    {
        var (errors, slug) = await ValidateAsync(scope, form, null, ct);
        if (errors.Count > 0)
        {
            return new ResultsChange(null, errors);
        }

        var page = new ResultsPage
        {
            OwnerOrganizationId = scope.OrganizationId,
            CreatedUtc = Now,
        };
        Apply(page, form, slug, scope);
        db.Add(page);
        return await SaveAsync(page, scope, "Created", ct);
    }

    public async Task<ResultsChange> UpdateAsync(UserScope scope, ResultsPage page, ResultsPageForm form, CancellationToken ct)
    {
        var (errors, slug) = await ValidateAsync(scope, form, page, ct);
        if (errors.Count > 0)
        {
            return new ResultsChange(null, errors);
        }

        Apply(page, form, slug, scope);
        return await SaveAsync(page, scope, "Updated", ct);
    }

    public async Task<ResultsChange> AddRoundFigureAsync(UserScope scope, ResultsPage page, RoundFigureRequest request, CancellationToken ct)
    {
        var blocks = ResultBlocks.Read(page.BlocksJson).ToList();
        if (blocks.Count >= MaxBlocks)
        {
            return ResultsChange.Fail("", T["A page holds at most {0} figures.", MaxBlocks]);
        }

        if (await ConsolidationAsync(scope, page.RoundId, ct) is not { } consolidation)
        {
            return ResultsChange.Fail("", T["Choose the page's report round first."]);
        }

        var id = NextId(blocks);
        var (block, error) = figures.Build(id, consolidation, request, Now);
        if (block is null)
        {
            return ResultsChange.Fail("IndicatorKeys", error!);
        }

        blocks.Add(block);
        page.BlocksJson = ResultBlocks.Write(blocks);
        Touch(page, scope);
        return await SaveAsync(page, scope, "FigureAdded", ct, block.Title);
    }

    public async Task<ResultsChange> UpdateFigureAsync(UserScope scope, ResultsPage page, string blockId, string? title, string? description, ChartKind chart, CancellationToken ct)
    {
        var blocks = ResultBlocks.Read(page.BlocksJson).ToList();
        var index = blocks.FindIndex(b => b.Id == blockId);
        if (index < 0)
        {
            return ResultsChange.Fail("", T["The figure is no longer on the page."]);
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            return ResultsChange.Fail("Title", T["A figure needs a title of at most 300 characters."]);
        }

        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > 1000)
        {
            return ResultsChange.Fail("Description", T["A figure needs a description of at most 1000 characters (it is what screen readers read)."]);
        }

        var block = blocks[index];
        if (chart == ChartKind.StackedBar && block.Series.Count < 2)
        {
            return ResultsChange.Fail("Chart", T["A stacked bar chart needs at least two indicators."]);
        }

        blocks[index] = block with { Title = title.Trim(), Description = description.Trim(), Chart = chart };
        page.BlocksJson = ResultBlocks.Write(blocks);
        Touch(page, scope);
        return await SaveAsync(page, scope, "FigureUpdated", ct, title.Trim());
    }

    public async Task<ResultsChange> MoveFigureAsync(UserScope scope, ResultsPage page, string blockId, int by, CancellationToken ct)
    {
        var blocks = ResultBlocks.Read(page.BlocksJson).ToList();
        var index = blocks.FindIndex(b => b.Id == blockId);
        var target = index + Math.Sign(by);
        if (index < 0 || target < 0 || target >= blocks.Count)
        {
            return ResultsChange.Ok(page);
        }

        (blocks[index], blocks[target]) = (blocks[target], blocks[index]);
        page.BlocksJson = ResultBlocks.Write(blocks);
        Touch(page, scope);
        return await SaveAsync(page, scope, "FigureMoved", ct, blocks[target].Title);
    }

    public async Task<ResultsChange> RemoveFigureAsync(UserScope scope, ResultsPage page, string blockId, CancellationToken ct)
    {
        var blocks = ResultBlocks.Read(page.BlocksJson).ToList();
        var block = blocks.FirstOrDefault(b => b.Id == blockId);
        if (block is null)
        {
            return ResultsChange.Ok(page);
        }

        blocks.Remove(block);
        page.BlocksJson = ResultBlocks.Write(blocks);
        Touch(page, scope);
        return await SaveAsync(page, scope, "FigureRemoved", ct, block.Title);
    }

    /// <summary>Takes every figure's numbers again from its source; titles, descriptions and chart kinds stay.</summary>
    public async Task<ResultsChange> RefreshAsync(UserScope scope, ResultsPage page, CancellationToken ct)
    {
        var blocks = ResultBlocks.Read(page.BlocksJson).ToList();
        var cache = new Dictionary<int, RoundConsolidation?>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Source is not { Kind: ResultSourceKinds.RoundIndicators, RoundId: { } roundId } source)
            {
                continue;
            }

            if (!cache.TryGetValue(roundId, out var consolidation))
            {
                consolidation = cache[roundId] = await ConsolidationAsync(scope, roundId, ct);
            }

            if (consolidation is null)
            {
                return ResultsChange.Fail("", T["The round of the figure “{0}” is no longer reachable; remove the figure or choose another round.", block.Title]);
            }

            var (fresh, error) = figures.Build(block.Id, consolidation, new RoundFigureRequest(source.IndicatorKeys, source.ByUnit, block.Chart, block.Title, block.Description), Now);
            if (fresh is null)
            {
                return ResultsChange.Fail("", T["The figure “{0}” cannot be refreshed: {1}", block.Title, error!]);
            }

            blocks[i] = fresh;
        }

        page.BlocksJson = ResultBlocks.Write(blocks);
        Touch(page, scope);
        return await SaveAsync(page, scope, "Refreshed", ct);
    }

    public async Task<ResultsChange> PublishAsync(UserScope scope, ResultsPage page, bool publish, CancellationToken ct)
    {
        if (publish && ResultBlocks.Read(page.BlocksJson).Count == 0 && string.IsNullOrWhiteSpace(page.Text))
        {
            return ResultsChange.Fail("", T["Add a text or at least one figure before publishing."]);
        }

        page.Published = publish;
        page.PublishedUtc = publish ? page.PublishedUtc ?? Now : page.PublishedUtc;
        Touch(page, scope);
        return await SaveAsync(page, scope, publish ? "Published" : "Unpublished", ct);
    }

    public async Task DeleteAsync(UserScope scope, ResultsPage page, CancellationToken ct)
    {
        db.Remove(page);
        await SaveAsync(page, scope, "Deleted", ct);
    }

    public async Task<IReadOnlyList<ResultsPage>> ListPublishedAsync(CancellationToken ct)
        => await db.Set<ResultsPage>().AsNoTracking().Where(p => p.Published)
            .OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).ToListAsync(ct);

    public Task<ResultsPage?> FindPublishedAsync(string slug, CancellationToken ct)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return db.Set<ResultsPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Published && p.Slug == normalized, ct);
    }

    /// <summary>The titles of the given rounds, by id (one query however many pages name them).</summary>
    public async Task<IReadOnlyDictionary<int, string>> RoundTitlesAsync(IEnumerable<int?> roundIds, CancellationToken ct)
    {
        var ids = roundIds.OfType<int>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Set<ReportRound>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
    }

    private static string NextId(IReadOnlyList<ResultBlock> blocks)
    {
        var next = 1;
        while (blocks.Any(b => b.Id == "h" + next))
        {
            next++;
        }

        return "h" + next;
    }

    private void Touch(ResultsPage page, UserScope scope)
    {
        page.ModifiedUtc = Now;
        page.ModifiedByUserId = scope.UserId;
    }

    private void Apply(ResultsPage page, ResultsPageForm form, string slug, UserScope scope)
    {
        page.Title = form.Title!.Trim();
        page.Slug = slug;
        page.Summary = string.IsNullOrWhiteSpace(form.Summary) ? null : form.Summary.Trim();
        page.Text = string.IsNullOrWhiteSpace(form.Text) ? null : form.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        page.RoundId = form.RoundId;
        Touch(page, scope);
    }

    private async Task<(Dictionary<string, string> Errors, string Slug)> ValidateAsync(UserScope scope, ResultsPageForm form, ResultsPage? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors["Title"] = T["Enter the page's title."];
        }
        else if (form.Title.Trim().Length > 300)
        {
            errors["Title"] = T["The title is at most 300 characters."];
        }

        if (form.Summary?.Trim().Length > 600)
        {
            errors["Summary"] = T["The summary is at most 600 characters."];
        }

        if (form.Text?.Length > 100_000)
        {
            errors["Text"] = T["The text is at most 100,000 characters."];
        }

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.Slugify(form.Title) : form.Slug.Trim().ToLowerInvariant();
        if (!errors.ContainsKey("Title"))
        {
            if (slug.Length > 128 || !SlugPattern().IsMatch(slug))
            {
                errors["Slug"] = T["The address may hold only lower-case letters without tone marks, digits and dashes (at most 128)."];
            }
            else if (await db.Set<ResultsPage>().AnyAsync(p => p.Slug == slug && (existing == null || p.Id != existing.Id), ct))
            {
                errors["Slug"] = T["Another results page already has the address /ket-qua/{0}.", slug];
            }
        }

        if (form.RoundId is { } roundId && await RoundAsync(scope, roundId, ct) is null)
        {
            errors["RoundId"] = T["The round is not one of your unit's opened or closed rounds."];
        }

        if (existing is not null && existing.RoundId != form.RoundId && ResultBlocks.Read(existing.BlocksJson).Count > 0)
        {
            errors["RoundId"] = T["Remove the figures of the current round before choosing another round."];
        }

        return (errors, slug);
    }

    private async Task<ResultsChange> SaveAsync(ResultsPage page, UserScope scope, string action, CancellationToken ct, string? details = null)
    {
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategory,
                Action = action,
                Subject = page.Title,
                OrganizationId = page.OwnerOrganizationId,
                Details = details,
                ActorUserId = scope.UserId,
                ActorUserName = scope.UserName,
                ActorOrganizationId = scope.OrganizationId,
            }, ct);
        }, ct);
        return ResultsChange.Ok(page);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPatternCore();

    private static Regex SlugPattern() => SlugPatternCore();
}
