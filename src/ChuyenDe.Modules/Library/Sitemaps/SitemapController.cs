using System.Globalization;
using System.Text;
using System.Xml;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;

namespace ChuyenDe.Modules.Library.Sitemaps;

/// <summary>
/// What search engines read: <c>/robots.txt</c> (the sitemap, <c>Disallow: /admin</c>) and <c>/sitemap.xml</c> — the
/// home page, the library, the lists and every published item's address with the date its published version last
/// changed. Beyond <see cref="MaxUrlsPerFile"/> addresses (<c>ChuyenDe:Sitemap:UrlsPerFile</c>, at most 50,000 as the
/// protocol allows) <c>/sitemap.xml</c> is a sitemap index of <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>, ….
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class SitemapController(
    IContentQueryService queries, PublicAddresses addresses, IConfiguration configuration, News.NewsCategories newsCategories,
    Organizations.IOrganizationService organizations, IEnumerable<ISitemapSource> sources) : Controller
{
    /// <summary>The most addresses one sitemap file may hold (sitemaps.org).</summary>
    public const int MaxUrlsPerFile = 50_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// The pages that are no item: the home page, the library, the lists, the news categories, the units' tree and the
    /// page of every active unit (a parent looks for their child's school by its name, whether or not it has published yet),
    /// then the pages of the modules above (<see cref="ISitemapSource"/>: the results pages, the honour roll).
    /// </summary>
    private async Task<IReadOnlyList<string>> FixedPathsAsync(CancellationToken ct)
        => _fixedPaths ??= await ReadFixedPathsAsync(ct);

    private IReadOnlyList<string>? _fixedPaths;

    private async Task<IReadOnlyList<string>> ReadFixedPathsAsync(CancellationToken ct)
    {
        List<string> paths =
        [
            "/", "/kho-hoc-lieu", .. PublicList.All.Select(l => "/" + l.Path), .. (await newsCategories.ListAsync(ct)).Select(c => c.Path),
            Units.UnitAddresses.ListPath,
            .. (await organizations.ListAsync(ct)).Where(o => o.Active).OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => Units.UnitAddresses.Of(o.Id)),
        ];
        foreach (var source in sources)
        {
            paths.AddRange(await source.PathsAsync(ct));
        }

        return paths;
    }

    private void TagSitemap() => PageCache.Tag(HttpContext, [CacheTags.Listings, CacheTags.Organizations, .. sources.SelectMany(s => s.CacheTags)]);

    private int UrlsPerFile => Math.Clamp(configuration.GetValue("ChuyenDe:Sitemap:UrlsPerFile", MaxUrlsPerFile), 1, MaxUrlsPerFile);

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /admin\n")
            .Append("Disallow: /tim-kiem/goi-y\n")
            .Append("Allow: ").Append(StructuredData.OaiRecords.EndpointPath).Append('\n') // harvesters of the OAI-PMH repository
            .Append("\n")
            .Append("Sitemap: ").Append(addresses.Absolute("/sitemap.xml")).Append('\n')
            .ToString();
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(text, "text/plain; charset=utf-8");
    }

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken ct)
    {
        TagSitemap();
        var total = (await FixedPathsAsync(ct)).Count + await queries.CountPublishedRoutesAsync(ct);
        if (total <= UrlsPerFile)
        {
            return Xml(await UrlSetAsync(1, ct));
        }

        var files = (total + UrlsPerFile - 1) / UrlsPerFile;
        return Xml(Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            for (var n = 1; n <= files; n++)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, addresses.Absolute($"/sitemap-{n}.xml"));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }));
    }

    /// <summary>One file of a sitemap index (only when the site has more addresses than one file holds).</summary>
    [HttpGet("/sitemap-{number:int:min(1)}.xml")]
    public async Task<IActionResult> SitemapFile(int number, CancellationToken ct)
    {
        TagSitemap();
        var total = (await FixedPathsAsync(ct)).Count + await queries.CountPublishedRoutesAsync(ct);
        if (total <= UrlsPerFile || number > (total + UrlsPerFile - 1) / UrlsPerFile)
        {
            return NotFound();
        }

        return Xml(await UrlSetAsync(number, ct));
    }

    /// <summary>The <paramref name="number"/>-th slice of the addresses: the fixed pages first, then the items.</summary>
    private async Task<byte[]> UrlSetAsync(int number, CancellationToken ct)
    {
        var start = (number - 1) * UrlsPerFile;
        var fixedPaths = await FixedPathsAsync(ct);
        var fixedSlice = fixedPaths.Skip(start).Take(UrlsPerFile).ToList();
        var itemSkip = Math.Max(0, start - fixedPaths.Count);
        var routes = await queries.ListPublishedRoutesAsync(itemSkip, UrlsPerFile - fixedSlice.Count, ct);
        return Write(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var path in fixedSlice)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, addresses.Absolute(path));
                writer.WriteEndElement();
            }

            foreach (var route in routes)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, addresses.Absolute("/" + route.Path));
                writer.WriteElementString("lastmod", Namespace,
                    DateTime.SpecifyKind(route.ModifiedUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private FileContentResult Xml(byte[] bytes)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        return File(bytes, "application/xml; charset=utf-8");
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
