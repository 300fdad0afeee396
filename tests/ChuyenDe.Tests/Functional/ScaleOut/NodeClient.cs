using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ChuyenDe.Tests.Functional.ScaleOut;

/// <summary>
/// A browser of the two-node site: one cookie jar for every address (cookies of 127.0.0.1 go to each of its ports, as a
/// browser sends them whatever node nginx picks), no redirects followed, forms posted with their anti-forgery token.
/// </summary>
public sealed partial class NodeClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public NodeClient()
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(Uri node, string path) => _http.GetAsync(new Uri(node, path));

    public async Task<(HttpStatusCode Status, string Html)> GetTextAsync(Uri node, string path)
    {
        using var response = await GetAsync(node, path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<IHtmlDocument> GetDocumentAsync(Uri node, string path)
    {
        var (status, html) = await GetTextAsync(node, path);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} on {node} answered {(int)status}.");
        }

        return await Parser.ParseDocumentAsync(html);
    }

    public async Task<HttpResponseMessage> SignInAsync(Uri node, string userName, string password)
        => await PostFormAsync(node, "/admin/dang-nhap", "/admin/dang-nhap", new() { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Posts a form with the token of <paramref name="formPage"/> (read from the same node).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(Uri node, string formPage, string action, Dictionary<string, string> fields)
    {
        var (_, html) = await GetTextAsync(node, formPage);
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {formPage} of {node}.");
        }

        return await PostAsync(node, action, fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(match.Groups[1].Value))));
    }

    public Task<HttpResponseMessage> PostAsync(Uri node, string action, IEnumerable<KeyValuePair<string, string>> fields)
        => _http.PostAsync(new Uri(node, action), new FormUrlEncodedContent(fields));

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
