using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The demo accounts of the sample recipe (password <see cref="CmsAppFactory.DemoPassword"/>) and the administrator.</summary>
public static class Accounts
{
    public const string Administrator = "admin";
    public const string DepartmentCurator = "so.hcm";
    public const string DistrictCurator = "phong.quan1";
    public const string OtherDistrictCurator = "phong.luongson";
    public const string Reviewer = "bcl.quan1";
    public const string Contributor = "truong.benthanh";
    public const string OtherSchoolContributor = "truong.cuulong";

    public static string PasswordOf(string userName)
        => userName == Administrator ? CmsAppFactory.AdminPassword : CmsAppFactory.DemoPassword;
}

/// <summary>
/// A browser-like client of the back office: keeps cookies, does not follow redirects, signs in through the real form
/// and sends the anti-forgery token of the page a form came from.
/// </summary>
public sealed partial class AdminClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    /// <param name="factory">The site.</param>
    /// <param name="address">The client machine's address (<see cref="CmsAppFactory.ClientAddressHeader"/>); none by default.</param>
    /// <param name="baseAddress">The site's address as the client uses it; http://localhost by default.</param>
    public AdminClient(CmsAppFactory factory, string? address = null, Uri? baseAddress = null)
    {
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        if (baseAddress is not null)
        {
            options.BaseAddress = baseAddress;
        }

        _http = factory.CreateClient(options);
        if (address is not null)
        {
            _http.DefaultRequestHeaders.Add(CmsAppFactory.ClientAddressHeader, address);
        }
    }

    public HttpClient Http => _http;

    public static async Task<AdminClient> SignedInAsync(CmsAppFactory factory, string userName)
    {
        var client = new AdminClient(factory);
        var response = await client.SignInAsync(userName, Accounts.PasswordOf(userName));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
        => await PostFormAsync("/admin/dang-nhap", "/admin/dang-nhap", new() { ["UserName"] = userName, ["Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The anti-forgery token of a page's forms (the cookie is kept by the client).</summary>
    public async Task<string> GetTokenAsync(string pageUrl)
    {
        using var response = await _http.GetAsync(pageUrl);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {pageUrl} ({(int)response.StatusCode}).");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form as a browser would, with the token taken from <paramref name="formPageUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPageUrl, string action, Dictionary<string, string> fields)
    {
        var token = await GetTokenAsync(formPageUrl);
        return await PostFormWithTokenAsync(action, fields, token);
    }

    public async Task<HttpResponseMessage> PostFormWithTokenAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return await _http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
        => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
