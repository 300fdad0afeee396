using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Search;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Curation;

/// <summary>
/// Curation through the real back office (<c>/admin/tuyen-chon</c>) and what the public then sees: exemplary products
/// and model sites on their lists, on the home page and as badges on item pages.
/// </summary>
public abstract class CurationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Base = "/admin/tuyen-chon";
    private static readonly HtmlParser Parser = new();

    /// <summary>A published Initiative of the given school, published by the administrator (no review needed).</summary>
    private Task<ContentItem> PublishedInitiativeAsync(string words, string organizationId = BenThanh)
        => CreateInitiativeAsync(fixture, FreshTitle(words), organizationId, Accounts.Administrator, publish: true);

    private static string PanelUrl(string id) => $"{Base}/noi-dung/{id}";

    private static Task<HttpResponseMessage> MarkExemplaryAsync(AdminClient client, string id, string level, string citation, bool featured = false)
    {
        var fields = new Dictionary<string, string> { ["ExemplaryLevel"] = level, ["ExemplaryCitation"] = citation };
        if (featured)
        {
            fields["ExemplaryFeatured"] = "true";
        }

        return client.PostFormAsync("/admin", PanelUrl(id) + "/dien-hinh", fields);
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument Page)> PublicAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private Task<List<CurationRecord>> CurationsOfAsync(string id)
        => fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<CurationRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == id).OrderBy(r => r.Id).ToListAsync());

    private Task<string> TermTitleAsync(string termId)
        => fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<ITaxonomyService>().FindTermAsync(termId))!.Title);

    private static string ItemPath(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    private static IReadOnlyList<string> HomeBlockTitles(IHtmlDocument home, string heading)
        => home.QuerySelectorAll("section.home-section")
            .FirstOrDefault(s => s.QuerySelector("h2")?.TextContent.Trim() == heading)?
            .QuerySelectorAll(".card-title").Select(t => t.TextContent.Trim()).ToList() ?? [];

    /// <summary>The home page's count of published exemplary products (the second figure of the hero).</summary>
    private async Task<int> HomeExemplaryCountAsync()
    {
        var (_, home) = await PublicAsync("/");
        return int.Parse(home.QuerySelectorAll(".stats li strong")[1].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<string> ListTitles(IHtmlDocument page)
        => page.QuerySelectorAll(".results .card-title").Select(t => t.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task A_department_curator_marks_a_published_initiative_exemplary_and_the_public_sees_it_until_it_is_withdrawn()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Sáng kiến điển hình góc đọc sách");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        const string citation = "Cách làm sáng tạo, dễ nhân rộng cho các trường trong thành phố.";
        var countBefore = await HomeExemplaryCountAsync();

        var (panelStatus, panel) = await curator.GetPageAsync(PanelUrl(item.ContentItemId));
        Assert.Equal(HttpStatusCode.OK, panelStatus);
        Assert.NotNull(panel.QuerySelector("#ExemplaryLevel"));

        using var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-tinh-thanh", citation);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(PanelUrl(item.ContentItemId), marked.Headers.Location!.OriginalString);
        var record = Assert.Single(await CurationsOfAsync(item.ContentItemId));
        Assert.Equal(CurationKinds.Exemplary, record.Kind);
        Assert.Equal("so.hcm", record.CuratedByUserName);

        // The public list shows it first (the newest curation), with its level and citation.
        var (status, list) = await PublicAsync("/san-pham-dien-hinh");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(item.DisplayText, ListTitles(list)[0]);
        var badge = list.QuerySelector(".results .card-badged .recognition-exemplary")!;
        Assert.Contains("Sản phẩm điển hình cấp tỉnh/thành phố", badge.TextContent);
        Assert.Contains(citation, badge.TextContent);
        // The sample exemplary products are still listed beside it.
        Assert.Contains(ListTitles(list), t => t != item.DisplayText);

        Assert.Equal(countBefore + 1, await HomeExemplaryCountAsync());

        // The item page carries the badge.
        var (_, page) = await PublicAsync(ItemPath(item));
        var itemBadge = page.QuerySelector(".item-badges")!;
        Assert.Contains("Sản phẩm điển hình cấp tỉnh/thành phố", itemBadge.TextContent);
        Assert.Contains(citation, itemBadge.TextContent);

        // The admin list shows it as active.
        var (_, adminList) = await curator.GetPageAsync(Base + "?loai=Exemplary&trang-thai=active");
        Assert.Contains(item.DisplayText, adminList.QuerySelector("table.curation-list")!.TextContent);

        // Withdrawn with a reason: gone from the list and the item page, kept in the history.
        using var withdrawn = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = "Tác giả đề nghị rút lại để hoàn thiện.", ["concurrencyStamp"] = record.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        (_, list) = await PublicAsync("/san-pham-dien-hinh");
        Assert.DoesNotContain(item.DisplayText, ListTitles(list));
        (_, page) = await PublicAsync(ItemPath(item));
        Assert.Null(page.QuerySelector(".item-badges"));
        Assert.Equal(countBefore, await HomeExemplaryCountAsync());
        var after = Assert.Single(await CurationsOfAsync(item.ContentItemId));
        Assert.NotNull(after.WithdrawnUtc);
        Assert.Equal("Tác giả đề nghị rút lại để hoàn thiện.", after.WithdrawReason);
        (_, panel) = await curator.GetPageAsync(PanelUrl(item.ContentItemId));
        Assert.Contains("Tác giả đề nghị rút lại để hoàn thiện.", panel.Body!.TextContent);
        (_, adminList) = await curator.GetPageAsync(Base + "?trang-thai=withdrawn");
        Assert.Contains(item.DisplayText, adminList.QuerySelector("table.curation-list")!.TextContent);

        // It can be marked again later: a new row, the old one stays as history.
        using var again = await MarkExemplaryAsync(curator, item.ContentItemId, "level-quan-huyen", citation);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, (await CurationsOfAsync(item.ContentItemId)).Count);
        (_, list) = await PublicAsync("/san-pham-dien-hinh");
        Assert.Contains("Sản phẩm điển hình cấp quận/huyện", list.QuerySelector(".results .card-badged")!.TextContent);
    }

    [SkippableFact]
    public async Task A_model_site_designation_appears_on_the_model_sites_list_with_theme_level_and_year()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Mô hình trường học xanh");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);

        using var response = await curator.PostFormAsync(PanelUrl(item.ContentItemId), PanelUrl(item.ContentItemId) + "/mo-hinh-diem", new()
        {
            ["ModelSiteTheme"] = "theme-xanh-an-toan-than-thien",
            ["ModelSiteLevel"] = "level-quan-huyen",
            ["ModelSiteYear"] = "sy-2024-2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (status, list) = await PublicAsync("/mo-hinh-diem");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(item.DisplayText, ListTitles(list)[0]);
        var badge = list.QuerySelector(".results .recognition-modelsite")!.TextContent;
        Assert.Contains("Mô hình điểm cấp quận/huyện", badge);
        Assert.Contains(await TermTitleAsync("theme-xanh-an-toan-than-thien"), badge);
        Assert.Contains(await TermTitleAsync("sy-2024-2025"), badge);
        // Not an exemplary product.
        var (_, exemplary) = await PublicAsync("/san-pham-dien-hinh");
        Assert.DoesNotContain(item.DisplayText, ListTitles(exemplary));

        // Withdrawn: off the list; the sample model sites (their own type) stay.
        var record = Assert.Single(await CurationsOfAsync(item.ContentItemId));
        using var withdrawn = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = "Trường chưa duy trì được mô hình.", ["concurrencyStamp"] = record.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        (_, list) = await PublicAsync("/mo-hinh-diem");
        Assert.DoesNotContain(item.DisplayText, ListTitles(list));
        Assert.NotEmpty(ListTitles(list));
    }

    [SkippableFact]
    public async Task Featured_curations_come_first_on_the_home_page_in_the_order_the_curator_sets()
    {
        fixture.SkipUnlessAvailable();
        var first = await PublishedInitiativeAsync("Nổi bật thứ nhất");
        var second = await PublishedInitiativeAsync("Nổi bật thứ hai");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        using (var a = await MarkExemplaryAsync(curator, first.ContentItemId, "level-tinh-thanh", "Lý do thứ nhất.", featured: true))
        using (var b = await MarkExemplaryAsync(curator, second.ContentItemId, "level-tinh-thanh", "Lý do thứ hai.", featured: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        }

        var firstId = (await CurationsOfAsync(first.ContentItemId)).Single().Id;
        var secondId = (await CurationsOfAsync(second.ContentItemId)).Single().Id;

        async Task<IReadOnlyList<string>> HomeExemplaryAsync()
        {
            var (status, home) = await PublicAsync("/");
            Assert.Equal(HttpStatusCode.OK, status);
            return HomeBlockTitles(home, "Sản phẩm điển hình");
        }

        // Order 1: the first, order 2: the second.
        using (var saved = await curator.PostFormAsync(Base, Base + "/thu-tu", new() { [$"order-{firstId}"] = "1", [$"order-{secondId}"] = "2" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([first.DisplayText, second.DisplayText], (await HomeExemplaryAsync()).Take(2));

        // Swapped with the numeric inputs.
        using (var saved = await curator.PostFormAsync(Base, Base + "/thu-tu", new() { [$"order-{firstId}"] = "2", [$"order-{secondId}"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([second.DisplayText, first.DisplayText], (await HomeExemplaryAsync()).Take(2));

        // And back with the "up" button.
        using (var moved = await curator.PostFormAsync(Base, $"{Base}/{firstId}/len", new()))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Equal([first.DisplayText, second.DisplayText], (await HomeExemplaryAsync()).Take(2));

        // A bad order is refused with a Vietnamese message and changes nothing.
        using var bad = await curator.PostFormAsync(Base, Base + "/thu-tu", new() { [$"order-{firstId}"] = "abc" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await AdminClient.ParseAsync(bad);
        Assert.Contains("Thứ tự phải là số nguyên từ 1 đến 999", page.GetElementById($"order-{firstId}-error")!.TextContent);
        Assert.Equal(1, (await CurationsOfAsync(first.ContentItemId)).Single().FeaturedOrder);

        // Emptied: no longer featured (the latest curations still fill the block).
        using (var saved = await curator.PostFormAsync(Base, Base + "/thu-tu", new() { [$"order-{firstId}"] = "", [$"order-{secondId}"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Null((await CurationsOfAsync(first.ContentItemId)).Single().FeaturedOrder);
    }

    [SkippableFact]
    public async Task A_draft_only_item_cannot_be_curated_and_the_curator_is_told_why()
    {
        fixture.SkipUnlessAvailable();
        var draft = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp chưa xuất bản"), BenThanh, Accounts.Administrator, publish: false);
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);

        var (status, panel) = await curator.GetPageAsync(PanelUrl(draft.ContentItemId));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Chỉ nội dung đã xuất bản mới được tuyển chọn", panel.QuerySelector(".curation-blocked")!.TextContent);
        Assert.Null(panel.QuerySelector("#ExemplaryLevel"));

        using var response = await MarkExemplaryAsync(curator, draft.ContentItemId, "level-tinh-thanh", "Lý do.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        Assert.Contains("Chỉ nội dung đã xuất bản mới được tuyển chọn", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Empty(await CurationsOfAsync(draft.ContentItemId));
    }

    [SkippableFact]
    public async Task Missing_citation_level_and_reason_are_refused_with_Vietnamese_messages()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Thiếu lý do tuyên dương");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);

        using var response = await MarkExemplaryAsync(curator, item.ContentItemId, "", "   ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        Assert.Equal("Hãy ghi lý do tuyên dương: vì sao sản phẩm này điển hình.", page.GetElementById("ExemplaryCitation-error")!.TextContent.Trim());
        Assert.Equal("Hãy chọn cấp công nhận.", page.GetElementById("ExemplaryLevel-error")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById("ExemplaryCitation")!.GetAttribute("aria-invalid"));
        Assert.Empty(await CurationsOfAsync(item.ContentItemId));

        // A level that is not a term of the levels taxonomy.
        using var wrongLevel = await MarkExemplaryAsync(curator, item.ContentItemId, "theme-steam", "Lý do hợp lệ.");
        Assert.Equal("Hãy chọn một giá trị trong danh sách.", (await AdminClient.ParseAsync(wrongLevel)).GetElementById("ExemplaryLevel-error")!.TextContent.Trim());

        // Model site: theme, level and year are required.
        using var modelSite = await curator.PostFormAsync(PanelUrl(item.ContentItemId), PanelUrl(item.ContentItemId) + "/mo-hinh-diem", new());
        var msPage = await AdminClient.ParseAsync(modelSite);
        Assert.Equal("Hãy chọn nội dung mô hình.", msPage.GetElementById("ModelSiteTheme-error")!.TextContent.Trim());
        Assert.Equal("Hãy chọn năm học.", msPage.GetElementById("ModelSiteYear-error")!.TextContent.Trim());
        Assert.Empty(await CurationsOfAsync(item.ContentItemId));

        // Withdrawing needs a reason.
        using var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-truong", "Lý do hợp lệ.");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        using var noReason = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = " ", ["concurrencyStamp"] = record.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal("Hãy ghi lý do thu hồi.", (await AdminClient.ParseAsync(noReason)).GetElementById($"Reason{record.Id}-error")!.TextContent.Trim());
        Assert.Null((await CurationsOfAsync(item.ContentItemId)).Single().WithdrawnUtc);

        // Marking twice: a clear message, still one active curation.
        using var twice = await MarkExemplaryAsync(curator, item.ContentItemId, "level-truong", "Lần nữa.");
        Assert.Contains("đã là sản phẩm điển hình", (await AdminClient.ParseAsync(twice)).QuerySelector(".error-summary")!.TextContent);
        Assert.Single(await CurationsOfAsync(item.ContentItemId));
    }

    [SkippableFact]
    public async Task A_withdrawal_with_a_stale_concurrency_stamp_is_refused_and_changes_nothing()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Hai người cùng thu hồi");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        using (var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-truong", "Lý do."))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        using var stale = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = "Lý do thu hồi.", ["concurrencyStamp"] = "a-stamp-someone-else-replaced" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Người khác vừa thay đổi", (await AdminClient.ParseAsync(stale)).QuerySelector(".error-summary")!.TextContent);
        Assert.Null((await CurationsOfAsync(item.ContentItemId)).Single().WithdrawnUtc);

        // With the stamp the page now shows, the withdrawal goes through.
        var (_, panel) = await curator.GetPageAsync(PanelUrl(item.ContentItemId));
        var stamp = panel.QuerySelector($"form[action='{Base}/{record.Id}/thu-hoi'] input[name='concurrencyStamp']")!.GetAttribute("value")!;
        using var fresh = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = "Lý do thu hồi.", ["concurrencyStamp"] = stamp });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.NotNull((await CurationsOfAsync(item.ContentItemId)).Single().WithdrawnUtc);

        // A second withdrawal of the same curation (a page left open) is refused with a message.
        using var again = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
            new() { ["reason"] = "Lần nữa.", ["concurrencyStamp"] = stamp });
        Assert.Contains("đã được thu hồi trước đó", (await AdminClient.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Lý do thu hồi.", (await CurationsOfAsync(item.ContentItemId)).Single().WithdrawReason);
    }

    [SkippableFact]
    public async Task Each_curation_step_is_audited_and_queued_for_reindexing_in_its_transaction()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Nhật ký tuyển chọn");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        Task<int> TasksAsync() => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<SearchIndexingTaskRecord>()
            .CountAsync(t => t.ContentItemId == item.ContentItemId));
        var tasksBefore = await TasksAsync();

        using (var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-quan-huyen", "Lý do ghi nhật ký.", featured: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        using (var moved = await curator.PostFormAsync(Base, $"{Base}/{record.Id}/xuong", new()))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        using (var saved = await curator.PostFormAsync(Base, Base + "/thu-tu", new() { [$"order-{record.Id}"] = "7" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var withdrawn = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
                   new() { ["reason"] = "Lý do thu hồi ghi nhật ký.", ["concurrencyStamp"] = (await CurationsOfAsync(item.ContentItemId)).Single().ConcurrencyStamp }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        var entries = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ChuyenDe.Modules.Audit.AuditEntryRecord>()
            .AsNoTracking().Where(e => e.ContentItemId == item.ContentItemId && e.Category == "Curation").OrderBy(e => e.Id).ToListAsync());
        var mark = Assert.Single(entries, e => e.Action == "MarkedExemplary");
        Assert.Equal("so.hcm", mark.ActorUserName);
        Assert.Equal("Lý do ghi nhật ký.", mark.Reasons);
        Assert.Contains(await TermTitleAsync("level-quan-huyen"), mark.Details);
        Assert.Equal(BenThanh, mark.OrganizationId);
        Assert.Contains(entries, e => e.Action == "FeaturedOrderChanged" && e.Details!.Contains('7'));
        var withdrawal = Assert.Single(entries, e => e.Action == "ExemplaryWithdrawn");
        Assert.Equal("Lý do thu hồi ghi nhật ký.", withdrawal.Reasons);

        // Marking and withdrawing each asked search to index the item again.
        Assert.True(await TasksAsync() >= tasksBefore + 2);
    }

    public static TheoryData<string> UsersWithoutCurateContent => [Accounts.DistrictCurator, Accounts.Contributor, Accounts.Reviewer];

    [SkippableTheory]
    [MemberData(nameof(UsersWithoutCurateContent))]
    public async Task Every_curation_page_and_post_is_forbidden_without_CurateContent(string userName)
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Không được phép tuyển chọn");
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        using (var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-truong", "Lý do."))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        var client = await SessionAsync(fixture, userName);
        var token = await client.GetTokenAsync("/admin");

        foreach (var url in new[] { Base, PanelUrl(item.ContentItemId) })
        {
            using var get = await client.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.Forbidden, $"GET {url} as {userName}: {(int)get.StatusCode}");
        }

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            (PanelUrl(item.ContentItemId) + "/dien-hinh", new() { ["ExemplaryLevel"] = "level-truong", ["ExemplaryCitation"] = "Lý do." }),
            (PanelUrl(item.ContentItemId) + "/mo-hinh-diem", new() { ["ModelSiteTheme"] = "theme-steam", ["ModelSiteLevel"] = "level-truong", ["ModelSiteYear"] = "sy-2024-2025" }),
            ($"{Base}/{record.Id}/thu-hoi", new() { ["reason"] = "Không được phép.", ["concurrencyStamp"] = record.ConcurrencyStamp }),
            ($"{Base}/thu-tu", new() { [$"order-{record.Id}"] = "1" }),
            ($"{Base}/{record.Id}/len", new()),
            ($"{Base}/{record.Id}/xuong", new()),
        };
        foreach (var (url, fields) in posts)
        {
            using var post = await client.PostFormWithTokenAsync(url, fields, token);
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"POST {url} as {userName}: {(int)post.StatusCode}");
        }

        var after = (await CurationsOfAsync(item.ContentItemId)).Single();
        Assert.Null(after.WithdrawnUtc);
        Assert.Null(after.FeaturedOrder);
        Assert.Equal(CurationKinds.Exemplary, after.Kind);

        // No menu entry either.
        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.DoesNotContain(dashboard.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == Base);
    }

    [SkippableFact]
    public async Task An_item_or_a_curation_outside_the_curators_scope_is_not_found()
    {
        fixture.SkipUnlessAvailable();
        // Trường MN Cửu Long belongs to Sở GD&ĐT Hòa Bình, outside so.hcm's scope; the administrator curates it.
        var item = await PublishedInitiativeAsync("Sáng kiến ở Hòa Bình", CuuLong);
        var admin = await SessionAsync(fixture, Accounts.Administrator);
        using (var marked = await MarkExemplaryAsync(admin, item.ContentItemId, "level-tinh-thanh", "Lý do."))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var token = await curator.GetTokenAsync(Base);

        using (var get = await curator.GetAsync(PanelUrl(item.ContentItemId)))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using (var post = await curator.PostFormWithTokenAsync(PanelUrl(item.ContentItemId) + "/mo-hinh-diem",
                   new Dictionary<string, string> { ["ModelSiteTheme"] = "theme-steam", ["ModelSiteLevel"] = "level-truong", ["ModelSiteYear"] = "sy-2024-2025" }, token))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var withdraw = await curator.PostFormWithTokenAsync($"{Base}/{record.Id}/thu-hoi",
                   new Dictionary<string, string> { ["reason"] = "Ngoài phạm vi.", ["concurrencyStamp"] = record.ConcurrencyStamp }, token))
        {
            Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        }

        using (var move = await curator.PostFormWithTokenAsync($"{Base}/{record.Id}/len", [], token))
        {
            Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        }

        // The reorder form ignores curations outside the scope.
        using (var reorder = await curator.PostFormWithTokenAsync($"{Base}/thu-tu", new Dictionary<string, string> { [$"order-{record.Id}"] = "1" }, token))
        {
            Assert.Equal(HttpStatusCode.Redirect, reorder.StatusCode);
        }

        var after = (await CurationsOfAsync(item.ContentItemId)).Single();
        Assert.Null(after.WithdrawnUtc);
        Assert.Null(after.FeaturedOrder);
        Assert.Single(await CurationsOfAsync(item.ContentItemId));

        // Nor does so.hcm's list show it, nor an unknown item.
        var (_, list) = await curator.GetPageAsync(Base);
        Assert.DoesNotContain(item.DisplayText, list.Body!.TextContent);
        using var unknown = await curator.GetAsync(PanelUrl("khong-ton-tai"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task The_search_contributor_reports_exemplary_items()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedInitiativeAsync("Tìm kiếm điển hình");
        var plain = await PublishedInitiativeAsync("Tìm kiếm thường");

        Task<bool> ExemplaryAsync(string id, VersionOptions version = VersionOptions.Published) => fixture.WithServicesAsync(async sp =>
        {
            var loaded = (await sp.GetRequiredService<IContentManager>().GetAsync(id, version))!;
            var facts = new SearchDocumentFacts();
            foreach (var contributor in sp.GetServices<ISearchDocumentContributor>())
            {
                await contributor.ContributeAsync(loaded, facts, CancellationToken.None);
            }

            return facts.Exemplary;
        });

        Assert.False(await ExemplaryAsync(item.ContentItemId));
        Assert.True(await ExemplaryAsync("exemplary-gio-an-ben-thanh"));

        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        using (var marked = await MarkExemplaryAsync(curator, item.ContentItemId, "level-tinh-thanh", "Lý do."))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        Assert.True(await ExemplaryAsync(item.ContentItemId));
        Assert.False(await ExemplaryAsync(plain.ContentItemId));

        // The index, caught up with the task the curation queued, finds it among exemplary products only.
        Task<bool> FoundAsExemplaryAsync(string title) => fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndexMaintenance>().CatchUpAsync();
            var results = await sp.GetRequiredService<ISearchService>().SearchAsync(new SearchRequest { Query = title, ExemplaryOnly = true, PageSize = 50, Sort = SearchSort.Newest });
            return results.Hits.Any(h => h.ContentItemId == (title == item.DisplayText ? item.ContentItemId : plain.ContentItemId));
        });
        Assert.True(await FoundAsExemplaryAsync(item.DisplayText));
        Assert.False(await FoundAsExemplaryAsync(plain.DisplayText));

        var record = (await CurationsOfAsync(item.ContentItemId)).Single();
        using (var withdrawn = await curator.PostFormAsync(PanelUrl(item.ContentItemId), $"{Base}/{record.Id}/thu-hoi",
                   new() { ["reason"] = "Thu hồi.", ["concurrencyStamp"] = record.ConcurrencyStamp }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.False(await ExemplaryAsync(item.ContentItemId));
        Assert.False(await FoundAsExemplaryAsync(item.DisplayText));
    }
}

public sealed class CurationSqliteTests(SqliteSiteFixture fixture) : CurationTests<SqliteSiteFixture>(fixture);

public sealed class CurationPostgresTests(PostgresSiteFixture fixture) : CurationTests<PostgresSiteFixture>(fixture);
