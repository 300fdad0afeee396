using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Compresses the routed answers of anonymous requests outside the back office only. A signed-in user's pages and the
/// back office's anonymous forms (sign-in, two-step) carry secrets (anti-forgery tokens, personal data) that must not
/// travel compressed beside text an attacker can inject (BREACH); the static files come precompressed. Decided when the
/// answer starts, once authentication has run. The coding is chosen by the client's preferences as RFC 9110 reads them
/// (a coding refused with q=0 is never sent, whatever "*" says; Brotli on a tie) — the same choice the page cache keys
/// its copies by.
/// </summary>
internal sealed class AnonymousCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    private readonly BrotliCompressionProvider _brotli = new(services.GetRequiredService<IOptions<BrotliCompressionProviderOptions>>());
    private readonly GzipCompressionProvider _gzip = new(services.GetRequiredService<IOptions<GzipCompressionProviderOptions>>());

    public override bool ShouldCompressResponse(HttpContext context)
        => context.User.Identity?.IsAuthenticated != true
           && context.GetEndpoint() is not null
           && !context.Request.Path.StartsWithSegments("/admin")
           && base.ShouldCompressResponse(context);

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
        => ChooseEncoding(context.Request.Headers.AcceptEncoding) switch
        {
            "br" => _brotli,
            "gzip" => _gzip,
            _ => null,
        };

    /// <summary>br, gzip or identity for an Accept-Encoding header: the coding of higher quality, Brotli on a tie.</summary>
    internal static string ChooseEncoding(StringValues header)
    {
        if (header.Count == 0)
        {
            return "identity";
        }

        double br = 0, gzip = 0, any = 0;
        bool sawBr = false, sawGzip = false;
        foreach (var line in header)
        {
            foreach (var part in (line ?? "").AsSpan().Split(','))
            {
                var item = (line ?? "").AsSpan()[part].Trim();
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    (br, sawBr) = (Math.Max(br, quality), true);
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    (gzip, sawGzip) = (Math.Max(gzip, quality), true);
                }
                else if (name.SequenceEqual("*"))
                {
                    any = Math.Max(any, quality);
                }
            }
        }

        // A coding not named takes the quality of "*" (RFC 9110 12.5.3).
        br = sawBr ? br : any;
        gzip = sawGzip ? gzip : any;
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }

    /// <summary>The q value of an Accept-Encoding item's parameters (1 when absent, 0 when unreadable).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        var trimmed = parameters.Trim();
        if (!trimmed.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return double.TryParse(trimmed[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
            ? Math.Clamp(q, 0, 1)
            : 0;
    }
}
