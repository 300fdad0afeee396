using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The public honour roll (gương điển hình), <c>/guong-dien-hinh</c>: the collectives and individuals of the published
/// decisions, filterable by <c>phase</c>, <c>level</c> and <c>district</c>, each with its decision and links to its unit's
/// page and the items it was commended for. Cached like the site's other pages and evicted when a decision changes.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class HonourRollController(HonourRollService roll, IStringLocalizer<CommendationsResources> T) : Controller
{
    public const string Path = "/guong-dien-hinh";

    /// <summary>A unit's public page (built by the unit pages).</summary>
    public static string UnitUrl(string organizationId) => "/don-vi/" + Uri.EscapeDataString(organizationId);

    [HttpGet(Path)]
    public async Task<IActionResult> Index(string? phase = null, string? level = null, string? district = null, CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CommendationCache.Tag, CacheTags.Organizations, CacheTags.Listings);
        var view = await roll.BuildAsync(phase, level, district, ct);
        ViewData["Title"] = T["Exemplary collectives and individuals"].Value;
        ViewData["Description"] = T["The collectives and individuals commended for carrying out the topic, by phase, level and district, with their decisions and work."].Value;
        ViewData["Canonical"] = PublicAddresses.Canonical(Path, Request.Query, "phase", "level", "district");
        ViewData[Breadcrumbs.Key] = Array.Empty<Crumb>();
        return View(view);
    }
}
