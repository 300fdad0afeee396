using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Search;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// Official documents (văn bản chỉ đạo, issue 14 part 4): the five seed plans of the sample recipe, <c>/van-ban</c> and
/// its filters (counts worked out by hand from the sample), the item page, feed, sitemap and menu, search, the output
/// cache, and creating and editing one in the back office.
/// </summary>
/// <remarks>
/// The sample documents: Đàm Hà (Công văn 95/PGDĐT, 12/02/2025, in force), Hòa Bình (Kế hoạch 356/SGD&amp;ĐT-MN&amp;TH,
/// 20/02/2023, with the plan's DOCX), Hải Phòng (Kế hoạch 2518/KH-SGDĐT, 23/09/2022), Quận 3 (Kế hoạch 701/KH-GDMN,
/// 14/09/2018), Quận 1 (Kế hoạch 289/KH-GDĐT, 09/05/2018). Documents the tests add are notices (doc-thong-bao) of 2026,
/// the Department's (so-hcm) but one of Quận 1, so that the hand counts stay true whatever the order of the tests.
/// </remarks>
public abstract class OfficialDocumentsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string DamHa = "V/v tiếp tục thực hiện hiệu quả chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm giai đoạn 2021–2025”";
    private const string HoaBinh = "Kế hoạch sơ kết 02 năm triển khai thực hiện chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm” giai đoạn 2021–2025";
    private const string HaiPhong = "Kế hoạch chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm” năm học 2022–2023";
    private const string Quan3 = "Kế hoạch hoạt động Ban chất lượng Giáo dục Mầm non năm học 2018–2019";
    private const string Quan1 = "Kế hoạch tổ chức sơ kết 02 năm thực hiện chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm giai đoạn 2016–2020”";
    private static readonly string[] SampleNewestFirst = [DamHa, HoaBinh, HaiPhong, Quan3, Quan1];

    private const string HoaBinhPath = "/van-ban/hoa-binh-ke-hoach-so-ket-02-nam-chuyen-de-2023";

    private static readonly HtmlParser Parser = new();

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PageAsync(string url)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(url);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Titles(IHtmlDocument page)
        => page.QuerySelectorAll("ol.documents .card-title a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The titles of every page of a list, following its pager (other tests may add documents of 2026).</summary>
    private async Task<List<string>> AllTitlesAsync(string url)
    {
        var titles = new List<string>();
        for (string? next = url; next is not null;)
        {
            var (response, page) = await PageAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            titles.AddRange(Titles(page));
            next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return titles;
    }

    private static string Canonical(IHtmlDocument page) => page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;

    /// <summary>A published notice of the Department issued in 2026 (outside every hand count but the whole list's).</summary>
    private async Task<ContentItem> PublishNoticeAsync(string title, string number, string summary = "Thông báo lịch làm việc của Sở.")
        => await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("OfficialDocument");
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "so-hcm";
            item.GetOrCreateField("OfficialDocument", "Number")["Text"] = number;
            item.GetOrCreateField("OfficialDocument", "IssuedOn")["Value"] = "2026-03-02T00:00:00";
            item.GetOrCreateField("OfficialDocument", "Kind")["TermContentItemIds"] = new JsonArray("doc-thong-bao");
            item.GetOrCreateField("OfficialDocument", "Summary")["Text"] = summary;
            item.GetOrCreateField("OfficialDocument", "Status")["Text"] = "in-force";
            var result = await contents.PublishAsync(item, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return item;
        });

    [SkippableFact]
    public async Task The_sample_recipe_holds_the_five_seed_documents_published_with_their_metadata()
    {
        fixture.SkipUnlessAvailable();
        var documents = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery
        {
            ContentTypes = ["OfficialDocument"], PageSize = 100,
        }));
        var samples = documents.Items.Where(i => i.ContentItemId.StartsWith("van-ban-", StringComparison.Ordinal))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        Assert.Equal(5, samples.Count);

        void Check(string id, string title, string organization, string number, string date, string kind, string status)
        {
            var item = samples[id];
            Assert.True(item.Published);
            Assert.Equal(title, item.DisplayText);
            Assert.Equal(organization, item.OrganizationId);
            Assert.Equal(number, Text(item, "OfficialDocument", "Number"));
            Assert.StartsWith(date, Text(item, "OfficialDocument", "IssuedOn", "Value"), StringComparison.Ordinal);
            Assert.Equal([kind], Strings(item, "OfficialDocument", "Kind", "TermContentItemIds"));
            Assert.Equal(status, Text(item, "OfficialDocument", "Status"));
            Assert.True(Text(item, "OfficialDocument", "Summary").Length > 100, id + " has a summary");
        }

        Check("van-ban-quan-1-ke-hoach-so-ket-2018", Quan1, "phong-quan-1", "289/KH-GDĐT", "2018-05-09", "doc-ke-hoach", "expired");
        Check("van-ban-hai-phong-ke-hoach-chuyen-de-2022-2023", HaiPhong, "so-hai-phong", "2518/KH-SGDĐT", "2022-09-23", "doc-ke-hoach", "expired");
        Check("van-ban-hoa-binh-ke-hoach-so-ket-2023", HoaBinh, "so-hoa-binh", "356/SGD&ĐT-MN&TH", "2023-02-20", "doc-ke-hoach", "expired");
        Check("van-ban-dam-ha-cong-van-tiep-tuc-chuyen-de-2025", DamHa, "phong-dam-ha", "95/PGDĐT", "2025-02-12", "doc-cong-van", "in-force");
        Check("van-ban-quan-3-ke-hoach-ban-chat-luong-2018-2019", Quan3, "phong-quan-3", "701/KH-GDMN", "2018-09-14", "doc-ke-hoach", "expired");
        Assert.Equal(["mau/ke-hoach-so-ket-02-nam-chuyen-de.docx"],
            Strings(samples["van-ban-hoa-binh-ke-hoach-so-ket-2023"], "OfficialDocument", "File", "Paths"));
    }

    [SkippableFact]
    public async Task The_list_shows_the_documents_newest_issued_first_with_their_metadata_in_the_site_layout()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await PageAsync("/van-ban");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Văn bản chỉ đạo", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(SampleNewestFirst, (await AllTitlesAsync("/van-ban")).Where(SampleNewestFirst.Contains).ToList());
        Assert.Equal("http://localhost/van-ban", Canonical(page));
        Assert.Contains("Kế hoạch, công văn", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(2, page.QuerySelectorAll("nav.breadcrumbs li").Length);
        Assert.Equal("Văn bản chỉ đạo", page.QuerySelector("nav.breadcrumbs a[aria-current=page]")!.TextContent.Trim());

        var (_, filtered) = await PageAsync("/van-ban?issuer=so-hoa-binh");
        var hoaBinh = filtered.QuerySelectorAll("li.document").Single(li => li.QuerySelector(".card-title")!.TextContent.Trim() == HoaBinh);
        var meta = hoaBinh.QuerySelectorAll("dl.document-meta > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("356/SGD&ĐT-MN&TH", meta["Số ký hiệu"]);
        Assert.Equal("20/02/2023", meta["Ngày ban hành"]);
        Assert.Equal("Sở Giáo dục và Đào tạo tỉnh Hòa Bình", meta["Cơ quan ban hành"]);
        Assert.Equal("Kế hoạch", meta["Loại văn bản"]);
        Assert.Equal("Hết hiệu lực", meta["Hiệu lực"]);
        Assert.Equal(HoaBinhPath, hoaBinh.QuerySelector(".card-title a")!.GetAttribute("href"));

        // In the main menu and the footer, current on the list.
        Assert.Equal("page", page.QuerySelector(".site-nav a[href='/van-ban']")!.GetAttribute("aria-current"));
        Assert.NotNull(page.QuerySelector(".footer-links a[href='/van-ban']"));
    }

    [SkippableFact]
    public async Task Filtering_by_issuer_kind_and_year_lists_the_hand_counted_documents()
    {
        fixture.SkipUnlessAvailable();
        async Task<List<string>> Filtered(string query, int expectedCount)
        {
            var (response, page) = await PageAsync("/van-ban?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{expectedCount} văn bản", page.QuerySelector(".results-count")!.TextContent.Trim());
            return Titles(page);
        }

        Assert.Equal([HoaBinh], await Filtered("issuer=so-hoa-binh", 1));
        Assert.Equal([HoaBinh, HaiPhong, Quan3, Quan1], await Filtered("kind=doc-ke-hoach", 4));
        Assert.Equal([DamHa], await Filtered("kind=doc-cong-van", 1));
        Assert.Equal([Quan3, Quan1], await Filtered("year=2018", 2));
        Assert.Equal([Quan1], await Filtered("year=2018&issuer=phong-quan-1&kind=doc-ke-hoach", 1));
        Assert.Equal([HaiPhong], await Filtered("kind=doc-ke-hoach&year=2022", 1));

        // The form: labelled drop-down lists sent by GET, options counted with the other filters kept.
        var (_, form) = await PageAsync("/van-ban?year=2018");
        var filters = form.QuerySelector("form.list-filters")!;
        Assert.Equal("get", filters.GetAttribute("method"));
        Assert.Equal("/van-ban", filters.GetAttribute("action"));
        foreach (var (name, label) in new[] { ("issuer", "Cơ quan ban hành"), ("kind", "Loại văn bản"), ("year", "Năm ban hành") })
        {
            var select = filters.QuerySelector($"select[name={name}]")!;
            Assert.Equal(label, filters.QuerySelector($"label[for='{select.Id}']")!.TextContent.Trim());
        }

        Assert.Equal("2018", filters.QuerySelector("select[name=year] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Kế hoạch (2)", filters.QuerySelector("select[name=kind] option[value=doc-ke-hoach]")!.TextContent.Trim());
        Assert.Equal("Công văn (0)", filters.QuerySelector("select[name=kind] option[value=doc-cong-van]")!.TextContent.Trim());
        Assert.Equal("2025 (1)", filters.QuerySelector("select[name=year] option[value='2025']")!.TextContent.Trim());
        Assert.Equal("Phòng Giáo dục và Đào tạo Quận 3 (1)", filters.QuerySelector("select[name=issuer] option[value=phong-quan-3]")!.TextContent.Trim());

        // Nothing matches: a Vietnamese sentence and a way back.
        var (none, nonePage) = await PageAsync("/van-ban?issuer=phong-dam-ha&kind=doc-ke-hoach");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Empty(Titles(nonePage));
        Assert.Equal("Không có văn bản nào phù hợp với bộ lọc. Hãy chọn cơ quan ban hành, loại văn bản hoặc năm khác, hoặc bỏ lọc.",
            nonePage.QuerySelector(".empty")!.TextContent.Trim());
        Assert.Equal("/van-ban", nonePage.QuerySelector("form.list-filters a")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task The_canonical_address_keeps_the_filters_in_a_fixed_order_and_ignores_unknown_values()
    {
        fixture.SkipUnlessAvailable();
        var (_, page) = await PageAsync("/van-ban?utm_source=zalo&year=2018&kind=doc-ke-hoach&issuer=phong-quan-3");
        Assert.Equal("http://localhost/van-ban?issuer=phong-quan-3&kind=doc-ke-hoach&year=2018", Canonical(page));
        Assert.Equal([Quan3], Titles(page));

        var all = await AllTitlesAsync("/van-ban");
        foreach (var unknown in new[] { "issuer=khong-co", "kind=kind-video", "year=1990", "year=abc", "year=-1" })
        {
            var (response, whole) = await PageAsync("/van-ban?" + unknown);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("http://localhost/van-ban", Canonical(whole));
            Assert.Equal(all.Take(12), Titles(whole));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync("/van-ban?page=99")).Response.StatusCode);
    }

    [SkippableFact]
    public async Task Paging_keeps_the_filters_and_publishing_and_unpublishing_show_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        // The cached list, feed and sitemap first.
        foreach (var url in new[] { "/van-ban", "/van-ban?issuer=so-hcm", "/van-ban/feed", "/sitemap.xml" })
        {
            await PageAsync(url);
            using var client = fixture.CreateClient();
            using var again = await client.GetAsync(url);
            Assert.NotNull(again.Headers.Age);
        }

        var title = FreshTitle("Thông báo lịch kiểm tra chuyên đề");
        var item = await PublishNoticeAsync(title, "12/TB-SGDĐT");
        var path = "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.StartsWith("/van-ban/", path, StringComparison.Ordinal);
        Assert.Contains(title, Titles((await PageAsync("/van-ban")).Page));
        Assert.Contains(title, Titles((await PageAsync("/van-ban?issuer=so-hcm")).Page));
        using (var client = fixture.CreateClient())
        {
            Assert.Contains(title, await client.GetStringAsync("/van-ban/feed"));
            Assert.Contains("http://localhost" + path + "<", await client.GetStringAsync("/sitemap.xml"));
        }

        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId, ContentActor.System)));
        Assert.DoesNotContain(title, Titles((await PageAsync("/van-ban")).Page));
        Assert.DoesNotContain(title, Titles((await PageAsync("/van-ban?issuer=so-hcm")).Page));
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(path)).Response.StatusCode);

        // Thirteen notices of the Department: two pages, the pager and the canonical address keep the filter.
        // (An issuer without published documents is no option: the count is asked of the engine.)
        var count = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery
        {
            ContentTypes = ["OfficialDocument"], OrganizationIds = ["so-hcm"], PageSize = 1,
        }))).Total;
        for (var i = count; i < 13; i++)
        {
            await PublishNoticeAsync(FreshTitle("Thông báo của Sở"), $"{i + 20}/TB-SGDĐT");
        }

        var (_, first) = await PageAsync("/van-ban?issuer=so-hcm");
        Assert.Equal(12, Titles(first).Count);
        Assert.Equal("/van-ban?issuer=so-hcm&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var (second, secondPage) = await PageAsync("/van-ban?issuer=so-hcm&page=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("http://localhost/van-ban?issuer=so-hcm&page=2", Canonical(secondPage));
        Assert.NotEmpty(Titles(secondPage));
        Assert.Empty(Titles(first).Intersect(Titles(secondPage)));
    }

    [SkippableFact]
    public async Task The_item_page_shows_the_metadata_as_a_definition_list_the_file_to_download_and_the_way_back_to_the_list()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await PageAsync(HoaBinhPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HoaBinh, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Văn bản chỉ đạo", page.QuerySelector(".item-header .card-type")!.TextContent.Trim());
        Assert.Contains("Sở Giáo dục và Đào tạo tỉnh Hòa Bình", page.QuerySelector(".item-meta")!.TextContent);
        Assert.StartsWith("Sở GD&ĐT Hòa Bình tổ chức sơ kết", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var fields = page.QuerySelectorAll(".item-fields dl > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Sở Giáo dục và Đào tạo tỉnh Hòa Bình", fields["Cơ quan ban hành"]);
        Assert.Equal("356/SGD&ĐT-MN&TH", fields["Số ký hiệu"]);
        Assert.Equal("20/02/2023", fields["Ngày ban hành"]);
        Assert.Equal("Kế hoạch", fields["Loại văn bản"]);
        Assert.Equal("Hết hiệu lực", fields["Hiệu lực"]);

        var download = page.QuerySelector(".downloads a[download]")!;
        Assert.Equal("/media/mau/ke-hoach-so-ket-02-nam-chuyen-de.docx", download.GetAttribute("href"));
        using var client = fixture.CreateClient();
        using var file = await client.GetAsync(download.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);

        var crumbs = page.QuerySelectorAll("nav.breadcrumbs li a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(3, crumbs.Count);
        Assert.Equal(("Văn bản chỉ đạo", "/van-ban"), crumbs[1]);
    }

    [SkippableFact]
    public async Task Search_finds_a_document_by_its_number_by_its_summary_typed_without_tone_marks_and_by_its_file()
    {
        fixture.SkipUnlessAvailable();
        await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndexMaintenance>().CatchUpAsync();
            return true;
        });
        using var client = fixture.CreateClient();
        async Task<IReadOnlyList<string>> HitsAsync(string query)
        {
            var html = await Search.SearchWaiting.SearchUntilAsync(client, query, "hit-title");
            return Parser.ParseDocument(html).QuerySelectorAll(".hit-title").Select(t => t.TextContent.Trim()).ToList();
        }

        Assert.Contains(HaiPhong, await HitsAsync("2518/KH-SGDĐT"));
        Assert.Contains(DamHa, await HitsAsync("95/PGDĐT"));
        Assert.Contains(Quan3, await HitsAsync("hat nhan ho tro chuyen mon"));
        Assert.Contains(HoaBinh, await HitsAsync("tra lai bao cao chua dat yeu cau"));

        // The kind of item facet offers official documents, and choosing it keeps them only.
        var filtered = Parser.ParseDocument(await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("so ket") + "&type=OfficialDocument"));
        var titles = filtered.QuerySelectorAll(".hit-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains(HoaBinh, titles);
        Assert.DoesNotContain(titles, t => t.StartsWith("Quận 1 sơ kết", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_Department_curator_creates_and_edits_a_document_in_the_back_office_and_the_public_sees_it()
    {
        fixture.SkipUnlessAvailable();
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var (status, editor) = await curator.GetPageAsync("/admin/noi-dung/tao/OfficialDocument");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Số ký hiệu", editor.QuerySelector("label[for=f-OfficialDocument-Number]")!.TextContent);
        Assert.Equal("date", editor.GetElementById("f-OfficialDocument-IssuedOn")!.GetAttribute("type"));
        Assert.Equal("SELECT", editor.GetElementById("f-OfficialDocument-Status")!.TagName);
        Assert.Equal("TEXTAREA", editor.GetElementById("f-OfficialDocument-Summary")!.TagName);

        // Required fields left empty: Vietnamese messages beside them, nothing stored.
        var title = FreshTitle("Hướng dẫn tổ chức tổng kết chuyên đề");
        using (var refused = await EditorForm.Of(editor).Set("TitlePart.Title", title).Set("OrganizationPart.OrganizationId", "so-hcm")
                   .SubmitAsync(curator, "_action", "publish"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var errors = await AdminClient.ParseAsync(refused);
            Assert.False(string.IsNullOrEmpty(ErrorBeside(errors, "OfficialDocument.Number")));
            Assert.False(string.IsNullOrEmpty(ErrorBeside(errors, "OfficialDocument.Summary")));
            Assert.Empty((await FindByTitleAsync(fixture, title)).Items);
        }

        using var saved = await (await EditFormAsync(curator, "/admin/noi-dung/tao/OfficialDocument"))
            .Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", "so-hcm")
            .Set("OfficialDocument.Number", "48/HD-SGDĐT")
            .Set("OfficialDocument.IssuedOn", "2026-03-05")
            .Set("OfficialDocument.Kind", "doc-thong-bao")
            .Set("OfficialDocument.Summary", "Hướng dẫn các Phòng GD&ĐT chuẩn bị báo cáo tổng kết chuyên đề.")
            .Set("OfficialDocument.Status", "in-force")
            .SubmitAsync(curator, "_action", "publish");
        var id = EditedId(saved);
        var published = (await PublishedAsync(fixture, id))!;
        Assert.Equal("so-hcm", published.OrganizationId);
        Assert.Equal("48/HD-SGDĐT", Text(published, "OfficialDocument", "Number"));
        var path = "/" + published.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.StartsWith("/van-ban/", path, StringComparison.Ordinal);
        Assert.Contains(title, Titles((await PageAsync("/van-ban?issuer=so-hcm")).Page));

        // Edited: replaced by the Đàm Hà letter; the item page shows the new status and the link.
        using var edited = await (await EditFormAsync(curator, $"/admin/noi-dung/{id}/sua"))
            .Set("OfficialDocument.Status", "replaced")
            .Set("OfficialDocument.ReplacedBy", "van-ban-dam-ha-cong-van-tiep-tuc-chuyen-de-2025")
            .SubmitAsync(curator, "_action", "publish");
        Assert.True(edited.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, edited.StatusCode.ToString());
        var (_, item) = await PageAsync(path);
        var fields = item.QuerySelectorAll(".item-fields dl > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!);
        Assert.Equal("Được thay thế", fields["Hiệu lực"].TextContent.Trim());
        Assert.NotNull(fields["Được thay thế bởi"].QuerySelector("a[href='/van-ban/dam-ha-cong-van-tiep-tuc-thuc-hien-chuyen-de-2025']"));
    }

    [SkippableFact]
    public async Task A_district_curator_cannot_issue_a_document_in_the_name_of_the_Department()
    {
        fixture.SkipUnlessAvailable();
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Kế hoạch của Phòng");
        var form = (await EditFormAsync(curator, "/admin/noi-dung/tao/OfficialDocument"))
            .Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", "so-hcm")
            .Set("OfficialDocument.Number", "77/KH-GDĐT")
            .Set("OfficialDocument.IssuedOn", "2026-03-05")
            .Set("OfficialDocument.Kind", "doc-thong-bao")
            .Set("OfficialDocument.Summary", "Kế hoạch thử.")
            .Set("OfficialDocument.Status", "in-force");
        using var response = await form.SubmitAsync(curator, "_action", "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không được chọn đơn vị này", ErrorBeside(await AdminClient.ParseAsync(response), "OrganizationPart.OrganizationId"));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // In the name of the district office it is published, and listed under that issuer.
        using var published = await form.Set("OrganizationPart.OrganizationId", "phong-quan-1").SubmitAsync(curator, "_action", "publish");
        Assert.Equal("phong-quan-1", (await PublishedAsync(fixture, EditedId(published)))!.OrganizationId);
        Assert.Contains(title, Titles((await PageAsync("/van-ban?issuer=phong-quan-1&year=2026")).Page));
    }
}

public sealed class OfficialDocumentsSqliteTests(SqliteSiteFixture fixture) : OfficialDocumentsTests<SqliteSiteFixture>(fixture);

public sealed class OfficialDocumentsPostgresTests(PostgresSiteFixture fixture) : OfficialDocumentsTests<PostgresSiteFixture>(fixture);
