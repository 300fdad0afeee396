using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// Absolute addresses of the public site for feeds, sitemaps and share links: <c>ChuyenDe:PublicBaseUrl</c> when it is
/// set (the address people use behind a proxy), otherwise the scheme and host of the request (after the forwarded
/// headers of a trusted proxy are applied).
/// </summary>
public sealed class PublicAddresses(IConfiguration configuration, IHttpContextAccessor accessor)
{
    private string? _baseUrl;

    /// <summary>
    /// The site's base address without a trailing slash, e.g. <c>https://mamnon.example.vn</c>; worked out once per
    /// scope (a request asks for it for every absolute address of its page).
    /// </summary>
    public string BaseUrl => _baseUrl ??= FindBaseUrl();

    private string FindBaseUrl()
    {
        if (Uri.TryCreate(configuration["ChuyenDe:PublicBaseUrl"]?.Trim(), UriKind.Absolute, out var configured)
            && configured.Scheme is "http" or "https")
        {
            return configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        var request = accessor.HttpContext?.Request
            ?? throw new InvalidOperationException("An absolute address needs ChuyenDe:PublicBaseUrl or a request.");
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}".TrimEnd('/');
    }

    /// <summary>The host name of <see cref="BaseUrl"/>, lower-case, without port: the repository identifier of OAI-PMH.</summary>
    public string HostName => new Uri(BaseUrl).Host.ToLowerInvariant();

    /// <summary>The absolute address of a site path (<c>/tin-tuc/x</c>); an address that is already absolute is kept.</summary>
    public string Absolute(string path)
        => Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? path
            : BaseUrl + "/" + path.TrimStart('/');

    /// <summary>
    /// The one address of a page whose query selects what it shows (filters, paging): the path and the non-empty values
    /// of <paramref name="keys"/>, each key's values sorted, keys in the given order; other parameters are dropped.
    /// </summary>
    public static string Canonical(string path, IQueryCollection query, params string[] keys)
    {
        var pairs = keys
            .SelectMany(key => query[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(v => Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(v)))
            .Where(p => p != "page=1")
            .ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
