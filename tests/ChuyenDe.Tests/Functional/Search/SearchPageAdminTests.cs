using System.Net;
using ChuyenDe.Tests.Functional.Admin;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>
/// <c>/admin/tim-kiem</c>: latest versions within the user's scope, and the rebuild button (same booted site as the
/// public search tests: a partial of <see cref="SearchPageTests{TFixture}"/>).
/// </summary>
public abstract partial class SearchPageTests<TFixture>
{
    private const string AdminSearch = "/admin/tim-kiem";

    private Task<AdminClient> As(string userName) => SystemAdmin.As(fixture.Factory, userName);

    [SkippableFact]
    public async Task Admin_search_finds_drafts_within_the_user_s_scope_only()
    {
        fixture.SkipUnlessAvailable();
        var secret = "noibo" + Guid.NewGuid().ToString("N")[..8];
        var shared = "congkhai" + Guid.NewGuid().ToString("N")[..8];
        var title = await PublishedWithSecretDraftAsync(fixture, shared, secret); // an item of Cửu Long
        await CatchUpAsync(fixture);

        // The administrator sees the Cửu Long item's latest version (the draft) with its badge and editor link.
        var admin = await As(Accounts.Administrator);
        var (status, found) = await admin.GetPageAsync(AdminSearch + "?q=" + secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var hit = Assert.Single(found.QuerySelectorAll(".admin-hits .hit"));
        Assert.Equal(title, hit.QuerySelector(".hit-title")!.TextContent.Trim());
        Assert.Equal("Bản nháp", hit.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Matches("^/admin/noi-dung/[^/]+/sua$", hit.QuerySelector(".hit-title a")!.GetAttribute("href")!);
        Assert.Contains(secret, hit.QuerySelector(".hit-snippet mark")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // The Bến Thành contributor does not see another school's draft, even by its exact words…
        var contributor = await As(Accounts.Contributor);
        var (contributorStatus, hidden) = await contributor.GetPageAsync(AdminSearch + "?q=" + secret);
        Assert.Equal(HttpStatusCode.OK, contributorStatus);
        Assert.Empty(hidden.QuerySelectorAll(".admin-hits .hit"));
        Assert.DoesNotContain(title, hidden.Body!.TextContent);
        Assert.Equal("Tìm thấy 0 kết quả", hidden.QuerySelector(".results-count")!.TextContent.Trim());

        // …but finds the draft of their own school, marked as a draft.
        var (_, own) = await contributor.GetPageAsync(AdminSearch + "?q=" + Uri.EscapeDataString("đậu xanh"));
        var ownHit = Assert.Single(own.QuerySelectorAll(".admin-hits .hit"), h => h.QuerySelector(".hit-title")!.TextContent.Contains("Góc thiên nhiên", StringComparison.Ordinal));
        Assert.Equal("Bản nháp", ownHit.QuerySelector(".badge")!.TextContent.Trim());
        Assert.All(own.QuerySelectorAll(".admin-hits .hit-org"), o => Assert.Equal("Trường Mầm non Bến Thành", o.TextContent.Trim()));

        // Published items show their badge.
        var (_, published) = await contributor.GetPageAsync(AdminSearch + "?q=" + Uri.EscapeDataString("giờ ăn"));
        Assert.Contains(published.QuerySelectorAll(".admin-hits .hit"), h => h.QuerySelector(".badge")!.TextContent.Trim() == "Đã xuất bản");

        // Hostile input in the back office too.
        foreach (var query in new[] { "\"", "AND (", new string('x', 10_000) })
        {
            var (hostileStatus, page) = await contributor.GetPageAsync(AdminSearch + "?q=" + Uri.EscapeDataString(query) + "&page=-3&type=Nope");
            Assert.Equal(HttpStatusCode.OK, hostileStatus);
            Assert.DoesNotContain("tạm thời chưa dùng được", page.Body!.TextContent);
        }
    }

    [SkippableFact]
    public async Task Admin_search_needs_a_signed_in_user_who_may_see_content_and_is_in_their_menu()
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        using var response = await anonymous.GetAsync(AdminSearch + "?q=tre");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A back-office account that may not see content gets 403, and no menu entry.
        var (officeOnly, _, _) = await SystemAdmin.ManagerAsync(fixture.Factory, "phong-quan-1", "AccessAdmin");
        using (var denied = await officeOnly.GetAsync(AdminSearch + "?q=tre"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var (_, officeDashboard) = await officeOnly.GetPageAsync("/admin");
        Assert.DoesNotContain(officeDashboard.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == AdminSearch);

        var contributor = await As(Accounts.Contributor);
        var (_, dashboard) = await contributor.GetPageAsync("/admin");
        Assert.Contains(dashboard.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == AdminSearch && a.TextContent.Trim() == "Tìm kiếm nội dung");
    }

    [SkippableFact]
    public async Task Only_administrators_rebuild_the_index_and_search_works_after_it()
    {
        fixture.SkipUnlessAvailable();
        var curator = await As(Accounts.DepartmentCurator);
        var (_, curatorPage) = await curator.GetPageAsync(AdminSearch);
        Assert.Null(curatorPage.QuerySelector("form[action='/admin/tim-kiem/xay-dung-lai']"));
        using (var refused = await SystemAdmin.PostAsync(curator, AdminSearch, AdminSearch + "/xay-dung-lai"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var contributor = await As(Accounts.Contributor);
        using (var refused = await SystemAdmin.PostAsync(contributor, AdminSearch, AdminSearch + "/xay-dung-lai"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var admin = await As(Accounts.Administrator);
        var (_, adminPage) = await admin.GetPageAsync(AdminSearch);
        Assert.Equal("Xây dựng lại chỉ mục", adminPage.QuerySelector("form[action='/admin/tim-kiem/xay-dung-lai'] button")!.TextContent.Trim());
        using (var rebuilt = await SystemAdmin.PostAsync(admin, AdminSearch, AdminSearch + "/xay-dung-lai"))
        {
            Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
            Assert.Equal(AdminSearch, SystemAdmin.Location(rebuilt));
        }

        var (_, after) = await admin.GetPageAsync(AdminSearch);
        Assert.Equal("Đã xây dựng lại chỉ mục tìm kiếm.", after.QuerySelector(".flash")!.TextContent.Trim());

        // Without a token the rebuild is refused as any other form.
        using (var forged = await admin.PostFormWithTokenAsync(AdminSearch + "/xay-dung-lai", [], null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var (_, publicPage) = await GetAsync("/tim-kiem?q=Dam+Ha");
        Assert.Contains("Trường Mầm non Đàm Hà – phối hợp với cha mẹ trẻ và cộng đồng", Titles(publicPage));
    }
}
