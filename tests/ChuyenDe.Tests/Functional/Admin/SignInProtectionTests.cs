using System.Diagnostics;
using System.Net;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Unit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The site on a clock the tests move (sign-in delays, session lifetime).</summary>
public sealed class ClockSiteFixture : SiteFixture
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database)
        => new(database, services: s => s.AddSingleton<TimeProvider>(Clock));
}

/// <summary>
/// Sign-in that strangers cannot abuse: failures slow down the (account, address) pair and the address, not the account
/// for everyone; one answer for an unknown name, a wrong password and an attempt made too early; sessions end after
/// an absolute lifetime; passwords chosen by someone else must be changed.
/// </summary>
public sealed class SignInProtectionTests(ClockSiteFixture fixture) : IClassFixture<ClockSiteFixture>
{
    private const string Failure = "Tên đăng nhập hoặc mật khẩu không đúng.";

    private static async Task<(HttpStatusCode Status, string? Error, string? Location)> AttemptAsync(AdminClient client, string userName, string password)
    {
        using var response = await client.SignInAsync(userName, password);
        var error = response.StatusCode == HttpStatusCode.Redirect ? null : (await AdminClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent.Trim();
        return (response.StatusCode, error, Location(response));
    }

    [Fact]
    public async Task A_stranger_failing_on_admin_from_one_address_does_not_keep_the_administrator_out()
    {
        using var stranger = new AdminClient(fixture.Factory, "203.0.113.50");
        for (var i = 0; i < 30; i++)
        {
            var (status, error, _) = await AttemptAsync(stranger, Accounts.Administrator, "Sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith(Failure, error);
        }

        // The stranger's address is slowed down: even the right password is not looked at now, and the answer is the same.
        var (strangerStatus, strangerError, _) = await AttemptAsync(stranger, Accounts.Administrator, CmsAppFactory.AdminPassword);
        Assert.Equal((HttpStatusCode.OK, true), (strangerStatus, strangerError!.StartsWith(Failure, StringComparison.Ordinal)));

        using var owner = new AdminClient(fixture.Factory, "198.51.100.7");
        var (ownerStatus, _, ownerLocation) = await AttemptAsync(owner, Accounts.Administrator, CmsAppFactory.AdminPassword);
        Assert.Equal((HttpStatusCode.Redirect, "/admin"), (ownerStatus, ownerLocation));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync("/admin")).Status);
        Assert.False(await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            return await users.IsLockedOutAsync((await users.FindByNameAsync(Accounts.Administrator))!);
        }));
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_throttled_attempt_get_the_same_answer()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.51");
        var unknown = await AttemptAsync(client, "khong.ton.tai." + Guid.NewGuid().ToString("N")[..6], "Sai-mat-khau-1");
        var wrong = await AttemptAsync(client, Accounts.Reviewer, "Sai-mat-khau-1");
        await AttemptAsync(client, Accounts.Reviewer, "Sai-mat-khau-2");
        await AttemptAsync(client, Accounts.Reviewer, "Sai-mat-khau-3");
        // Three failures: the clock has not moved, so the next attempt comes too early, right password or not.
        var throttled = await AttemptAsync(client, Accounts.Reviewer, CmsAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, throttled);
        Assert.StartsWith(Failure, unknown.Error);
        Assert.DoesNotContain("khóa", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_failure_past_the_free_ones_doubles_the_wait_and_the_wait_ends()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.52");
        for (var i = 0; i < 3; i++)
        {
            await AttemptAsync(client, Accounts.DistrictCurator, "Sai-mat-khau-" + i);
        }

        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, Accounts.DistrictCurator, CmsAppFactory.DemoPassword)).Status);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1.1));
        // The 4th failure is counted: now the wait is 2 s.
        await AttemptAsync(client, Accounts.DistrictCurator, "Sai-mat-khau-3");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, Accounts.DistrictCurator, CmsAppFactory.DemoPassword)).Status);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(client, Accounts.DistrictCurator, CmsAppFactory.DemoPassword)).Status);
    }

    [Fact]
    public async Task An_unknown_name_takes_about_as_long_as_a_wrong_password()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.53");
        await AttemptAsync(client, Accounts.Contributor, "Khoi-dong-0"); // warm-up
        var token = await client.GetTokenAsync("/admin/dang-nhap");

        async Task<double> MedianAsync(Func<int, string> userName)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.PostFormWithTokenAsync("/admin/dang-nhap",
                    new Dictionary<string, string> { ["UserName"] = userName(i), ["Password"] = "Sai-mat-khau-" + i }, token);
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            return times.Order().ElementAt(times.Count / 2);
        }

        var wrong = await MedianAsync(_ => Accounts.Contributor); // after 3 failures these are throttled attempts, which hash too
        var unknown = await MedianAsync(i => "khong.ai." + i + Guid.NewGuid().ToString("N")[..4]);

        Assert.True(unknown > wrong * 0.5, $"An unknown name took {unknown:F1} ms, a wrong password {wrong:F1} ms.");
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.54");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Accounts.DepartmentCurator, CmsAppFactory.DemoPassword)).StatusCode);
        for (var hours = 3; hours <= 12; hours += 3)
        {
            fixture.Clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/admin")).Status);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/admin/dang-nhap", Location(expired));
    }

    [Fact]
    public async Task A_generated_setup_password_must_be_changed_a_configured_one_need_not()
    {
        var generatedName = Unique("quantri.");
        var generated = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IAdministratorSetup>().EnsureAdministratorAsync(generatedName, null, "so-hcm"));
        var configuredName = Unique("quantri.");
        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IAdministratorSetup>().EnsureAdministratorAsync(configuredName, "Cau-hinh-2026-X", "so-hcm"));

        using var first = new AdminClient(fixture.Factory, "203.0.113.55");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync(generatedName, generated!)).StatusCode);
        foreach (var url in new[] { "/admin", "/admin/nguoi-dung", "/admin/vai-tro" })
        {
            using var held = await first.GetAsync(url);
            Assert.Equal("/admin/doi-mat-khau", Location(held));
        }

        using (var post = await first.PostFormWithTokenAsync("/admin/cong-thuc", [], await first.GetTokenAsync("/admin/doi-mat-khau")))
        {
            Assert.Equal("/admin/doi-mat-khau", Location(post));
        }

        await ChangePasswordAsync(first, generated!, "Mat-khau-Rieng-2026");
        Assert.Equal(HttpStatusCode.OK, (await first.GetPageAsync("/admin/nguoi-dung")).Status);

        using var second = new AdminClient(fixture.Factory, "203.0.113.55");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SignInAsync(configuredName, "Cau-hinh-2026-X")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetPageAsync("/admin/nguoi-dung")).Status);
    }
}
