using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.ContentPickerField;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// <c>/admin/khen-thuong</c>: the commendation decisions of the user's units — list, create, edit, recipients (add,
/// remove, move), the items each is commended for (a search of published items), publish and unpublish — and the
/// proposals from the report rounds (<c>/admin/khen-thuong/de-nghi</c>). Needs ManageCommendations; a decision of a unit
/// outside the user's scope answers 404.
/// </summary>
[RequirePermission(CommendationPermissions.ManageCommendations)]
public sealed class CommendationsAdminController(
    CommendationService decisions,
    CommendationProposalService proposals,
    IOrganizationService organizations,
    IContentQueryService contents,
    IContentPickerSearch picker,
    DbContext db,
    IStringLocalizer<CommendationsResources> T) : AdminController
{
    public const string Base = "/admin/khen-thuong";
    public const string ProposalsUrl = Base + "/de-nghi";

    public static string EditUrl(int id) => $"{Base}/{id}/sua";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var groups = await proposals.ListAsync(Scope, ct);
        return View(new DecisionsIndexView(await decisions.ListAsync(Scope, ct), groups.Sum(g => g.Rows.Count(r => r.Decided is null))));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "de-nghi")] string? proposal, CancellationToken ct)
        => View("Edit", await EditViewAsync(null, new DecisionForm
        {
            Level = nameof(IssuingLevel.DepartmentDirector),
            Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ProposalKey = proposal,
        }, ct));

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(DecisionForm form, CancellationToken ct)
    {
        var (decision, errors) = await decisions.CreateAsync(Scope, form, ct);
        if (decision is null)
        {
            AddErrors(errors);
            return View("Edit", await EditViewAsync(null, form, ct));
        }

        Flash(T["Decision no. {0} has been recorded; add its recipients, then publish it.", decision.Number]);
        if (await proposals.FindAsync(Scope, form.ProposalKey, ct) is { } found
            && await decisions.FindAsync(Scope, decision.Id, ct) is { } tracked)
        {
            var accepted = await proposals.AcceptAsync(Scope, found.Round, found.Row, tracked, DefaultAchievement(found.Round, found.Row), ct);
            if (accepted.Count == 0)
            {
                Flash(T["Decision no. {0} has been recorded with the proposal of {1}.", decision.Number, found.Row.UnitName]);
            }
        }

        return Redirect(EditUrl(decision.Id));
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, [FromQuery(Name = "nguoi-nhan")] int? searchRecipient, [FromQuery(Name = "tim")] string? text, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision)
        {
            return NotFound();
        }

        var view = await EditViewAsync(decision, FormOf(decision), ct);
        if (searchRecipient is { } rid && decision.Recipients.Any(r => r.Id == rid))
        {
            var found = await picker.SearchAsync(Scope, text?.Trim(), CommendationService.LinkableTypes.ToList(), 20, ct);
            view = view with { SearchRecipientId = rid, SearchText = text, SearchResults = found.Where(r => r.Published).ToList() };
        }

        return View(view);
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, DecisionForm form, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision)
        {
            return NotFound();
        }

        var errors = await decisions.UpdateAsync(Scope, decision, form, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View(await EditViewAsync(decision, form, ct));
        }

        Flash(T["The changes to decision no. {0} have been saved.", decision.Number]);
        return Redirect(EditUrl(id));
    }

    [HttpPost(Base + "/{id:int}/cong-bo")]
    public Task<IActionResult> Publish(int id, CancellationToken ct) => SetPublishedAsync(id, true, ct);

    [HttpPost(Base + "/{id:int}/go-cong-bo")]
    public Task<IActionResult> Unpublish(int id, CancellationToken ct) => SetPublishedAsync(id, false, ct);

    private async Task<IActionResult> SetPublishedAsync(int id, bool published, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision)
        {
            return NotFound();
        }

        var errors = await decisions.SetPublishedAsync(Scope, decision, published, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Edit", await EditViewAsync(decision, FormOf(decision), ct));
        }

        Flash(published
            ? T["Decision no. {0} is published: its recipients are on the honour roll.", decision.Number]
            : T["Decision no. {0} is no longer published.", decision.Number]);
        return Redirect(EditUrl(id));
    }

    [HttpPost(Base + "/{id:int}/nguoi-nhan")]
    public async Task<IActionResult> AddRecipient(int id, RecipientForm form, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision)
        {
            return NotFound();
        }

        var (recipient, errors) = await decisions.AddRecipientAsync(Scope, decision, form, null, ct);
        if (recipient is null)
        {
            AddErrors(errors);
            return View("Edit", (await EditViewAsync(decision, FormOf(decision), ct)) with { Recipient = form });
        }

        Flash(T["“{0}” has been added to the decision.", recipient.Name]);
        return Redirect(EditUrl(id) + "#nguoi-nhan-" + recipient.Id);
    }

    [HttpPost(Base + "/{id:int}/nguoi-nhan/{recipientId:int}/xoa")]
    public async Task<IActionResult> RemoveRecipient(int id, int recipientId, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision || !await decisions.RemoveRecipientAsync(Scope, decision, recipientId, ct))
        {
            return NotFound();
        }

        Flash(T["The recipient has been removed from the decision."]);
        return Redirect(EditUrl(id) + "#nguoi-nhan");
    }

    [HttpPost(Base + "/{id:int}/nguoi-nhan/{recipientId:int}/di-chuyen")]
    public async Task<IActionResult> MoveRecipient(int id, int recipientId, [FromForm(Name = "huong")] string? direction, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision
            || !await decisions.MoveRecipientAsync(Scope, decision, recipientId, direction == "len", ct))
        {
            return NotFound();
        }

        return Redirect(EditUrl(id) + "#nguoi-nhan-" + recipientId);
    }

    [HttpPost(Base + "/{id:int}/nguoi-nhan/{recipientId:int}/hoc-lieu")]
    public async Task<IActionResult> LinkItem(int id, int recipientId, [FromForm(Name = "ContentItemId")] string? contentItemId, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision || decision.Recipients.All(r => r.Id != recipientId))
        {
            return NotFound();
        }

        var errors = await decisions.LinkItemAsync(Scope, decision, recipientId, contentItemId, async (itemId, token)
            => (await contents.GetPublishedAsync([itemId], token)).FirstOrDefault()?.ContentType, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Edit", (await EditViewAsync(decision, FormOf(decision), ct)) with { SearchRecipientId = recipientId });
        }

        Flash(T["The item has been linked."]);
        return Redirect(EditUrl(id) + "#nguoi-nhan-" + recipientId);
    }

    [HttpPost(Base + "/{id:int}/nguoi-nhan/{recipientId:int}/hoc-lieu/xoa")]
    public async Task<IActionResult> UnlinkItem(int id, int recipientId, [FromForm(Name = "ContentItemId")] string? contentItemId, CancellationToken ct)
    {
        if (await decisions.FindAsync(Scope, id, ct) is not { } decision
            || !await decisions.UnlinkItemAsync(Scope, decision, recipientId, contentItemId, ct))
        {
            return NotFound();
        }

        Flash(T["The item has been unlinked."]);
        return Redirect(EditUrl(id) + "#nguoi-nhan-" + recipientId);
    }

    [HttpGet(ProposalsUrl)]
    public async Task<IActionResult> Proposals(CancellationToken ct)
        => View(new ProposalsView(await proposals.ListAsync(Scope, ct), await proposals.TargetsAsync(Scope, ct)));

    [HttpPost(ProposalsUrl + "/chap-nhan")]
    public async Task<IActionResult> Accept(ProposalAcceptForm form, CancellationToken ct)
    {
        if (await proposals.FindAsync(Scope, form.Key, ct) is not { } found)
        {
            return NotFound();
        }

        IReadOnlyList<FormError> errors;
        CommendationDecision? decision = null;
        if (form.DecisionId is not { } decisionId || (decision = await decisions.FindAsync(Scope, decisionId, ct)) is null)
        {
            errors = [new FormError("DecisionId", "Choose the decision to accept the proposal into, or create one.")];
        }
        else
        {
            var achievement = string.IsNullOrWhiteSpace(form.Achievement) ? DefaultAchievement(found.Round, found.Row) : form.Achievement;
            errors = await proposals.AcceptAsync(Scope, found.Round, found.Row, decision, achievement, ct);
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Proposals", new ProposalsView(await proposals.ListAsync(Scope, ct), await proposals.TargetsAsync(Scope, ct)) { FailedKey = form.Key });
        }

        Flash(T["The proposal of {0} has been accepted into decision no. {1}.", found.Row.UnitName, decision!.Number]);
        return Redirect(ProposalsUrl);
    }

    [HttpPost(ProposalsUrl + "/tu-choi")]
    public async Task<IActionResult> Reject([FromForm(Name = "Key")] string? key, CancellationToken ct)
    {
        if (await proposals.FindAsync(Scope, key, ct) is not { } found)
        {
            return NotFound();
        }

        var errors = await proposals.RejectAsync(Scope, found.Round, found.Row, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Proposals", new ProposalsView(await proposals.ListAsync(Scope, ct), await proposals.TargetsAsync(Scope, ct)) { FailedKey = key });
        }

        Flash(T["The proposal of {0} has been rejected.", found.Row.UnitName]);
        return Redirect(ProposalsUrl);
    }

    private string DefaultAchievement(ReportRound round, ProposalRow row)
        => T["Proposed by {0} in the report round “{1}”.", row.UnitName, round.Title];

    private static DecisionForm FormOf(CommendationDecision d) => new()
    {
        Number = d.Number,
        Date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Level = d.Level.ToString(),
        Title = d.Title,
        Period = d.Period,
        FilePath = d.FilePath,
    };

    private async Task<DecisionEditView> EditViewAsync(CommendationDecision? decision, DecisionForm form, CancellationToken ct)
    {
        var units = (await organizations.ListAsync(ct)).Where(o => o.Active && Scope.InScope(o.Id)).ToList();
        var itemIds = decision?.Recipients.SelectMany(r => r.Items).Select(i => i.ContentItemId).Distinct().ToList() ?? [];
        var titles = (await contents.GetPublishedAsync(itemIds, ct)).ToDictionary(i => i.ContentItemId, i => i.DisplayText, StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = decision?.Recipients.Select(r => r.SourceKey).OfType<string>().ToList() ?? [];
        if (keys.Count > 0)
        {
            var roundIds = keys.Select(ProposalKeys.RoundOf).OfType<int>().Distinct().ToList();
            var rounds = await db.Set<ReportRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
            var proposed = await db.Set<CommendationProposal>().AsNoTracking().Where(p => keys.Contains(p.SourceKey)).ToListAsync(ct);
            foreach (var p in proposed)
            {
                var unit = units.FirstOrDefault(u => u.Id == p.UnitOrganizationId)?.Name ?? p.UnitOrganizationId;
                sources[p.SourceKey] = T["Proposed by {0} in the report round “{1}”.", unit, rounds.GetValueOrDefault(p.RoundId) ?? "?"];
            }
        }

        return new DecisionEditView(decision, form, await decisions.FileChoicesAsync(Scope, ct), units, titles, sources);
    }

    private void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, T[error.Message, error.Args]);
        }
    }
}
