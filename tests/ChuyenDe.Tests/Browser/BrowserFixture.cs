using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ChuyenDe.Tests.Functional;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// The real site on a real 127.0.0.1 port (Kestrel) and Debian's headless Chromium driven by Playwright.
/// .ci/run installs Chromium; outside CI, without it, browser tests are skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private SqliteTestDatabase? _database;
    private CmsAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public CmsAppFactory Factory => _factory!;

    public static bool Available => File.Exists(ChromiumPath);

    public static void SkipUnlessAvailable()
    {
        if (!Available)
        {
            if (PostgresTestDatabase.InCi)
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing in CI: .ci/run must install Debian's chromium.");
            }

            Skip.If(true, $"Chromium is not installed here ({ChromiumPath}); .ci/run installs it and browser tests run in CI.");
        }
    }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _database = new SqliteTestDatabase();
        _factory = new CmsAppFactory(_database);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page, phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/admin/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Signing in hashes the password; with every test class's site starting at once on 2 cores it can take a while.
        // Polled rather than waited for as a navigation event: a sign-in answered before the wait began was once missed
        // (the dashboard shown, the wait still running until its timeout).
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/dang-nhap"), new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
