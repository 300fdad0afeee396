using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Compresses the routed answers of anonymous requests only. A signed-in user's pages carry secrets (anti-forgery tokens,
/// personal data) that must not travel compressed beside text an attacker can inject (BREACH); files served before
/// routing (the static files) are left to their own precompressed copies. Decided when the answer starts, once
/// authentication has run.
/// </summary>
internal sealed class AnonymousCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
        => context.User.Identity?.IsAuthenticated != true
           && context.GetEndpoint() is not null
           && base.ShouldCompressResponse(context);
}
