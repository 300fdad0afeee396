using ChuyenDe.Modules.Admin;
using Microsoft.AspNetCore.Http;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// <c>/admin/ket-qua</c>: Department curators (PublishResults) compose results pages — a text and figures taken from a
/// report round's indicators, each a chart with its table — preview, publish and withdraw them. Pages of another unit
/// answer 404; users without the permission 403.
/// </summary>
[RequirePermission(ResultsPermissions.PublishResults)]
public sealed class ResultsAdminController(ResultsPageService pages, IStringLocalizer<ResultsResources> T) : AdminController
{
    public const string Base = "/admin/ket-qua";

    public static string EditUrl(int id) => $"{Base}/{id}";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var list = await pages.ListAsync(Scope, ct);
        var rounds = (await pages.RoundsAsync(Scope, ct)).ToDictionary(r => r.Id, r => r.Title);
        return View(new ResultsIndexView(list, rounds));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> New(int? round, CancellationToken ct)
        => View("Edit", await EditViewAsync(null, new ResultsPageForm { RoundId = round }, new Dictionary<string, string>(), ct));

    [HttpPost(Base + "/tao")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(ResultsPageForm form, CancellationToken ct)
    {
        var result = await pages.CreateAsync(Scope, form, ct);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await EditViewAsync(null, form, result.Errors, ct));
        }

        Flash(T["The results page was created. Add its figures below."]);
        return Redirect(EditUrl(result.Page!.Id));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        return View(await EditViewAsync(page, FormOf(page), new Dictionary<string, string>(), ct));
    }

    [HttpPost(Base + "/{id:int}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Update(int id, ResultsPageForm form, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.UpdateAsync(Scope, page, form, ct);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await EditViewAsync(page, form, result.Errors, ct));
        }

        Flash(T["Saved."]);
        return Redirect(EditUrl(id));
    }

    [HttpPost(Base + "/{id:int}/bieu-do")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AddFigure(int id, [FromForm] List<string>? indicatorKeys, [FromForm] bool byUnit, [FromForm] ChartKind chart,
        [FromForm] string? title, [FromForm] string? description, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var request = new RoundFigureRequest(indicatorKeys ?? [], byUnit, chart, title, description);
        var result = await pages.AddRoundFigureAsync(Scope, page, request, ct);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await EditViewAsync(page, FormOf(page), result.Errors, ct, request));
        }

        Flash(T["The figure was added."]);
        return Redirect(EditUrl(id) + "#hinh-cuoi");
    }

    [HttpPost(Base + "/{id:int}/bieu-do/{blockId}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UpdateFigure(int id, string blockId, [FromForm] string? title, [FromForm] string? description, [FromForm] ChartKind chart, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.UpdateFigureAsync(Scope, page, blockId, title, description, chart, ct);
        return Done(result, id, T["The figure was saved."], "#" + blockId);
    }

    [HttpPost(Base + "/{id:int}/bieu-do/{blockId}/len")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> MoveUp(int id, string blockId, CancellationToken ct) => MoveAsync(id, blockId, -1, ct);

    [HttpPost(Base + "/{id:int}/bieu-do/{blockId}/xuong")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> MoveDown(int id, string blockId, CancellationToken ct) => MoveAsync(id, blockId, 1, ct);

    private async Task<IActionResult> MoveAsync(int id, string blockId, int by, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.MoveFigureAsync(Scope, page, blockId, by, ct);
        return Done(result, id, T["The figure was moved."], "#" + blockId);
    }

    [HttpPost(Base + "/{id:int}/bieu-do/{blockId}/xoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RemoveFigure(int id, string blockId, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.RemoveFigureAsync(Scope, page, blockId, ct);
        return Done(result, id, T["The figure was removed."], "#hinh");
    }

    [HttpPost(Base + "/{id:int}/cap-nhat-so-lieu")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Refresh(int id, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.RefreshAsync(Scope, page, ct);
        return Done(result, id, T["The figures were taken again from their rounds."], "#hinh");
    }

    [HttpPost(Base + "/{id:int}/xuat-ban")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Publish(int id, CancellationToken ct) => PublishAsync(id, true, ct);

    [HttpPost(Base + "/{id:int}/go-xuat-ban")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Unpublish(int id, CancellationToken ct) => PublishAsync(id, false, ct);

    private async Task<IActionResult> PublishAsync(int id, bool publish, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        var result = await pages.PublishAsync(Scope, page, publish, ct);
        return Done(result, id, publish ? T["The page is published at /ket-qua/{0}.", page.Slug] : T["The page was withdrawn from the public site."], "");
    }

    [HttpPost(Base + "/{id:int}/xoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        if (await pages.FindAsync(Scope, id, ct) is not { } page)
        {
            return NotFound();
        }

        await pages.DeleteAsync(Scope, page, ct);
        Flash(T["The results page “{0}” was deleted.", page.Title]);
        return Redirect(Base);
    }

    private IActionResult Done(ResultsChange result, int id, string message, string anchor)
    {
        Flash(result.Succeeded ? message : string.Join(" ", result.Errors.Values));

        return Redirect(EditUrl(id) + anchor);
    }

    private static ResultsPageForm FormOf(ResultsPage page) => new()
    {
        Title = page.Title,
        Slug = page.Slug,
        Summary = page.Summary,
        Text = page.Text,
        RoundId = page.RoundId,
    };

    private async Task<ResultsEditView> EditViewAsync(ResultsPage? page, ResultsPageForm form, IReadOnlyDictionary<string, string> errors,
        CancellationToken ct, RoundFigureRequest? request = null)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        var rounds = await pages.RoundsAsync(Scope, ct);
        var roundId = page?.RoundId ?? form.RoundId;
        var round = rounds.FirstOrDefault(r => r.Id == roundId);
        var indicators = round is null ? [] : RoundFigures.Chartable(ReportJson.ReadIndicators(round.IndicatorsJson));
        return new ResultsEditView(page, form, page is null ? [] : ResultBlocks.Read(page.BlocksJson), rounds, round, indicators, errors, request);
    }
}
