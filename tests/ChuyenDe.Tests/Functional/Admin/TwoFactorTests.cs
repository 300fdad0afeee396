using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>RFC 6238 time-based codes as an authenticator app computes them (HMAC-SHA1, 30 s steps, 6 digits).</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8)
        {
            message[i] = (byte)(counter & 0xff);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

/// <summary>Two-step sign-in: turning it on with an authenticator app, signing in with a code or a recovery code, roles that require it, the administrator's reset.</summary>
public abstract class TwoFactorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Page = "/admin/tai-khoan/xac-thuc-hai-buoc";

    /// <summary>Turns two-step sign-in on for a signed-in client; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(AdminClient client)
    {
        var (status, page) = await client.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("img.qr-code")!.GetAttribute("alt")));
        var key = Text(page, ".shared-key").Replace(" ", "", StringComparison.Ordinal);

        using var wrong = await PostAsync(client, Page, Page + "/bat", ("code", "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã không đúng", Text(await AdminClient.ParseAsync(wrong), ".error-summary"));

        using var enabled = await PostAsync(client, Page, Page + "/bat", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var done = await AdminClient.ParseAsync(enabled);
        var codes = done.QuerySelectorAll(".recovery-codes li code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Đã bật xác thực hai bước", Text(done, ".flash"));

        // Shown once: the page later says how many are left, not which.
        var (_, later) = await client.GetPageAsync(Page);
        Assert.Empty(later.QuerySelectorAll(".recovery-codes li"));
        Assert.Contains("Số mã khôi phục còn lại: 10.", later.Body!.TextContent);
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(AdminClient client, string code)
        => await PostAsync(client, "/admin/dang-nhap/xac-thuc", "/admin/dang-nhap/xac-thuc", ("Code", code));

    private Task<bool> TwoFactorEnabledAsync(string userName) => fixture.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync(userName))!);
    });

    [SkippableFact]
    public async Task A_user_turns_it_on_and_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        fixture.SkipUnlessAvailable();
        var userName = Accounts.OtherDistrictCurator;
        using var client = await AdminClient.SignedInAsync(fixture.Factory, userName);
        var (key, recovery) = await EnrolAsync(client);
        Assert.True(await TwoFactorEnabledAsync(userName));
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/admin")).Status); // this session goes on

        // The password alone leads to the second step, not into the back office.
        using var next = new AdminClient(fixture.Factory);
        using (var signIn = await next.SignInAsync(userName, CmsAppFactory.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/admin/dang-nhap/xac-thuc", Location(signIn));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await next.GetPageAsync("/admin")).Status);
        using (var wrong = await SecondStepAsync(next, "123456" == Totp.Code(key, DateTimeOffset.UtcNow) ? "654321" : "123456"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Mã không đúng", Text(await AdminClient.ParseAsync(wrong), ".error-summary"));
        }

        using (var right = await SecondStepAsync(next, Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30))))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/admin", Location(right));
        }

        Assert.Equal(HttpStatusCode.OK, (await next.GetPageAsync("/admin")).Status);

        // Without the phone: a recovery code, good once.
        using var phoneless = new AdminClient(fixture.Factory);
        await phoneless.SignInAsync(userName, CmsAppFactory.DemoPassword);
        using (var withRecovery = await SecondStepAsync(phoneless, recovery[3]))
        {
            Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await phoneless.GetPageAsync("/admin")).Status);
        using var again = new AdminClient(fixture.Factory);
        await again.SignInAsync(userName, CmsAppFactory.DemoPassword);
        using (var reused = await SecondStepAsync(again, recovery[3]))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await again.GetPageAsync("/admin")).Status);

        // New recovery codes replace the old ones; turning it off brings back the password alone.
        using (var renewed = await PostAsync(client, Page, Page + "/ma-khoi-phuc"))
        {
            var codes = (await AdminClient.ParseAsync(renewed)).QuerySelectorAll(".recovery-codes li code").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(10, codes.Count);
            Assert.DoesNotContain(recovery[5], codes);
        }

        // Turning it off needs a current code: an open session alone does not do.
        using (var withoutCode = await PostAsync(client, Page, Page + "/tat"))
        {
            Assert.Equal(HttpStatusCode.OK, withoutCode.StatusCode);
            Assert.Contains("mã hiện tại", Text(await AdminClient.ParseAsync(withoutCode), ".error-summary"));
        }

        Assert.True(await TwoFactorEnabledAsync(userName));
        using (var off = await PostAsync(client, Page, Page + "/tat", ("code", Totp.Code(key, DateTimeOffset.UtcNow))))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.False(await TwoFactorEnabledAsync(userName));
        using var plain = new AdminClient(fixture.Factory);
        using var plainSignIn = await plain.SignInAsync(userName, CmsAppFactory.DemoPassword);
        Assert.Equal("/admin", Location(plainSignIn));
    }

    [SkippableFact]
    public async Task The_second_step_page_needs_a_password_first()
    {
        fixture.SkipUnlessAvailable();
        using var client = new AdminClient(fixture.Factory);
        using var page = await client.GetAsync("/admin/dang-nhap/xac-thuc");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/dang-nhap", Location(page));
        using var anonymousPage = await client.GetAsync(Page);
        Assert.StartsWith("/admin/dang-nhap", Location(anonymousPage));
    }

    [SkippableFact]
    public async Task Holders_of_a_required_role_must_turn_it_on_before_using_the_back_office()
    {
        fixture.SkipUnlessAvailable();
        await SetRequiredRolesAsync("Reviewer");
        try
        {
            using var reviewer = new AdminClient(fixture.Factory);
            Assert.Equal("/admin", Location(await reviewer.SignInAsync(Accounts.Reviewer, CmsAppFactory.DemoPassword)));
            foreach (var url in new[] { "/admin", "/admin/noi-dung", "/admin/thong-bao" })
            {
                using var held = await reviewer.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
                Assert.Equal(Page, Location(held));
            }

            var (status, page) = await reviewer.GetPageAsync(Page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Vai trò của bạn bắt buộc xác thực hai bước", Text(page, ".status"));

            await EnrolAsync(reviewer);
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetPageAsync("/admin")).Status);
            using (var off = await PostAsync(reviewer, Page, Page + "/tat", ("code", "000000")))
            {
                Assert.Equal(HttpStatusCode.OK, off.StatusCode);
                Assert.Contains("không thể tắt", Text(await AdminClient.ParseAsync(off), ".error-summary"));
            }

            Assert.True(await TwoFactorEnabledAsync(Accounts.Reviewer));

            // Other roles are not concerned.
            using var contributor = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Contributor);
            Assert.Equal(HttpStatusCode.OK, (await contributor.GetPageAsync("/admin")).Status);
        }
        finally
        {
            await SetRequiredRolesAsync();
        }
    }

    [SkippableFact]
    public async Task The_sample_setup_requires_it_of_nobody()
    {
        fixture.SkipUnlessAvailable();
        var settings = await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync());
        Assert.Empty(settings.TwoFactorRequiredRoles);
    }

    [SkippableFact]
    public async Task An_administrator_resets_a_users_second_factor_audited_and_nobody_else_can()
    {
        fixture.SkipUnlessAvailable();
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (manager, _, managerRole) = await ManagerAsync(fixture.Factory, "so-hcm", "AccessAdmin", "ManageUsers");
        var userName = Unique("haibuoc.");
        await CreateUserAsync(admin, userName, "phong-quan-1", managerRole);
        var user = await SignInAsync(fixture.Factory, userName, Password);
        await EnrolAsync(user);
        var id = await UserIdAsync(fixture, userName);
        var reset = $"/admin/nguoi-dung/{id}/dat-lai-xac-thuc-hai-buoc";

        // A user manager who is not an administrator: 403, even for an account they manage.
        var (_, managerEdit) = await manager.GetPageAsync($"/admin/nguoi-dung/{id}/sua");
        Assert.Null(managerEdit.QuerySelector($"form[action='{reset}']"));
        using (var byManager = await PostAsync(manager, $"/admin/nguoi-dung/{id}/sua", reset))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        }

        var contributor = await As(fixture.Factory, Accounts.Contributor);
        using (var byContributor = await PostAsync(contributor, "/admin", reset))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        }

        using (var anonymous = new AdminClient(fixture.Factory))
        {
            using var byAnonymous = await PostAsync(anonymous, "/admin/dang-nhap", reset);
            Assert.StartsWith("/admin/dang-nhap", Location(byAnonymous));
        }

        using (var unknown = await PostAsync(admin, "/admin", "/admin/nguoi-dung/khong-co/dat-lai-xac-thuc-hai-buoc"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.True(await TwoFactorEnabledAsync(userName));

        var (_, edit) = await admin.GetPageAsync($"/admin/nguoi-dung/{id}/sua");
        Assert.Equal("Xác thực hai bước: đang bật.", Text(edit, ".two-factor-status"));
        using (var done = await PostAsync(admin, $"/admin/nguoi-dung/{id}/sua", reset))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            var (_, after) = await admin.GetPageAsync(Location(done)!);
            Assert.Contains("Đã đặt lại xác thực hai bước", Text(after, ".flash"));
            Assert.Equal("Xác thực hai bước: đang tắt.", Text(after, ".two-factor-status"));
        }

        Assert.False(await TwoFactorEnabledAsync(userName));
        using var back = new AdminClient(fixture.Factory);
        Assert.Equal("/admin", Location(await back.SignInAsync(userName, Password)));
        var audited = await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(e => e.Action == AuditActions.TwoFactorReset && e.Subject!.Contains(userName)).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Equal((AuditCategories.Security, Accounts.Administrator), (entry.Category, entry.ActorUserName));
    }

    private Task SetRequiredRolesAsync(params string[] roles) => fixture.WithServicesAsync(sp =>
        sp.GetRequiredService<ISiteSettingsService>().MergeAsync(new JsonObject { ["TwoFactorRequiredRoles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]) }));
}

public sealed class TwoFactorSqliteTests(SqliteSiteFixture fixture) : TwoFactorTests<SqliteSiteFixture>(fixture);

public sealed class TwoFactorPostgresTests(PostgresSiteFixture fixture) : TwoFactorTests<PostgresSiteFixture>(fixture);
