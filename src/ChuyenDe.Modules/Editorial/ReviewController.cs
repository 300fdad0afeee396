using System.Text.Json;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

public sealed record QueueFilter(string? District, string? Org, string? Criterion, string? Year, string? Type, string? State);

public sealed record QueueRow(SubmissionRecord Record, string OrganizationName, string? DistrictName, string TypeName, string Age, bool Mine);

public sealed record QueueView(
    UserScope Scope,
    QueueFilter Filter,
    IReadOnlyList<QueueRow> Waiting,
    IReadOnlyList<QueueRow> Mine,
    IReadOnlyList<(string Id, string Name)> Districts,
    IReadOnlyList<(string Id, string Name)> Organizations,
    IReadOnlyList<(string Id, string Name)> Criteria,
    IReadOnlyList<(string Id, string Name)> Years,
    IReadOnlyList<(string Id, string Name)> Types)
{
    /// <summary>What other modules list as waiting for the user (<see cref="IReviewQueueSource"/>), oldest first.</summary>
    public IReadOnlyList<ReviewQueueExtra> Others { get; init; } = [];
}

/// <summary>What the user typed, kept when a decision could not be saved.</summary>
public sealed record ReviewFormValues(IReadOnlyList<string> ReasonCodes, string? ReasonText, string? Comment, IReadOnlyDictionary<string, int> Ratings)
{
    public static readonly ReviewFormValues Empty = new([], null, null, new Dictionary<string, int>());
}

