using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The files of wwwroot (CSS, JS, SVG) as a browser gets them: compressed with Brotli or gzip when it asks (copies made
/// once at build, not per request), as they are when it does not, with an entity tag; the pages link them by addresses
/// that change with their content, so they can be kept by browsers.
/// </summary>
public sealed class StaticAssetCompressionTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static string WebRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "ChuyenDe.Cms", "wwwroot");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("src/ChuyenDe.Cms/wwwroot");
        }
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, params string[] encodings)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var encoding in encodings)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/search.js", "text/javascript")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task A_file_is_sent_with_Brotli_when_asked_and_as_it_is_otherwise(string url, string mediaType)
    {
        var original = await File.ReadAllBytesAsync(Path.Combine(WebRoot, url.TrimStart('/')));

        var (plain, plainBody) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(mediaType, plain.Content.Headers.ContentType!.MediaType);
        Assert.Equal(original, plainBody);
        Assert.NotNull(plain.Headers.ETag);

        var (brotli, brotliBody) = await GetAsync(url, "gzip", "br");
        Assert.Equal(HttpStatusCode.OK, brotli.StatusCode);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal(mediaType, brotli.Content.Headers.ContentType!.MediaType);
        Assert.True(brotli.Headers.Vary.Contains("Accept-Encoding"), brotli.ToString());
        Assert.True(brotliBody.Length < original.Length, $"{brotliBody.Length} ≥ {original.Length}");
        Assert.Equal(original, Decode(brotliBody, "br"));

        var (gzip, gzipBody) = await GetAsync(url, "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal(original, Decode(gzipBody, "gzip"));
    }

    [Fact]
    public async Task The_same_compressed_bytes_are_sent_each_time_and_answer_a_conditional_request_with_304()
    {
        var (first, firstBody) = await GetAsync("/css/site.css", "br");
        var (second, secondBody) = await GetAsync("/css/site.css", "br");
        Assert.Equal(firstBody, secondBody);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var client = fixture.CreateClient();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        conditional.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, first + "\n" + notModified);
    }

    [Fact]
    public async Task Pages_link_the_stylesheets_and_scripts_they_use_and_those_addresses_answer()
    {
        using var client = fixture.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var (response, body) = await GetAsync(asset, "br");
            Assert.True(response.StatusCode == HttpStatusCode.OK, asset + ": " + (int)response.StatusCode);
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.NotEmpty(body);
            Assert.True(response.Headers.CacheControl?.ToString().Contains("immutable", StringComparison.Ordinal) == true,
                asset + ": " + response.Headers.CacheControl);
        }
    }
}
