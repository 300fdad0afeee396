using System.Net;
using ChuyenDe.Tests.Functional.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The site with <c>ChuyenDe:PublicBaseUrl</c> on https, as behind nginx on the same machine.</summary>
public sealed class HttpsSiteFixture : ConfiguredSiteFixture
{
    public const string PublicBaseUrl = "https://chuyende.example.vn";

    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>>(
        new Dictionary<string, string?> { ["ChuyenDe:PublicBaseUrl"] = PublicBaseUrl });
}

/// <summary>HTTPS by default behind a proxy: Secure cookies, HSTS, redirects for other machines, forwarded headers from loopback.</summary>
public sealed class HttpsTests(HttpsSiteFixture site) : IClassFixture<HttpsSiteFixture>
{
    private static readonly Uri Https = new("https://chuyende.example.vn");
    private static readonly Uri Http = new("http://chuyende.example.vn");

    private static IReadOnlyList<string> Cookies(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    [Fact]
    public async Task Over_https_cookies_are_Secure_and_HSTS_is_sent()
    {
        using var client = new AdminClient(site.Factory, "203.0.113.20", Https);
        using var page = await client.GetAsync("/admin/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var antiforgery = Assert.Single(Cookies(page), c => c.StartsWith(".ChuyenDe.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var signIn = await client.SignInAsync(Accounts.Reviewer, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Assert.Single(Cookies(signIn), c => c.StartsWith(".ChuyenDe.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/admin")).Status);
    }

    [Fact]
    public async Task Plain_http_from_another_machine_is_redirected_to_the_public_https_address()
    {
        using var client = new AdminClient(site.Factory, "203.0.113.21", Http);
        using var get = await client.GetAsync("/admin/dang-nhap?returnUrl=%2Fadmin");
        Assert.Equal(HttpStatusCode.MovedPermanently, get.StatusCode);
        Assert.Equal("https://chuyende.example.vn/admin/dang-nhap?returnUrl=%2Fadmin", get.Headers.Location!.OriginalString);
        Assert.Empty(Cookies(get));

        // A forged Host header does not choose where the redirect goes.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/kho-hoc-lieu");
        forged.Headers.Host = "ke-gian.example.com";
        using var toPublic = await client.Http.SendAsync(forged);
        Assert.Equal("https://chuyende.example.vn/kho-hoc-lieu", toPublic.Headers.Location!.OriginalString);

        using var post = await client.Http.PostAsync("/admin/dang-nhap", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.PermanentRedirect, post.StatusCode);
    }

    [Fact]
    public async Task Plain_http_from_the_machine_itself_still_works_with_Secure_cookies()
    {
        using var client = new AdminClient(site.Factory, "127.0.0.1", Http);
        using var page = await client.GetAsync("/admin/dang-nhap");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("; secure", Cookies(page).Single(c => c.StartsWith(".ChuyenDe.Antiforgery=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        using var health = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_proxy_on_the_same_machine_is_trusted_for_the_scheme_and_the_client_address_another_is_not()
    {
        // nginx on 127.0.0.1 forwarding an https request of 203.0.113.22: served, as https.
        using var proxy = new AdminClient(site.Factory, "127.0.0.1", Http);
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/admin/dang-nhap");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Add("X-Forwarded-For", "203.0.113.22");
        using var served = await proxy.Http.SendAsync(viaProxy);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True(served.Headers.Contains("Strict-Transport-Security"));

        // The same headers from a machine that is not a known proxy change nothing: it is redirected.
        using var stranger = new AdminClient(site.Factory, "203.0.113.23", Http);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/admin/dang-nhap");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        forged.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var refused = await stranger.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.MovedPermanently, refused.StatusCode);
    }

    [Fact]
    public async Task Sign_in_throttling_sees_the_client_address_the_local_proxy_forwards()
    {
        // Failures of one client behind the proxy do not slow down another client behind the same proxy.
        using var proxy = new AdminClient(site.Factory, "127.0.0.1", Https);
        proxy.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.24");
        for (var i = 0; i < 6; i++)
        {
            using var _ = await proxy.SignInAsync(Accounts.DistrictCurator, "Sai-mat-khau-" + i);
        }

        using var other = new AdminClient(site.Factory, "127.0.0.1", Https);
        other.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.25");
        using var allowed = await other.SignInAsync(Accounts.DistrictCurator, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }
}

/// <summary>In Production, a public address on plain http is logged as a warning.</summary>
public sealed class PlainHttpWarningTests
{
    [Fact]
    public async Task A_plain_http_public_address_is_logged_as_a_warning_in_Production()
    {
        var logs = new CapturingLoggerProvider();
        await using var database = new SqliteTestDatabase();
        await using var factory = new CmsAppFactory(database, new Dictionary<string, string?> { ["ChuyenDe:PublicBaseUrl"] = "http://chuyende.example.vn" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        _ = factory.Server;

        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("http://chuyende.example.vn", StringComparison.Ordinal)
                                            && m.Text.Contains("https", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => provider.Messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