public sealed record ReviewView(
    WorkflowContext Context,
    UserScope Scope,
    IReadOnlyList<WorkflowAction> Allowed,
    ContentDetail Detail,
    IReadOnlyList<SubmissionTransitionRecord> Transitions,
    IReadOnlyList<AssessmentRecord> Assessments,
    IReadOnlyList<ReviewAssignmentRecord> Assignments,
    IReadOnlyList<(string Id, string Name)> Curators,
    IReadOnlyList<(string Id, string Name)> Reviewers,
    IReadOnlyList<(string Id, string Name)> Criteria,
    IReadOnlyDictionary<string, string> OrganizationNames,
    string? Message,
    bool MessageIsError,
    ReviewFormValues Kept,
    string? DiffUrl)
{
    /// <summary>The site's settings, for times in its time zone.</summary>
    public required Settings.SiteSettings Site { get; init; }

    public string Time(DateTime utc) => Site.ToLocal(utc).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The review queue and the review page: curators and reviewers see what waits for them and act on it; authors submit
/// and withdraw from here and from the editor. Every POST is checked by <see cref="WorkflowService"/>.
/// </summary>
public sealed class ReviewController(
    WorkflowService workflow,
    IContentDisplayBuilder display,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    TimeProvider clock,
    Settings.ISiteSettingsService settings,
    IEnumerable<IReviewQueueSource> otherSources,
    IStringLocalizer<EditorialResources> T) : AdminController
{
    public const string BasePath = "/admin/duyet";

    private static readonly Dictionary<string, WorkflowAction> Actions = Enum.GetValues<WorkflowAction>()
        .ToDictionary(a => a.ToString(), a => a, StringComparer.OrdinalIgnoreCase);

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index([FromQuery] QueueFilter filter, CancellationToken ct)
    {
        var scope = Scope;

        var orgs = await organizations.ListAsync(ct);
        var types = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName);
        var now = clock.GetUtcNow().UtcDateTime;
        QueueRow Row(SubmissionRecord r) => new(r,
            orgs.FirstOrDefault(o => o.Id == r.OrganizationId)?.Name ?? r.OrganizationId,
            orgs.FirstOrDefault(o => o.Id == r.DistrictId)?.Name,
            types.GetValueOrDefault(r.ContentType, r.ContentType),
            Age(now - r.StepEnteredUtc),
            r.ClaimedByUserId == scope.UserId);

        var waiting = (await workflow.QueueAsync(scope, ct))
            .Where(r => string.IsNullOrEmpty(filter.District) || r.DistrictId == filter.District)
            .Where(r => string.IsNullOrEmpty(filter.Org) || r.OrganizationId == filter.Org)
            .Where(r => string.IsNullOrEmpty(filter.Criterion) || r.CriteriaTermIds.Split('|').Contains(filter.Criterion))
            .Where(r => string.IsNullOrEmpty(filter.Year) || r.SchoolYearTermId == filter.Year)
            .Where(r => string.IsNullOrEmpty(filter.Type) || r.ContentType == filter.Type)
            .Where(r => string.IsNullOrEmpty(filter.State) || r.State.ToString() == filter.State)
            .Select(Row).ToList();
        var mine = (await workflow.MineAsync(scope, ct)).Select(Row).ToList();

        var visibleOrgs = orgs.Where(o => scope.InScope(o.Id)).ToList();
        return View(new QueueView(scope, filter, waiting, mine,
            visibleOrgs.Where(o => o.Kind == OrganizationKind.DistrictOffice).Select(o => (o.Id, o.Name)).ToList(),
            visibleOrgs.Where(o => o.Kind == OrganizationKind.School).Select(o => (o.Id, o.Name)).ToList(),
            await TermsAsync("tax-criteria", ct),
            await TermsAsync("tax-school-years", ct),
            types.Where(t => t.Key is "Initiative" or "ModelSite" or "ExemplaryProduct" or "Article" or "Event").Select(t => (t.Key, t.Value)).ToList())
        {
            Others = await OthersAsync(scope, ct),
        });
    }

    private async Task<IReadOnlyList<ReviewQueueExtra>> OthersAsync(UserScope scope, CancellationToken ct)
    {
        var all = new List<ReviewQueueExtra>();
        foreach (var source in otherSources)
        {
            all.AddRange(await source.WaitingAsync(scope, ct));
        }

        return all.OrderBy(e => e.SinceUtc).ToList();
    }

    [HttpGet(BasePath + "/{id}")]
    public async Task<IActionResult> Item(string id, CancellationToken ct)
    {
        var scope = Scope;

        var context = await workflow.LoadAsync(id, scope, ct);
        return context is null ? NotFound() : View(await BuildAsync(context, scope, null, false, ReviewFormValues.Empty, ct));
    }

    [HttpPost(BasePath + "/{id}")]
    public async Task<IActionResult> Act(string id, [FromForm(Name = "act")] string? act, [FromForm] string? stamp, [FromForm] string[]? reasons,
        [FromForm] string? reasonText, [FromForm] string? targetUserId, [FromForm] string? comment, [FromForm] string? returnTo,
        CancellationToken ct)
    {
        var scope = Scope;

        var andPublish = act == "ApproveAndPublish";
        if (andPublish)
        {
            act = nameof(WorkflowAction.Approve);
        }

        if (act is null || !Actions.TryGetValue(act, out var action))
        {
            return BadRequest(T["Unknown action."].Value);
        }

        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("rating.", StringComparison.Ordinal) && key.Length < 80)
            {
                var text = value.ToString();
                if (text.Length == 0)
                {
                    continue;
                }

                // Not a whole number → 0 is refused by the rules' range check (shown as a message, not an exception).
                ratings[key["rating.".Length..]] = int.TryParse(text, out var rating) ? rating : -1;
            }
        }

        var command = new WorkflowCommand(id, action)
        {
            Stamp = string.IsNullOrEmpty(stamp) ? null : stamp,
            ReasonCodes = reasons ?? [],
            ReasonText = reasonText,
            TargetUserId = targetUserId,
            Comment = comment,
            Ratings = ratings,
            AndPublish = andPublish,
        };
        var outcome = await workflow.PerformAsync(command, scope, ct);
        if (outcome.Kind == WorkflowOutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Flash(outcome.Message);
            var itemPath = $"{ContentPaths.Editor}/{Uri.EscapeDataString(id)}";
            return Redirect(returnTo == "editor" ? itemPath : action is WorkflowAction.Return or WorkflowAction.Reject ? BasePath : $"{BasePath}/{Uri.EscapeDataString(id)}");
        }

        var context = await workflow.LoadAsync(id, scope, ct);
        if (context is null)
        {
            return NotFound();
        }

        var kept = new ReviewFormValues(command.ReasonCodes, reasonText, comment, ratings);
        Response.StatusCode = outcome.Kind switch
        {
            WorkflowOutcomeKind.Denied => 403,
            WorkflowOutcomeKind.Conflict => 409,
            _ => 400,
        };
        return View("Item", await BuildAsync(context, scope, outcome.Message, true, kept, ct));
    }

    private async Task<ReviewView> BuildAsync(WorkflowContext context, UserScope scope, string? message, bool error, ReviewFormValues kept, CancellationToken ct)
    {
        var record = context.Record;
        var allowed = workflow.AllowedActions(context, scope);
        var orgs = await organizations.ListAsync(ct);
        var names = orgs.ToDictionary(o => o.Id, o => o.Name);
        IReadOnlyList<(string, string)> curators = [];
        IReadOnlyList<(string, string)> reviewers = [];
        if (record is not null && allowed.Contains(WorkflowAction.Reassign))
        {
            curators = (await workflow.CandidatesAsync(record, WorkflowPermissions.Review, exactOrganization: true, ct)).Where(c => c.Id != scope.UserId).ToList();
        }

        if (record is not null && allowed.Contains(WorkflowAction.AssignReviewer))
        {
            reviewers = (await workflow.CandidatesAsync(record, WorkflowPermissions.Assess, exactOrganization: false, ct))
                .Where(c => c.Id != scope.UserId && c.Id != record.SubmittedByUserId && c.Id != record.OwnerUserId).ToList();
        }

        string? diff = null;
        if (record is { PreviousSubmittedVersionId: { } previous, SubmittedVersionId: { } current } && previous != current)
        {
            diff = $"{ContentPaths.Editor}/{Uri.EscapeDataString(context.Item.ContentItemId)}/so-sanh?from={Uri.EscapeDataString(previous)}&to={Uri.EscapeDataString(current)}";
        }

        // Assessments are for the reviewing units and the assigned reviewers, not for the author's school.
        var assignments = record is null ? [] : await workflow.AssignmentsAsync(context.Item.ContentItemId, record.Round, ct);
        var seesAssessments = scope.IsAdministrator
            || (scope.Has(WorkflowPermissions.Review) && record is not null && record.ReviewOrganizations.Contains(scope.OrganizationId))
            || assignments.Any(a => a.ReviewerUserId == scope.UserId);
        return new ReviewView(context, scope, allowed, await display.BuildDetailAsync(context.Item, ct),
            await workflow.TransitionsAsync(context.Item.ContentItemId, ct),
            seesAssessments ? await workflow.AssessmentsAsync(context.Item.ContentItemId, ct) : [],
            assignments,
            curators, reviewers, await TermsAsync("tax-criteria", ct), names, message, error, kept, diff) { Site = await settings.GetAsync(ct) };
    }

    private async Task<IReadOnlyList<(string Id, string Name)>> TermsAsync(string taxonomyId, CancellationToken ct)
        => (await taxonomies.GetTaxonomyAsync(taxonomyId, ct))?.Terms.Select(t => (t.ContentItemId, t.Title)).ToList() ?? [];

    private string Age(TimeSpan age) => age.TotalDays >= 1
        ? T["{0} days", (int)age.TotalDays]
        : age.TotalHours >= 1 ? T["{0} hours", (int)age.TotalHours] : T["just now"];
}

