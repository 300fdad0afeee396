using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_curator_signs_in_in_Chromium_and_sees_the_dashboard_then_signs_out()
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await fixture.NewPageAsync();

        await fixture.SignInAsync(page, Accounts.DistrictCurator, CmsAppFactory.DemoPassword);

        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        Assert.Contains("Xin chào", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GotoAsync("/admin");
        Assert.Contains("/admin/dang-nhap", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_wrong_password_shows_the_error_on_a_phone()
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await fixture.NewPageAsync(phone: true);
        await page.GotoAsync("/admin/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(Accounts.Reviewer);
        await page.GetByLabel("Mật khẩu").FillAsync("Sai-mat-khau-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await alert.InnerTextAsync());
        Assert.Equal(Accounts.Reviewer, await page.GetByLabel("Tên đăng nhập").InputValueAsync());
    }
}
