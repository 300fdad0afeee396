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
    /// <summary>The site's base address without a trailing slash, e.g. <c>https://mamnon.example.vn</c>.</summary>
    public string BaseUrl
    {
        get
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
    }

    /// <summary>The absolute address of a site path (<c>/tin-tuc/x</c>); an address that is already absolute is kept.</summary>
    public string Absolute(string path)
        => Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? path
            : BaseUrl + "/" + path.TrimStart('/');
}
