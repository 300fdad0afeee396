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

    [SkippableFact]
    public async Task A_user_turns_on_two_step_sign_in_with_the_QR_code_page_and_signs_in_with_a_code()
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, Accounts.OtherDistrictCurator, CmsAppFactory.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai bước" }).ClickAsync();
        Assert.True(await page.GetByAltText("Mã QR để thêm tài khoản này vào ứng dụng xác thực").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('img.qr-code'); return i.complete && i.naturalWidth > 100; }"));
        var key = (await page.Locator(".shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Mã từ ứng dụng").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await page.GotoAsync("/admin/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(Accounts.OtherDistrictCurator);
        await page.GetByLabel("Mật khẩu").FillAsync(CmsAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/dang-nhap/xac-thuc", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await page.GetByLabel("Mã", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal), new() { Timeout = 60_000 });
        Assert.Contains("Xin chào", await page.Locator("h1").InnerTextAsync());
    }
}
