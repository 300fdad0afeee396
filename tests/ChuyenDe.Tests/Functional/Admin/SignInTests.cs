using System.Net;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

public sealed class SignInTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        using var client = new AdminClient(fixture.Factory);
        foreach (var url in new[] { "/admin", "/admin/doi-mat-khau" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible_Vietnamese_and_allows_password_managers()
    {
        using var client = new AdminClient(fixture.Factory);
        var (status, page) = await client.GetPageAsync("/admin/dang-nhap");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Đăng nhập", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("username", page.QuerySelector("#UserName")!.GetAttribute("autocomplete"));
        var password = page.QuerySelector("#Password")!;
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.Null(password.GetAttribute("onpaste"));
        Assert.NotNull(page.QuerySelector("label[for=Password]"));
    }

    [Fact]
    public async Task A_right_password_signs_in_and_a_wrong_one_says_so_in_Vietnamese()
    {
        using var client = new AdminClient(fixture.Factory);
        using var wrong = await client.SignInAsync(Accounts.DepartmentCurator, "Sai-mat-khau-1");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", (await AdminClient.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent);

        using var right = await client.SignInAsync(Accounts.DepartmentCurator, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var (status, dashboard) = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Xin chào", dashboard.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_account_for_other_addresses()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.60");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.SignInAsync(Accounts.OtherSchoolContributor, "Sai-mat-khau-" + i);
        }

        var lockedOut = await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            return await users.IsLockedOutAsync((await users.FindByNameAsync(Accounts.OtherSchoolContributor))!);
        });
        Assert.False(lockedOut);
        using var owner = new AdminClient(fixture.Factory, "198.51.100.60");
        using var right = await owner.SignInAsync(Accounts.OtherSchoolContributor, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Many_attempts_on_one_name_all_get_the_same_answer_and_never_429()
    {
        using var client = new AdminClient(fixture.Factory, "203.0.113.61");
        var answers = new HashSet<(HttpStatusCode, string)>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.SignInAsync("khong.ton.tai", "Sai-mat-khau-" + i);
            answers.Add((response.StatusCode, (await AdminClient.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent.Trim()));
        }

        var answer = Assert.Single(answers);
        Assert.Equal(HttpStatusCode.OK, answer.Item1);
        Assert.StartsWith("Tên đăng nhập hoặc mật khẩu không đúng.", answer.Item2);
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_is_refused()
    {
        using var client = new AdminClient(fixture.Factory);
        using var response = await client.PostFormWithTokenAsync("/admin/dang-nhap",
            new Dictionary<string, string> { ["UserName"] = Accounts.Administrator, ["Password"] = CmsAppFactory.AdminPassword }, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (status, _) = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/admin")).Status);

        using var response = await client.PostFormAsync("/admin", "/admin/dang-xuat", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetPageAsync("/admin")).Status);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_a_strong_new_one()
    {
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.OtherDistrictCurator);

        using var weak = await client.PostFormAsync("/admin/doi-mat-khau", "/admin/doi-mat-khau",
            new() { ["CurrentPassword"] = CmsAppFactory.DemoPassword, ["NewPassword"] = "ngan", ["ConfirmPassword"] = "ngan" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("ít nhất 10 ký tự", (await AdminClient.ParseAsync(weak)).QuerySelector(".error-summary")!.TextContent);

        using var changed = await client.PostFormAsync("/admin/doi-mat-khau", "/admin/doi-mat-khau",
            new() { ["CurrentPassword"] = CmsAppFactory.DemoPassword, ["NewPassword"] = "Mat-khau-moi-2026", ["ConfirmPassword"] = "Mat-khau-moi-2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var other = new AdminClient(fixture.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(Accounts.OtherDistrictCurator, "Mat-khau-moi-2026")).StatusCode);
    }
}
