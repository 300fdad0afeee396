using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// The public results: <c>/ket-qua</c> (the published results pages, newest first), <c>/ket-qua/{slug}</c> (a page: its
/// text and figures, each chart with its table) and each chart's downloads <c>/ket-qua/{slug}/bieu-do/{id}.svg|.png</c>
/// for slides. Cached like the other public pages; a change of a results page evicts them (<see cref="ResultsModule.CacheTag"/>).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class ResultsSiteController(
    ResultsPageService pages,
    IContentHtmlRenderer html,
    ISiteSettingsService settings,
    SvgChartWriter svg,
    PngChartRenderer png) : Controller
{
    public const string Base = "/ket-qua";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        PageCache.Tag(HttpContext, ResultsModule.CacheTag);
        var site = await settings.GetAsync(ct);
        var published = await pages.ListPublishedAsync(ct);
        var titles = await pages.RoundTitlesAsync(published.Select(p => p.RoundId), ct);
        return View(new ResultsListView(published
            .Select(page => (page, page.RoundId is { } r ? titles.GetValueOrDefault(r) : null, page.PublishedUtc is { } p ? site.ToLocal(p) : (DateTime?)null))
            .ToList()));
    }

    [HttpGet(Base + "/{slug}")]
    public async Task<IActionResult> Page(string slug, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, ResultsModule.CacheTag);
        if (slug.Length > 128 || await pages.FindPublishedAsync(slug, ct) is not { } page)
        {
            return NotFound();
        }

        var site = await settings.GetAsync(ct);
        return View(new ResultsPublicView(page, html.RenderMarkdown(page.Text), ResultBlocks.Read(page.BlocksJson),
            page.RoundId is { } roundId ? (await pages.RoundTitlesAsync([roundId], ct)).GetValueOrDefault(roundId) : null, page.PublishedUtc is { } p ? site.ToLocal(p) : null));
    }

    [HttpGet(Base + "/{slug}/bieu-do/{blockId}.{format:regex(^(svg|png)$)}")]
    public async Task<IActionResult> Chart(string slug, string blockId, string format, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, ResultsModule.CacheTag);
        if (slug.Length > 128 || await pages.FindPublishedAsync(slug, ct) is not { } page
            || ResultBlocks.Read(page.BlocksJson).FirstOrDefault(b => b.Id == blockId) is not { } block)
        {
            return NotFound();
        }

        var chart = block.ToChart();
        var name = $"{page.Slug}-{block.Id}.{format}";
        return format == "svg"
            ? File(svg.WriteDocument(chart), SvgChartWriter.ContentType, name)
            : File(png.Render(chart), PngChartRenderer.ContentType, name);
    }
}
