using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The units' public pages on the sample content (recipes/sample-content.recipe.json): <c>/don-vi</c>, the tree of
/// active units with a search by name that ignores tone marks, and <c>/don-vi/{id}</c>, a unit's place in the tree, the
/// units below it and its published work by type — exactly its own, then apart that of the units below it. The
/// expected items are counted by hand from the recipe. Tests that change things use other units than Bến Thành.
/// </summary>
public abstract class UnitPagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(url);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The titles of the cards of each group (by its heading) of a work section of a unit's page.</summary>
    private static Dictionary<string, List<string>> Groups(IDocument page, string sectionSelector)
        => page.QuerySelectorAll(sectionSelector + " .unit-group").ToDictionary(
            g => g.QuerySelector("h3")!.TextContent.Trim(),
            g => g.QuerySelectorAll(".card-title").Select(t => t.TextContent.Trim()).Order(StringComparer.Ordinal).ToList());

    private const string Own = ".unit-work:not(.unit-work-below)";
    private const string BelowWork = ".unit-work-below";

    [SkippableFact]
    public async Task Ben_Thanh_shows_exactly_its_published_items_by_type_and_its_place_in_the_tree()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await GetAsync("/don-vi/truong-mn-ben-thanh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Trường Mầm non Bến Thành", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Trường mầm non", page.QuerySelector(".unit-header .card-type")!.TextContent.Trim());

        // Hand count of the recipe: two initiatives (its draft "Bản nháp: Góc thiên nhiên trong lớp học" is not
        // published), an exemplary product, a model site, an article, no event.
        var groups = Groups(page, Own);
        Assert.Equal(["Sáng kiến", "Sản phẩm điển hình", "Mô hình điểm", "Tin tức"], groups.Keys);
        Assert.Equal(["Ngày hội “Cha mẹ cùng bé làm đồ chơi”", "Đổi mới giờ ăn cho trẻ"], groups["Sáng kiến"]); // ordinal order
        Assert.Equal(["Giờ ăn trẻ tự phục vụ – Trường Mầm non Bến Thành"], groups["Sản phẩm điển hình"]);
        Assert.Equal(["Trường Mầm non Bến Thành – ứng dụng phương pháp giáo dục tiên tiến"], groups["Mô hình điểm"]);
        Assert.Equal(["Góc phụ huynh: để con tự xúc cơm, tự cất bát ở nhà"], groups["Tin tức"]);
        Assert.Equal(5, page.QuerySelectorAll(".card").Length);
        Assert.DoesNotContain("Bản nháp", page.Body!.TextContent);
        Assert.DoesNotContain("Góc xây dựng từ vật liệu tái chế", page.Body.TextContent); // Tân Định's, same cluster
        Assert.Empty(page.QuerySelectorAll(".unit-below, .unit-work-below"));
        Assert.Empty(page.QuerySelectorAll(Own + " .section-head a")); // nothing more to see than what is shown

        // Sở → Phòng → Cụm → Trường, each linked, after the tree of units.
        var trail = page.QuerySelectorAll("nav.breadcrumbs a")
            .Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/don-vi", "/don-vi/so-hcm", "/don-vi/phong-quan-1", "/don-vi/cum-quan-1-a", "/don-vi/truong-mn-ben-thanh"], trail);
        Assert.Equal("http://localhost/don-vi/truong-mn-ben-thanh", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("Trường Mầm non Bến Thành", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(["/don-vi/cum-quan-1-a", "/don-vi/phong-quan-1", "/don-vi/so-hcm"],
            page.QuerySelectorAll(".unit-place a").Select(a => a.GetAttribute("href")!).ToList());

        // The library filtered to the school lists the same five items.
        var library = page.QuerySelector(".unit-library a")!.GetAttribute("href")!;
        Assert.Equal("/kho-hoc-lieu?org=truong-mn-ben-thanh", library);
        await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ChuyenDe.Modules.Search.ISearchIndexMaintenance>().CatchUpAsync();
            return 0;
        });
        var (_, all) = await GetAsync(library);
        var text = all.Body!.TextContent;
        Assert.All(groups.Values.SelectMany(g => g), title => Assert.Contains(title, text));
        Assert.DoesNotContain("Góc xây dựng từ vật liệu tái chế", text);
    }

    [SkippableFact]
    public async Task An_office_lists_its_cluster_and_schools_and_their_work_apart_from_its_own()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await GetAsync("/don-vi/phong-quan-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Phòng Giáo dục và Đào tạo", page.QuerySelector(".unit-header .card-type")!.TextContent.Trim());
        var below = page.QuerySelectorAll(".unit-below a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/don-vi/cum-quan-1-a", "/don-vi/truong-mn-ben-thanh", "/don-vi/truong-mn-da-kao", "/don-vi/truong-mn-tan-dinh"], below);

        // Its own: two published articles (not the draft) and two events.
        var own = Groups(page, Own);
        Assert.Equal(["Sự kiện", "Tin tức"], own.Keys);
        Assert.Equal(2, own["Tin tức"].Count);
        Assert.Equal(2, own["Sự kiện"].Count);
        Assert.Contains("Quận 1 sơ kết hai năm xây dựng trường mầm non lấy trẻ làm trung tâm", own["Tin tức"][0] + own["Tin tức"][1]);
        Assert.DoesNotContain("Bản nháp", page.Body!.TextContent);

        // Its schools': Bến Thành, Tân Định and Đa Kao, not Quận 3's.
        var schools = Groups(page, BelowWork);
        Assert.Contains("Đổi mới giờ ăn cho trẻ", schools["Sáng kiến"]);
        Assert.Contains("Góc xây dựng từ vật liệu tái chế", schools["Sáng kiến"]);
        Assert.Contains("Thư viện mở ở hành lang cho trẻ và cha mẹ", schools["Sáng kiến"]);
        Assert.DoesNotContain("Xây dựng kế hoạch tuần từ câu hỏi của trẻ", schools["Sáng kiến"]);
        Assert.Equal(2, schools["Mô hình điểm"].Count);
        Assert.Equal(2, schools["Sản phẩm điển hình"].Count);
        Assert.Contains("Học liệu của các đơn vị trực thuộc", page.QuerySelector(BelowWork + " h2")!.TextContent);
        Assert.Equal("/kho-hoc-lieu?org=phong-quan-1", page.QuerySelector(Own + " .unit-library a")!.GetAttribute("href"));
        Assert.Equal("/kho-hoc-lieu?district=phong-quan-1", page.QuerySelector(BelowWork + " .unit-library a")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task A_group_with_more_than_the_page_shows_links_to_the_library_filtered_to_the_units()
    {
        fixture.SkipUnlessAvailable();
        // The Department of Hồ Chí Minh City: seven initiatives of the schools of Quận 1 and Quận 3, six shown.
        var (_, page) = await GetAsync("/don-vi/so-hcm");
        var initiatives = page.QuerySelectorAll(BelowWork + " .unit-group").Single(g => g.QuerySelector("h3")!.TextContent.Trim() == "Sáng kiến");

        Assert.Equal(6, initiatives.QuerySelectorAll(".card").Length);
        var more = initiatives.QuerySelector(".section-head a")!.GetAttribute("href")!;
        Assert.Equal("/kho-hoc-lieu?type=Initiative&district=phong-quan-1&district=phong-quan-3", more);
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(more)).StatusCode);
    }

    [SkippableFact]
    public async Task The_tree_lists_every_active_unit_and_the_search_finds_a_school_without_tone_marks()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await GetAsync("/don-vi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var active = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IOrganizationService>().ListAsync()).Where(o => o.Active).ToList());
        var links = page.QuerySelectorAll(".unit-tree a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(active, unit => Assert.Contains("/don-vi/" + unit.Id, links));
        // Each Department is open, each office folds its schools away; Bến Thành sits under its cluster under Quận 1.
        var quan1 = page.QuerySelectorAll(".unit-tree details").Single(d => d.QuerySelector("summary")!.TextContent.Contains("Quận 1") && d.QuerySelector("summary")!.TextContent.StartsWith("Phòng"));
        Assert.False(quan1.HasAttribute("open"));
        Assert.True(quan1.ParentElement!.Closest("details")!.HasAttribute("open"));
        Assert.NotNull(quan1.QuerySelector("details a[href='/don-vi/truong-mn-ben-thanh']"));

        foreach (var query in new[] { "ben thanh", "Bến Thành", "BEN   THANH" })
        {
            var (_, found) = await GetAsync("/don-vi?q=" + Uri.EscapeDataString(query));
            var matches = found.QuerySelectorAll(".unit-matches li").ToList();
            var match = Assert.Single(matches);
            Assert.Equal("/don-vi/truong-mn-ben-thanh", match.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains("Phòng Giáo dục và Đào tạo Quận 1", match.TextContent);
            Assert.Equal("noindex, follow", found.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        }

        var (_, none) = await GetAsync("/don-vi?q=zzzqqq");
        Assert.Empty(none.QuerySelectorAll(".unit-matches li"));
        Assert.NotNull(none.QuerySelector(".unit-matches .empty"));
    }

    [SkippableFact]
    public async Task Unknown_and_inactive_units_have_no_page()
    {
        fixture.SkipUnlessAvailable();
        var id = "truong-ngung-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            db.Add(new Organization { Id = id, Name = "Trường Mầm non Đã Ngừng " + id, Kind = OrganizationKind.School, ParentId = "phong-quan-3", Active = false, CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/don-vi/khong-co-don-vi-nay")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/don-vi/" + id)).Response.StatusCode);
        var (_, tree) = await GetAsync("/don-vi");
        Assert.DoesNotContain(id, tree.Body!.InnerHtml);
        var (_, quan3) = await GetAsync("/don-vi/phong-quan-3");
        Assert.DoesNotContain(id, quan3.Body!.InnerHtml);
    }

    [SkippableFact]
    public async Task An_item_page_links_its_unit()
    {
        fixture.SkipUnlessAvailable();
        var (_, page) = await GetAsync("/sang-kien/doi-moi-gio-an-cho-tre");

        var link = page.QuerySelector(".item-meta a.item-unit")!;
        Assert.Equal("/don-vi/truong-mn-ben-thanh", link.GetAttribute("href"));
        Assert.Equal("Trường Mầm non Bến Thành", link.TextContent.Trim());
    }

    [SkippableFact]
    public async Task Pages_are_cached_and_a_rename_a_publish_and_an_unpublish_show_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        const string DaKao = "truong-mn-da-kao";
        async Task WarmAsync(params string[] urls)
        {
            foreach (var url in urls)
            {
                await GetAsync(url);
                Assert.NotNull((await GetAsync(url)).Response.Headers.Age);
            }
        }

        await WarmAsync("/don-vi", "/don-vi/" + DaKao, "/don-vi/phong-quan-1");
        var newName = "Trường Mầm non Đa Kao " + Guid.NewGuid().ToString("N")[..4];
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<Organization>().SingleAsync(o => o.Id == DaKao)).Name = newName;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(newName, (await GetAsync("/don-vi/" + DaKao)).Page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(newName, (await GetAsync("/don-vi")).Page.Body!.TextContent);
        Assert.Contains(newName, (await GetAsync("/don-vi/phong-quan-1")).Page.QuerySelector(".unit-below")!.TextContent);

        await WarmAsync("/don-vi/" + DaKao, "/don-vi/phong-quan-1");
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến của Đa Kao"), DaKao, Accounts.Administrator, publish: true);
        Assert.Contains(item.DisplayText, Groups((await GetAsync("/don-vi/" + DaKao)).Page, Own)["Sáng kiến"]);
        Assert.Contains(item.DisplayText, Groups((await GetAsync("/don-vi/phong-quan-1")).Page, BelowWork)["Sáng kiến"]);

        await WarmAsync("/don-vi/" + DaKao);
        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId, ContentActor.System)));
        Assert.DoesNotContain(item.DisplayText, (await GetAsync("/don-vi/" + DaKao)).Page.Body!.TextContent);
    }
}

public sealed class UnitPagesSqliteTests(SqliteSiteFixture fixture) : UnitPagesTests<SqliteSiteFixture>(fixture);

public sealed class UnitPagesPostgresTests(PostgresSiteFixture fixture) : UnitPagesTests<PostgresSiteFixture>(fixture);
