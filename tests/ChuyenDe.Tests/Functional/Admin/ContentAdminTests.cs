using System.Net;
using System.Text.Json;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The generated editors and the content list, used through the real forms of the running site.</summary>
public sealed class ContentAdminTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await SchoolImageAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    private const string CreateInitiative = "/admin/noi-dung/tao/Initiative";

    /// <summary>Fills the Initiative form as a contributor would: several field kinds at once.</summary>
    private static EditorForm FillInitiative(EditorForm form, string title) => form
        .Set("TitlePart.Title", title)
        .Set("Initiative.Summary", "Trẻ tự chọn góc chơi, tự lấy và cất đồ dùng.\r\nCô quan sát và ghi lại sự tiến bộ của từng trẻ.")
        .Set("Initiative.Authors", "Nguyễn Thị Lan; Trần Thị Mai")
        .Set("Initiative.SchoolYear", "sy-2024-2025")
        .Set("Initiative.Criteria", "crit-2", "crit-3")
        .Set("Initiative.AgeGroups", "age-4-5", "age-5-6")
        .Set("Initiative.AppliedOn", "2024-09-05")
        .Set("Initiative.License", "https://creativecommons.org/licenses/by/4.0/")
        .Set("Initiative.Images", BenThanhImage)
        .Set($"Initiative.Images.MediaText[{BenThanhImage}]", "Góc thiên nhiên với chậu cây do trẻ tự chăm sóc")
        .Set("ConsentPart.Confirmed", "true")
        .Set("MarkdownBodyPart.Markdown", "## Cách làm\n\nMỗi sáng trẻ **tự chọn** góc chơi.");

    [Fact]
    public async Task A_contributor_creates_an_Initiative_with_many_field_kinds_as_a_draft_and_a_curator_publishes_it()
    {
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var (status, page) = await contributor.GetPageAsync(CreateInitiative);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TEXTAREA", page.GetElementById("f-Initiative-Summary")!.TagName);
        Assert.Equal("SELECT", page.GetElementById("f-Initiative-License")!.TagName);
        Assert.Equal("date", page.GetElementById("f-Initiative-AppliedOn")!.GetAttribute("type"));
        Assert.Equal("radio", page.QuerySelector("input[name='Initiative.SchoolYear']")!.GetAttribute("type"));
        Assert.Equal("checkbox", page.QuerySelector("input[name='Initiative.Criteria']")!.GetAttribute("type"));
        Assert.NotNull(page.QuerySelector($"input[name='Initiative.Images.MediaText[{BenThanhImage}]']"));
        Assert.Contains("Tóm tắt", page.QuerySelector("label[for=f-Initiative-Summary]")!.TextContent);
        Assert.Contains("f-Initiative-Summary-hint", page.GetElementById("f-Initiative-Summary")!.GetAttribute("aria-describedby"));
        // The contributor's school is fixed: no organisation can be chosen, and no publish button is offered.
        Assert.Null(page.QuerySelector("[name='OrganizationPart.OrganizationId']"));
        Assert.Contains("Trường Mầm non Bến Thành", page.GetElementById("f-OrganizationPart-OrganizationId")!.ParentElement!.TextContent);
        Assert.Null(page.QuerySelector("button[name=_action][value=publish]"));

        var title = FreshTitle("Trẻ tự chọn góc chơi");
        using var saved = await FillInitiative(EditorForm.Of(page), title).SubmitAsync(contributor);
        var id = EditedId(saved);

        var draft = (await LatestAsync(fixture, id))!;
        Assert.False(draft.Published);
        Assert.Equal(title, draft.DisplayText);
        Assert.Equal(BenThanh, draft.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());
        Assert.Equal(await UserIdAsync(fixture, Accounts.Contributor), draft.Owner);
        Assert.Equal("Trẻ tự chọn góc chơi, tự lấy và cất đồ dùng.\nCô quan sát và ghi lại sự tiến bộ của từng trẻ.", Text(draft, "Initiative", "Summary"));
        Assert.Equal(["crit-2", "crit-3"], Strings(draft, "Initiative", "Criteria", "TermContentItemIds"));
        Assert.Equal(["age-4-5", "age-5-6"], Strings(draft, "Initiative", "AgeGroups", "TermContentItemIds"));
        Assert.Equal("2024-09-05T00:00:00", Text(draft, "Initiative", "AppliedOn", "Value"));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Text(draft, "Initiative", "License"));
        Assert.Equal([BenThanhImage], Strings(draft, "Initiative", "Images", "Paths"));
        Assert.Equal(["Góc thiên nhiên với chậu cây do trẻ tự chăm sóc"], Strings(draft, "Initiative", "Images", "MediaTexts"));
        var path = draft.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.StartsWith("sang-kien/tre-tu-chon-goc-choi-", path);
        using (var anonymous = fixture.CreateClient())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/" + path)).StatusCode);
        }

        // The edit page shows what was saved, in the site's time zone and the form's shapes.
        var again = await EditFormAsync(contributor, $"/admin/noi-dung/{id}/sua");
        Assert.Equal("2024-09-05", again.Get("Initiative.AppliedOn"));
        Assert.Equal(["crit-2", "crit-3"], again.GetAll("Initiative.Criteria"));

        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var form = await EditFormAsync(curator, $"/admin/noi-dung/{id}/sua");
        Assert.Equal(title, form.Get("TitlePart.Title"));
        using var published = await form.SubmitAsync(curator, "_action", "publish");
        Assert.Equal(id, EditedId(published));

        using var visitor = fixture.CreateClient();
        using var itemPage = await visitor.GetAsync("/" + path);
        Assert.Equal(HttpStatusCode.OK, itemPage.StatusCode);
        var html = await itemPage.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("Góc thiên nhiên với chậu cây do trẻ tự chăm sóc", html);
        Assert.Contains("<strong>tự chọn</strong>", html);
    }

    [Fact]
    public async Task A_missing_required_field_is_shown_beside_it_in_Vietnamese_with_all_input_kept_then_fixed_and_published()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Bé làm nội trợ");
        var form = FillInitiative(await EditFormAsync(curator, CreateInitiative), title)
            .Set("OrganizationPart.OrganizationId", BenThanh)
            .Set("Initiative.Summary", "")
            .Set("Initiative.AppliedOn", "31/02/2024");

        using var refused = await form.SubmitAsync(curator, "_action", "publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AdminClient.ParseAsync(refused);
        Assert.Equal("Vui lòng nhập Tóm tắt.", ErrorBeside(page, "Initiative.Summary")!.Replace("Lỗi:", "").Trim());
        Assert.Contains("Ngày bắt đầu áp dụng không phải ngày hợp lệ", ErrorBeside(page, "Initiative.AppliedOn"));
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Contains("Vui lòng nhập Tóm tắt.", summary.TextContent);
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#f-Initiative-Summary");
        var summaryInput = page.GetElementById("f-Initiative-Summary")!;
        Assert.Equal("true", summaryInput.GetAttribute("aria-invalid"));
        Assert.Contains("f-Initiative-Summary-error", summaryInput.GetAttribute("aria-describedby"));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // Everything typed is still there, the wrong date as typed.
        var kept = EditorForm.Of(page);
        Assert.Equal(title, kept.Get("TitlePart.Title"));
        Assert.Equal("Nguyễn Thị Lan; Trần Thị Mai", kept.Get("Initiative.Authors"));
        Assert.Equal(["crit-2", "crit-3"], kept.GetAll("Initiative.Criteria"));
        Assert.Equal("sy-2024-2025", kept.Get("Initiative.SchoolYear"));
        Assert.Equal("31/02/2024", kept.Get("Initiative.AppliedOn"));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", kept.Get("Initiative.License"));
        Assert.Equal([BenThanhImage], kept.GetAll("Initiative.Images"));
        Assert.Equal("Góc thiên nhiên với chậu cây do trẻ tự chăm sóc", kept.Get($"Initiative.Images.MediaText[{BenThanhImage}]"));
        Assert.Equal("## Cách làm\n\nMỗi sáng trẻ **tự chọn** góc chơi.", kept.Get("MarkdownBodyPart.Markdown")!.Replace("\r\n", "\n"));
        Assert.Equal(BenThanh, kept.Get("OrganizationPart.OrganizationId"));

        using var fixedUp = await kept.Set("Initiative.Summary", "Trẻ cùng cô chuẩn bị bữa phụ.").Set("Initiative.AppliedOn", "29/02/2024")
            .SubmitAsync(curator, "_action", "publish");
        var id = EditedId(fixedUp);
        var item = (await PublishedAsync(fixture, id))!;
        Assert.Equal("2024-02-29T00:00:00", Text(item, "Initiative", "AppliedOn", "Value"));
        using var visitor = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Editing_a_published_item_keeps_the_public_text_until_the_draft_is_published_and_a_draft_can_be_discarded()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Góc đọc sách cùng ba mẹ");
        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.DistrictCurator, publish: true);
        var url = "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        using var visitor = fixture.CreateClient();

        var form = await EditFormAsync(curator, $"/admin/noi-dung/{item.ContentItemId}/sua");
        using var draft = await form.Set("MarkdownBodyPart.Markdown", "Nội dung đã sửa, chưa xuất bản.").SubmitAsync(curator);
        EditedId(draft);

        var publicHtml = await visitor.GetStringAsync(url);
        Assert.Contains("Nội dung ban đầu của sáng kiến.", publicHtml);
        Assert.DoesNotContain("Nội dung đã sửa", publicHtml);
        var (_, editPage) = await curator.GetPageAsync($"/admin/noi-dung/{item.ContentItemId}/sua");
        Assert.Contains("Trang vẫn hiển thị phiên bản đã xuất bản", editPage.QuerySelector(".item-status")!.TextContent);
        var (_, list) = await curator.GetPageAsync("/admin/noi-dung?status=Draft&q=" + Uri.EscapeDataString(title));
        Assert.Contains(title, list.QuerySelector("table.content-list")!.TextContent);

        // Discarding the draft brings the published text back into the editor.
        using var discarded = await curator.PostFormAsync($"/admin/noi-dung/{item.ContentItemId}/sua",
            $"/admin/noi-dung/{item.ContentItemId}/huy-nhap", []);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var latest = (await LatestAsync(fixture, item.ContentItemId))!;
        Assert.True(latest.Published);
        Assert.Equal("Nội dung ban đầu của sáng kiến.", latest.Part("MarkdownBodyPart")!["Markdown"]!.GetValue<string>());

        form = await EditFormAsync(curator, $"/admin/noi-dung/{item.ContentItemId}/sua");
        using var published = await form.Set("MarkdownBodyPart.Markdown", "Nội dung mới đã xuất bản.").SubmitAsync(curator, "_action", "publish");
        EditedId(published);
        publicHtml = await visitor.GetStringAsync(url);
        Assert.Contains("Nội dung mới đã xuất bản.", publicHtml);
    }

    [Fact]
    public async Task Numbers_booleans_links_and_times_are_read_in_the_site_s_conventions()
    {
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var title = FreshTitle("Mô hình trường xanh");
        var form = (await EditFormAsync(curator, "/admin/noi-dung/tao/ModelSite"))
            .Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", BenThanh)
            .Set("ModelSite.Summary", "Trường xanh, an toàn, thân thiện.")
            .Set("ModelSite.Theme", "theme-xanh-an-toan-than-thien")
            .Set("ModelSite.Level", "level-tinh-thanh")
            .Set("ModelSite.Address", "Số 1 Lê Lợi, Quận 1")
            .Set("ModelSite.Latitude", "10,776889")
            .Set("ModelSite.Longitude", "106.700806")
            .Set("ModelSite.ChildrenCount", "-5")
            .Set("ModelSite.ClassCount", "mười")
            .Set("ModelSite.OpenForVisits", "true")
            .Set("ModelSite.Website.Url", "javascript:alert(1)")
            .Set("ModelSite.Website.Text", "Trang của trường");

        using var refused = await form.SubmitAsync(curator);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AdminClient.ParseAsync(refused);
        Assert.Contains("Số trẻ phải lớn hơn hoặc bằng 0", ErrorBeside(page, "ModelSite.ChildrenCount"));
        Assert.Contains("Số nhóm, lớp phải là một số", ErrorBeside(page, "ModelSite.ClassCount"));
        Assert.Contains("phải là địa chỉ web bắt đầu bằng http:// hoặc https://", ErrorBeside(page, "ModelSite.Website"));
        var kept = EditorForm.Of(page);
        Assert.Equal("10,776889", kept.Get("ModelSite.Latitude"));
        Assert.Equal("mười", kept.Get("ModelSite.ClassCount"));
        Assert.Equal("true", kept.Get("ModelSite.OpenForVisits"));

        using var saved = await kept.Set("ModelSite.ChildrenCount", "320").Set("ModelSite.ClassCount", "12")
            .Set("ModelSite.Website.Url", "https://mnbenthanh.example.edu.vn").SubmitAsync(curator);
        var item = (await LatestAsync(fixture, EditedId(saved)))!;
        var fields = item.Part("ModelSite")!;
        Assert.Equal(10.776889m, fields["Latitude"]!["Value"]!.GetValue<decimal>());
        Assert.Equal(320m, fields["ChildrenCount"]!["Value"]!.GetValue<decimal>());
        Assert.True(fields["OpenForVisits"]!["Value"]!.GetValue<bool>());
        Assert.Equal("https://mnbenthanh.example.edu.vn", fields["Website"]!["Url"]!.GetValue<string>());

        // An event: its start is typed in Vietnam time and stored in UTC; its publishing can be scheduled.
        var eventTitle = FreshTitle("Hội nghị sơ kết chuyên đề");
        var eventForm = (await EditFormAsync(curator, "/admin/noi-dung/tao/Event"))
            .Set("TitlePart.Title", eventTitle)
            .Set("OrganizationPart.OrganizationId", "so-hcm")
            .Set("Event.Summary", "Sơ kết hai năm thực hiện chuyên đề.")
            .Set("Event.EventKind", "event-so-ket")
            .Set("Event.StartsAt", "2026-03-29T08:30")
            .Set("Event.Location", "Hội trường Sở GD&ĐT")
            .Set("PublishLaterPart.ScheduledPublishUtc", "2030-01-01T07:00");
        using var eventSaved = await eventForm.SubmitAsync(curator);
        var eventId = EditedId(eventSaved);
        var ev = (await LatestAsync(fixture, eventId))!;
        Assert.Equal("2026-03-29T01:30:00Z", Text(ev, "Event", "StartsAt", "Value"));
        Assert.Equal("2030-01-01T00:00:00Z", ev.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());
        var shown = await EditFormAsync(curator, $"/admin/noi-dung/{eventId}/sua");
        Assert.Equal("2026-03-29T08:30", shown.Get("Event.StartsAt"));
        Assert.Equal("2030-01-01T07:00", shown.Get("PublishLaterPart.ScheduledPublishUtc"));

        // A copy is a plain draft: the scheduler must not publish it unasked.
        using var cloned = await curator.PostFormAsync("/admin/noi-dung", $"/admin/noi-dung/{eventId}/nhan-ban", []);
        var copy = (await LatestAsync(fixture, EditedId(cloned)))!;
        Assert.Equal("2026-03-29T01:30:00Z", Text(copy, "Event", "StartsAt", "Value"));
        Assert.Null(copy.Part("PublishLaterPart")!["ScheduledPublishUtc"]);
    }

    [Fact]
    public async Task A_contributor_cannot_schedule_publishing_and_an_edit_by_them_cancels_a_curator_s_schedule()
    {
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Hẹn giờ"), BenThanh, Accounts.Contributor, publish: false);
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("PublishLaterPart")["ScheduledPublishUtc"] = "2031-05-01T01:00:00Z";
            return await contents.SaveDraftAsync(latest, new ContentActor("curator", Accounts.DistrictCurator));
        });
        var contributor = await SessionAsync(fixture, Accounts.Contributor);

        var (_, page) = await contributor.GetPageAsync($"/admin/noi-dung/{item.ContentItemId}/sua");
        Assert.Null(page.QuerySelector("[name='PublishLaterPart.ScheduledPublishUtc']"));
        Assert.Contains("08:00 01/05/2031", page.GetElementById("f-PublishLaterPart-ScheduledPublishUtc")!.ParentElement!.TextContent);

        using var saved = await EditorForm.Of(page).Set("PublishLaterPart.ScheduledPublishUtc", "2026-01-01T00:00")
            .Set("Initiative.Authors", "Nguyễn Thị Lan; Lê Thị Hoa").SubmitAsync(contributor);
        EditedId(saved);
        var latest = (await LatestAsync(fixture, item.ContentItemId))!;
        Assert.Null(latest.Part("PublishLaterPart")!["ScheduledPublishUtc"]);
        var (_, after) = await contributor.GetPageAsync($"/admin/noi-dung/{item.ContentItemId}/sua");
        Assert.Contains("hẹn giờ đăng đã bị bỏ", after.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task A_page_with_an_HTML_body_and_a_typed_address_is_published_sanitised_at_that_address()
    {
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var (status, page) = await curator.GetPageAsync("/admin/noi-dung/tao/Page");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TEXTAREA", page.GetElementById("f-HtmlBodyPart-Html")!.TagName);
        Assert.Null(page.QuerySelector("[name='OrganizationPart.OrganizationId']"));
        var slug = "lien-he-" + Guid.NewGuid().ToString("N")[..6];

        using var published = await EditorForm.Of(page)
            .Set("TitlePart.Title", FreshTitle("Liên hệ"))
            .Set("AutoroutePart.Path", "Giới thiệu/" + slug)
            .Set("HtmlBodyPart.Html", "<p onclick=\"steal()\">Liên hệ <b>Phòng GDMN</b></p><script>steal()</script>")
            .SubmitAsync(curator, "_action", "publish");
        var item = (await PublishedAsync(fixture, EditedId(published)))!;

        Assert.Equal("gioi-thieu/" + slug, item.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        using var visitor = fixture.CreateClient();
        var html = await visitor.GetStringAsync("/gioi-thieu/" + slug);
        Assert.Contains("Liên hệ <b>Phòng GDMN</b>", html);
        Assert.DoesNotContain("steal()", html);
    }

    [Fact]
    public async Task The_preview_button_renders_sanitised_Markdown_with_and_without_JavaScript()
    {
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var title = FreshTitle("Xem trước");
        var form = (await EditFormAsync(contributor, CreateInitiative)).Set("TitlePart.Title", title)
            .Set("MarkdownBodyPart.Markdown", "**Đậm** <script>alert(1)</script> [x](javascript:alert(1))");

        // Without JavaScript: the form comes back with the preview and nothing is saved.
        using var response = await form.SubmitAsync(contributor, "_preview", "MarkdownBodyPart.Markdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        var preview = page.QuerySelector("#f-MarkdownBodyPart-Markdown-preview")!;
        Assert.False(preview.HasAttribute("hidden"));
        Assert.Equal("Đậm", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", preview.InnerHtml);
        Assert.Equal(title, EditorForm.Of(page).Get("TitlePart.Title"));
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // With JavaScript: the endpoint answers the fragment; the token travels in the X-CSRF-TOKEN header.
        var token = await contributor.GetTokenAsync(CreateInitiative);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/noi-dung/xem-truoc")
        {
            Content = new FormUrlEncodedContent([new("text", "# Tiêu đề <img src=x onerror=alert(1)>"), new("kind", "markdown")]),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        using var fragment = await contributor.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = await fragment.Content.ReadAsStringAsync();
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html);
        Assert.Equal("Tiêu đề <img src=x onerror=alert(1)>", parsed.QuerySelector("h1")!.TextContent);
        Assert.Null(parsed.QuerySelector("img"));
        Assert.DoesNotContain(parsed.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));

        using var html2 = new HttpRequestMessage(HttpMethod.Post, "/admin/noi-dung/xem-truoc")
        {
            Content = new FormUrlEncodedContent([new("text", "<p onclick=\"x()\">Xin chào</p><script>x()</script>"), new("kind", "html")]),
        };
        html2.Headers.Add("X-CSRF-TOKEN", token);
        var sanitized = await (await contributor.Http.SendAsync(html2)).Content.ReadAsStringAsync();
        Assert.Equal("<p>Xin chào</p>", sanitized.Trim());
    }

    [Fact]
    public async Task The_list_shows_latest_versions_in_scope_with_filters_paging_and_local_times()
    {
        var title = FreshTitle("Danh sách Cửu Long");
        var cuuLong = await CreateInitiativeAsync(fixture, title, CuuLong, Accounts.OtherSchoolContributor, publish: false);
        var mine = await CreateInitiativeAsync(fixture, FreshTitle("Danh sách Bến Thành"), BenThanh, Accounts.Contributor, publish: false);

        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var (status, page) = await contributor.GetPageAsync("/admin/noi-dung?status=Draft");
        Assert.Equal(HttpStatusCode.OK, status);
        var table = page.QuerySelector("table.content-list")!.TextContent;
        Assert.Contains(mine.DisplayText, table);
        Assert.DoesNotContain(title, table);
        Assert.DoesNotContain("Đã xuất bản", page.QuerySelector("table.content-list tbody")!.TextContent);
        var row = page.QuerySelectorAll("table.content-list tbody tr").Single(r => r.TextContent.Contains(mine.DisplayText));
        Assert.Equal($"/admin/noi-dung/{mine.ContentItemId}/sua", row.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("Nguyễn Thị Lan", row.TextContent);
        var modified = TimeZoneInfo.ConvertTimeFromUtc(mine.ModifiedUtc!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Assert.Contains(modified.ToString("HH:mm dd/MM/yyyy"), row.TextContent);

        // The create menu lists the types with an organisation the contributor may create; pages are not among them.
        var create = page.QuerySelectorAll(".create-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/noi-dung/tao/Initiative", create);
        Assert.DoesNotContain("/admin/noi-dung/tao/Page", create);

        // Published items of the school, the sample's included, and filters by type, term and text.
        (_, page) = await contributor.GetPageAsync("/admin/noi-dung?status=Published&type=Initiative&term=crit-3&q=gio%20an");
        Assert.Contains("Đổi mới giờ ăn cho trẻ", page.QuerySelector("table.content-list")!.TextContent);
        Assert.All(page.QuerySelectorAll("table.content-list tbody tr"), r => Assert.Contains("Sáng kiến", r.TextContent));

        // A district curator of another district sees the other school's draft, not this one.
        var other = await SessionAsync(fixture, Accounts.OtherDistrictCurator);
        (_, page) = await other.GetPageAsync("/admin/noi-dung?q=" + Uri.EscapeDataString(title));
        Assert.Contains(cuuLong.DisplayText, page.QuerySelector("table.content-list")!.TextContent);
        (_, page) = await other.GetPageAsync("/admin/noi-dung?q=" + Uri.EscapeDataString(mine.DisplayText));
        Assert.Null(page.QuerySelector("table.content-list"));

        // Paging with totals: the Department curator sees many items, twenty a page.
        var department = await SessionAsync(fixture, Accounts.DepartmentCurator);
        (_, page) = await department.GetPageAsync("/admin/noi-dung?sort=title");
        Assert.Equal(20, page.QuerySelectorAll("table.content-list tbody tr").Length);
        Assert.Contains("trang 1/", page.QuerySelector(".results-count")!.TextContent);
        Assert.NotNull(page.QuerySelector(".pager a[rel=next]"));
        (_, var second) = await department.GetPageAsync("/admin/noi-dung?sort=title&page=2");
        Assert.NotEqual(page.QuerySelector("tbody tr")!.TextContent, second.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task The_picker_search_returns_only_items_the_user_may_see_and_the_form_keeps_picked_items()
    {
        var hidden = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp riêng Cửu Long"), CuuLong, Accounts.OtherSchoolContributor, publish: false);
        var visible = await CreateInitiativeAsync(fixture, FreshTitle("Bản đã đăng Cửu Long"), CuuLong, Accounts.OtherSchoolContributor, publish: true);
        var contributor = await SessionAsync(fixture, Accounts.Contributor);

        async Task<List<string>> SearchAsync(string q)
        {
            using var response = await contributor.GetAsync("/admin/noi-dung/tim?types=Initiative,ModelSite&q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        }

        Assert.Empty(await SearchAsync(hidden.DisplayText));
        Assert.Equal([visible.ContentItemId], await SearchAsync(visible.DisplayText));

        var title = FreshTitle("Liên kết học liệu");
        var form = FillInitiative(await EditFormAsync(contributor, CreateInitiative), title)
            .Set("Initiative.RelatedItems", visible.ContentItemId);
        var id = EditedId(await form.SubmitAsync(contributor));
        Assert.Equal([visible.ContentItemId], Strings((await LatestAsync(fixture, id))!, "Initiative", "RelatedItems", "ContentItemIds"));
        var shown = await EditFormAsync(contributor, $"/admin/noi-dung/{id}/sua");
        Assert.Equal([visible.ContentItemId], shown.GetAll("Initiative.RelatedItems"));

        // An id of a draft the contributor may not see is refused like an id that does not exist.
        using var refused = await shown.Set("Initiative.RelatedItems", visible.ContentItemId, hidden.ContentItemId).SubmitAsync(contributor);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("mục đã chọn không tồn tại", ErrorBeside(await AdminClient.ParseAsync(refused), "Initiative.RelatedItems"));
    }

    [Fact]
    public async Task Clone_and_delete_work_through_their_buttons()
    {
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Nhân bản"), BenThanh, Accounts.Contributor, publish: false);

        using var cloned = await contributor.PostFormAsync("/admin/noi-dung", $"/admin/noi-dung/{item.ContentItemId}/nhan-ban", []);
        var copyId = EditedId(cloned);
        Assert.NotEqual(item.ContentItemId, copyId);
        var copy = (await LatestAsync(fixture, copyId))!;
        Assert.Equal(item.DisplayText, copy.DisplayText);
        Assert.Equal(await UserIdAsync(fixture, Accounts.Contributor), copy.Owner);

        // Deleting asks for confirmation first.
        var (status, confirm) = await contributor.GetPageAsync($"/admin/noi-dung/{copyId}/xoa");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(confirm.QuerySelector("input[name=confirm]"));
        using var unconfirmed = await contributor.PostFormAsync($"/admin/noi-dung/{copyId}/xoa", $"/admin/noi-dung/{copyId}/xoa", []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("đánh dấu ô xác nhận", (await AdminClient.ParseAsync(unconfirmed)).QuerySelector(".error-summary")!.TextContent);
        Assert.NotNull(await LatestAsync(fixture, copyId));

        using var deleted = await contributor.PostFormAsync($"/admin/noi-dung/{copyId}/xoa", $"/admin/noi-dung/{copyId}/xoa", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await LatestAsync(fixture, copyId));
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/admin/noi-dung/{copyId}/sua")).StatusCode);
    }

    [Fact]
    public async Task A_save_from_an_outdated_form_is_stopped_with_the_input_kept()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Hai người cùng sửa"), BenThanh, Accounts.DistrictCurator, publish: false);
        var first = await EditFormAsync(curator, $"/admin/noi-dung/{item.ContentItemId}/sua");
        var second = await EditFormAsync(curator, $"/admin/noi-dung/{item.ContentItemId}/sua");
        EditedId(await second.Set("Initiative.Authors", "Người sửa thứ hai").SubmitAsync(curator));

        using var stale = await first.Set("Initiative.Authors", "Người sửa thứ nhất").SubmitAsync(curator);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await AdminClient.ParseAsync(stale);
        Assert.Contains("Đã có người lưu nội dung này", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal("Người sửa thứ nhất", EditorForm.Of(page).Get("Initiative.Authors"));
        Assert.Equal("Người sửa thứ hai", Text((await LatestAsync(fixture, item.ContentItemId))!, "Initiative", "Authors"));
        EditedId(await EditorForm.Of(page).SubmitAsync(curator));
        Assert.Equal("Người sửa thứ nhất", Text((await LatestAsync(fixture, item.ContentItemId))!, "Initiative", "Authors"));
    }
}