/// <summary>Paths of other admin areas the workflow links to.</summary>
public static class ContentPaths
{
    public const string Editor = "/admin/noi-dung";
}

/// <summary>The workflow box shown on the editor's pages: the state, the step, the last reasons, submit / withdraw.</summary>
public sealed class WorkflowPanelViewComponent(IUserScopeService scopes, WorkflowService workflow) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string contentItemId)
    {
        if (await scopes.GetAsync(UserClaimsPrincipal, HttpContext.RequestAborted) is not { } scope
            || await workflow.LoadAsync(contentItemId, scope, HttpContext.RequestAborted) is not { } context
            || (!context.RequiresReview && context.Record is null))
        {
            return Content("");
        }

        var transitions = context.Record is null ? [] : await workflow.TransitionsAsync(contentItemId, HttpContext.RequestAborted);
        var lastReasons = transitions.LastOrDefault(t => t.Action is WorkflowAction.Return or WorkflowAction.Reject);
        return View(new WorkflowPanelView(context, workflow.AllowedActions(context, scope), lastReasons,
            scope.Has(WorkflowPermissions.Assess) || scope.Has(WorkflowPermissions.Review)));
    }
}

public sealed record WorkflowPanelView(WorkflowContext Context, IReadOnlyList<WorkflowAction> Allowed, SubmissionTransitionRecord? LastReasons, bool SeesReviewPage);

internal sealed class ReviewAdminMenu(IStringLocalizer<EditorialResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Review queue"], ReviewController.BasePath, WorkflowPermissions.Assess, 5),
        new(T["Overview"], T["My submissions"], ReviewController.BasePath + "#bai-cua-toi", WorkflowPermissions.Submit, 6),
    ];
}

/// <summary>Ratings of an assessment (criterion term id → 1–5), read from their stored JSON.</summary>
public static class RatingsJson
{
    public static IReadOnlyDictionary<string, int> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, int>();
        }
    }
}
