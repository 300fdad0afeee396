using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Security;

/// <summary>Endpoints that exist only in <see cref="ProbeSiteFixture"/>'s site.</summary>
public sealed class FallbackProbeController : Controller
{
    /// <summary>An endpoint whose author forgot to say who may reach it.</summary>
    [HttpGet("/thu-nghiem/khong-khai-bao")]
    public IActionResult Undeclared() => Content("Trang không khai báo quyền");

    /// <summary>A public endpoint that fails.</summary>
    [AllowAnonymous]
    [HttpGet("/thu-nghiem/loi")]
    public IActionResult Failing() => throw new InvalidOperationException("Lỗi thử nghiệm");
}

/// <summary>The real site on SQLite with <see cref="FallbackProbeController"/> added to its controllers.</summary>
public sealed class ProbeSiteFixture : SiteFixture
{
    private sealed class ProbeControllers : ApplicationPart, IApplicationPartTypeProvider
    {
        public override string Name => nameof(ProbeControllers);

        public IEnumerable<TypeInfo> Types => [typeof(FallbackProbeController).GetTypeInfo()];
    }

    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database)
        => new(database, configure: builder => builder.ConfigureServices(services =>
            services.AddControllersWithViews().PartManager.ApplicationParts.Add(new ProbeControllers())));
}

/// <summary>
/// Issue 10, item 7: the authorisation fallback policy requires a signed-in user, so an endpoint that says nothing is
/// closed; public endpoints say <c>[AllowAnonymous]</c> and keep serving visitors, error pages included.
/// </summary>
public sealed class FallbackPolicyTests(ProbeSiteFixture fixture) : IClassFixture<ProbeSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<string> HeadingAsync(HttpResponseMessage response)
        => (await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("h1")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task An_endpoint_that_declares_nothing_sends_visitors_to_sign_in_and_serves_signed_in_users()
    {
        using var anonymous = fixture.CreateClient();
        using var refused = await anonymous.GetAsync("/thu-nghiem/khong-khai-bao");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=%2Fthu-nghiem%2Fkhong-khai-bao", SystemAdmin.Location(refused));
        Assert.DoesNotContain("Trang không khai báo quyền", await refused.Content.ReadAsStringAsync());

        var contributor = await SystemAdmin.As(fixture.Factory, Accounts.Contributor);
        using var served = await contributor.GetAsync("/thu-nghiem/khong-khai-bao");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("Trang không khai báo quyền", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Public_pages_still_serve_anonymous_visitors()
    {
        using var anonymous = fixture.CreateClient();
        var itemPath = await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<Modules.Contents.IContentManager>().GetAsync("initiative-doi-moi-gio-an", Modules.Contents.VersionOptions.Published))!
                .Part("AutoroutePart")!["Path"]!.GetValue<string>());

        foreach (var url in new[]
                 {
                     "/", "/kho-hoc-lieu", "/sang-kien", "/tin-tuc", "/" + itemPath, "/tim-kiem?q=gi%E1%BB%9D+%C4%83n", "/tim-kiem/goi-y?q=gi",
                     "/admin/dang-nhap", MediaTestSupport.Url(MediaTestSupport.SampleImage), "/css/site.css",
                 })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {SystemAdmin.Location(response)}");
        }
    }

    [Fact]
    public async Task Error_pages_render_for_anonymous_visitors()
    {
        using var anonymous = fixture.CreateClient();

        using var missing = await anonymous.GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Không tìm thấy trang", await HeadingAsync(missing));

        using var failing = await anonymous.GetAsync("/thu-nghiem/loi");
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        var body = await failing.Content.ReadAsStringAsync();
        Assert.Contains("Đã có lỗi xảy ra", body);
        Assert.DoesNotContain("Lỗi thử nghiệm", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task The_back_office_still_sends_visitors_to_sign_in_and_refuses_users_without_the_permission()
    {
        using var anonymous = fixture.CreateClient();
        using var visitor = await anonymous.GetAsync("/admin/nguoi-dung");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=%2Fadmin%2Fnguoi-dung", SystemAdmin.Location(visitor));

        var contributor = await SystemAdmin.As(fixture.Factory, Accounts.Contributor);
        using var refused = await contributor.GetAsync("/admin/nguoi-dung");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Không có quyền truy cập", await HeadingAsync(refused));
    }

    [Fact]
    public async Task A_method_a_public_page_does_not_take_is_answered_405_not_sent_to_sign_in()
    {
        using var anonymous = fixture.CreateClient();
        using var post = await anonymous.PostAsync("/tim-kiem", new FormUrlEncodedContent([]));
        using var delete = await anonymous.DeleteAsync("/");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("Đã có lỗi xảy ra", await HeadingAsync(post));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        // HEAD is answered wherever GET is (it was 405 before the public-site issue).
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
