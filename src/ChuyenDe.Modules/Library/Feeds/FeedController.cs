using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds of the public site: <c>/feed</c> (every new item of the library's types) and one per
/// list (<c>/tin-tuc/feed</c>, <c>/su-kien/feed</c>, <c>/sang-kien/feed</c>, <c>/san-pham-dien-hinh/feed</c>,
/// <c>/mo-hinh-diem/feed</c>, <c>/van-ban/feed</c>); <c>…/feed/atom</c> gives the same entries in Atom. Newest first, at most
/// <see cref="EntryCount"/> entries.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class FeedController(
    IContentQueryService queries,
    IContentDisplayBuilder display,
    CuratedLists curated,
    ISiteSettingsService settings,
    PublicAddresses addresses,
    News.NewsCategories newsCategories,
    IStringLocalizer<LibraryResources> T,
    IStringLocalizer<LicensingResources> licenses) : Controller
{
    /// <summary>How many entries a feed carries.</summary>
    public const int EntryCount = 30;

    [HttpGet("/feed")]
    public Task<IActionResult> All(CancellationToken ct) => SiteFeedAsync(FeedFormat.Rss, ct);

    [HttpGet("/feed/atom")]
    public Task<IActionResult> AllAtom(CancellationToken ct) => SiteFeedAsync(FeedFormat.Atom, ct);

    [HttpGet("/tin-tuc/feed"), HttpGet("/tin-tuc/feed/atom"), ReservesExactPath]
    public Task<IActionResult> News(CancellationToken ct) => ListFeedAsync("tin-tuc", ct);

    /// <summary>The feed of a news category (<c>/tin-tuc/goc-phu-huynh/feed</c>); 404 for an address that names no category.</summary>
    [HttpGet("/tin-tuc/{category}/feed"), HttpGet("/tin-tuc/{category}/feed/atom"), ReservesExactPath]
    public async Task<IActionResult> NewsCategory(string category, CancellationToken ct)
    {
        if (await newsCategories.FindAsync(category, ct) is not { } found)
        {
            return NotFound();
        }

        PageCache.Tag(HttpContext, CacheTags.Type("Article"), CacheTags.Terms, CacheTags.Organizations);
        var items = (await queries.QueryPublishedAsync(new ContentQuery
        {
            ContentTypes = ["Article"], TermGroups = [[found.Term.ContentItemId]], PageSize = EntryCount, CountTotal = false,
        }, ct)).Items;
        var site = await settings.GetAsync(ct);
        var format = RequestedFormat;
        return await FeedAsync(format, $"{found.Title} – {site.SiteShortName ?? site.SiteName}",
            found.Term.Description ?? T["News of the category {0}.", found.Title], found.Path,
            found.Path + "/feed" + (format == FeedFormat.Atom ? "/atom" : ""), items, ct);
    }

    [HttpGet("/su-kien/feed"), HttpGet("/su-kien/feed/atom"), ReservesExactPath]
    public Task<IActionResult> Events(CancellationToken ct) => ListFeedAsync("su-kien", ct);

    [HttpGet("/sang-kien/feed"), HttpGet("/sang-kien/feed/atom"), ReservesExactPath]
    public Task<IActionResult> Initiatives(CancellationToken ct) => ListFeedAsync("sang-kien", ct);

    [HttpGet("/san-pham-dien-hinh/feed"), HttpGet("/san-pham-dien-hinh/feed/atom"), ReservesExactPath]
    public Task<IActionResult> ExemplaryProducts(CancellationToken ct) => ListFeedAsync("san-pham-dien-hinh", ct);

    [HttpGet("/mo-hinh-diem/feed"), HttpGet("/mo-hinh-diem/feed/atom"), ReservesExactPath]
    public Task<IActionResult> ModelSites(CancellationToken ct) => ListFeedAsync("mo-hinh-diem", ct);

    [HttpGet("/van-ban/feed"), HttpGet("/van-ban/feed/atom"), ReservesExactPath]
    public Task<IActionResult> OfficialDocuments(CancellationToken ct) => ListFeedAsync("van-ban", ct);

    /// <summary>The feed address of a list (or of the whole site for null), in a format.</summary>
    public static string FeedPath(string? listPath, FeedFormat format)
        => (listPath is null ? "/feed" : $"/{listPath}/feed") + (format == FeedFormat.Atom ? "/atom" : "");

    private FeedFormat RequestedFormat
        => Request.Path.Value?.EndsWith("/atom", StringComparison.Ordinal) == true ? FeedFormat.Atom : FeedFormat.Rss;

    private async Task<IActionResult> SiteFeedAsync(FeedFormat format, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Listings, CacheTags.Organizations);
        var page = await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = SiteController.LibraryTypes, PageSize = EntryCount }, ct);
        var site = await settings.GetAsync(ct);
        return await FeedAsync(format, site.SiteName, site.Description ?? T["New items of the shared learning-resource library."], "/",
            FeedPath(null, format), page.Items, ct);
    }

    private async Task<IActionResult> ListFeedAsync(string listPath, CancellationToken ct)
    {
        var list = PublicList.Find(listPath) ?? throw new InvalidOperationException("Unknown list " + listPath);
        PageCache.Tag(HttpContext, CacheTags.Type(list.ContentType), CacheTags.Organizations);
        if (list.CurationKind is not null)
        {
            PageCache.Tag(HttpContext, CacheTags.Listings, CacheTags.Curations);
        }

        var items = list.CurationKind is { } kind
            ? (await curated.FirstAsync(list.ContentType, kind, EntryCount, EntryCount, ct)).Entries.Select(e => e.Item).ToList()
            : (await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [list.ContentType], PageSize = EntryCount }, ct)).Items;
        var site = await settings.GetAsync(ct);
        var format = RequestedFormat;
        return await FeedAsync(format, $"{T[list.Title]} – {site.SiteShortName ?? site.SiteName}", T[list.Intro], "/" + list.Path,
            FeedPath(list.Path, format), items, ct);
    }

    private async Task<IActionResult> FeedAsync(
        FeedFormat format, string title, string description, string pagePath, string feedPath, IReadOnlyList<ContentItem> items, CancellationToken ct)
    {
        var cards = await display.BuildCardsAsync(items, ct);
        var site = await settings.GetAsync(ct);
        var entries = items.Zip(cards, (item, card) =>
        {
            var license = LicenseField.Find(item.Content) ?? site.DefaultContentLicense;
            return new FeedEntry(item, card) { License = license, LicenseName = licenses[license.ResourceKey] };
        }).ToList();
        var fallback = site.SetupCompletedUtc is { } setup
            ? new DateTimeOffset(DateTime.SpecifyKind(setup, DateTimeKind.Utc))
            : DateTimeOffset.UnixEpoch;
        var bytes = FeedWriter.Write(format, title, description, addresses.Absolute(pagePath), addresses.Absolute(feedPath),
            entries, addresses.Absolute, fallback);
        Response.Headers.CacheControl = "public, max-age=300";
        return File(bytes, FeedWriter.ContentType(format));
    }
}
