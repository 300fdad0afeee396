using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Unit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>Version history, comparison and restore in the back office, for every role that may or may not use them.</summary>
public sealed class HistoryTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private sealed record Scenario(string Id, string Path, string V1, string V2, string OldTitle, string NewTitle)
    {
        public string HistoryUrl => $"/admin/noi-dung/{Id}/lich-su";
        public string RestoreUrl => $"/admin/noi-dung/{Id}/khoi-phuc";
        public string CompareUrl(string from, string to) => $"/admin/noi-dung/{Id}/so-sanh?from={from}&to={to}";
    }

    private static async Task<ContentActor> ActorAsync(IServiceProvider sp, string userName)
    {
        var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
        return new ContentActor(user!.Id, user.UserName!);
    }

    private static void AssertSaved(ContentResult result)
        => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));

    /// <summary>
    /// An initiative of Trường MN Bến Thành written by its contributor and published by the district curator (version 1), then changed and
    /// published again by the district curator (version 2): title, one line of the body and a criterion.
    /// </summary>
    private Task<Scenario> InitiativeWithTwoVersionsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var oldTitle = $"Bé tự xúc cơm {suffix}";
        var newTitle = $"Bé tự chọn món {suffix}";
        return fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, oldTitle);
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "## Mục tiêu\nTrẻ tự xúc cơm và dọn bàn.\nCô quan sát, ghi chép.";
            // Written by the contributor, published by the district curator (a school's Initiative is not published by its school).
            AssertSaved(await contents.SaveDraftAsync(item, await ActorAsync(sp, Accounts.Contributor)));
            var first = await contents.PublishLatestAsync(item.ContentItemId, await ActorAsync(sp, Accounts.DistrictCurator));
            AssertSaved(first);

            var second = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            second.GetOrCreatePart("TitlePart")["Title"] = newTitle;
            second.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "## Mục tiêu\nTrẻ tự chọn món và dọn bàn.\nCô quan sát, ghi chép.";
            second.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-1", "crit-3", "crit-5");
            second.GetOrCreateField("Initiative", "RelatedItems")["ContentItemIds"] = new JsonArray("modelsite-ben-thanh");
            var published = await contents.PublishAsync(second, await ActorAsync(sp, Accounts.DistrictCurator));
            AssertSaved(published);
            var path = published.Item!.Part("AutoroutePart")!["Path"]!.GetValue<string>();
            return new Scenario(item.ContentItemId, path, first.Item!.ContentItemVersionId, published.Item.ContentItemVersionId, oldTitle, newTitle);
        });
    }

    private Task<IReadOnlyList<ContentItem>> VersionsAsync(string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().ListVersionsAsync(id));

    private static IElement Section(IParentNode page, string key)
        => page.QuerySelector($"section.diff-field[data-field='{key}']") ?? throw new Xunit.Sdk.XunitException($"No changed field {key} on the page.");

    /// <summary>The path and query of a Location header, absolute or relative.</summary>
    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string Text(IElement? element) => element?.TextContent.Trim() ?? "";

    private static string LabelOf(ContentTypeDefinition type, string part, string field)
        => type.Parts.First(p => p.Name == part).PartDefinition.Fields.First(f => f.Name == field).DisplayName;

    [Fact]
    public async Task The_history_lists_every_version_newest_first_with_who_saved_it_and_when_in_Vietnam_time()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        var versions = await VersionsAsync(s.Id);
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);

        var (status, page) = await client.GetPageAsync(s.HistoryUrl);

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll(".history-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("#2", Text(rows[0].QuerySelector("th")));
        Assert.Equal("#1", Text(rows[1].QuerySelector("th")));
        Assert.Contains(Accounts.DistrictCurator, rows[0].TextContent);
        Assert.Contains(Accounts.Contributor, rows[1].TextContent);
        Assert.Contains(s.NewTitle, rows[0].TextContent);
        Assert.Contains(s.OldTitle, rows[1].TextContent);
        Assert.Equal("Mới nhất", Text(rows[0].QuerySelector(".badge.latest")));
        Assert.Equal("Đang xuất bản", Text(rows[0].QuerySelector(".badge.published")));
        Assert.Null(rows[1].QuerySelector(".badge"));
        Assert.Contains("Phiên bản trước đây", rows[1].TextContent);

        // Asia/Ho_Chi_Minh is UTC+7 all year round.
        for (var i = 0; i < 2; i++)
        {
            var expected = versions[i].ModifiedUtc!.Value.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
            Assert.Equal(expected, Text(rows[i].QuerySelector("time")));
        }

        // The two versions are chosen for comparison by default, and the form leads to the comparison.
        Assert.Equal(s.V1, page.QuerySelector("input[name=from][checked]")!.GetAttribute("value"));
        Assert.Equal(s.V2, page.QuerySelector("input[name=to][checked]")!.GetAttribute("value"));
        Assert.Equal($"/admin/noi-dung/{s.Id}/so-sanh", page.QuerySelector("form.history-form")!.GetAttribute("action"));
        Assert.Equal(s.V1, Assert.Single(page.QuerySelectorAll("button[form=restore-form][name=versionId]")).GetAttribute("value"));
    }

    [Fact]
    public async Task The_comparison_shows_each_changed_field_with_its_label_and_marks_insertions_and_deletions()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        var (type, criterion, schoolYear, related) = await fixture.WithServicesAsync(async sp =>
        {
            var taxonomies = sp.GetRequiredService<ITaxonomyService>();
            return ((await sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Initiative"))!,
                (await taxonomies.FindTermAsync("crit-5"))!.Title, (await taxonomies.FindTermAsync("sy-2024-2025"))!.Title,
                (await sp.GetRequiredService<IContentManager>().GetAsync("modelsite-ben-thanh"))!.DisplayText);
        });
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Reviewer);

        var (status, page) = await client.GetPageAsync(s.CompareUrl(s.V1, s.V2));

        Assert.Equal(HttpStatusCode.OK, status);
        var title = Section(page, "TitlePart.Title");
        Assert.Equal("Tiêu đề", Text(title.QuerySelector("h3")));
        Assert.Equal("xúc cơm", Text(title.QuerySelector("del")));
        Assert.Equal("chọn món", Text(title.QuerySelector("ins")));

        var body = Section(page, "MarkdownBodyPart.Markdown");
        Assert.Equal("Nội dung chi tiết", Text(body.QuerySelector("h3")));
        var changedLine = Assert.Single(body.QuerySelectorAll(".diff-modified"));
        Assert.Equal("xúc cơm", Text(changedLine.QuerySelector("del")));
        Assert.Equal("chọn món", Text(changedLine.QuerySelector("ins")));
        Assert.Contains("## Mục tiêu", body.QuerySelectorAll(".diff-unchanged").Select(Text));

        var criteria = Section(page, "Initiative.Criteria");
        Assert.Equal(LabelOf(type, "Initiative", "Criteria"), Text(criteria.QuerySelector("h3")));
        Assert.Equal(criterion, Text(Assert.Single(criteria.QuerySelectorAll("ins"))));
        Assert.Empty(criteria.QuerySelectorAll("del"));

        var picked = Section(page, "Initiative.RelatedItems");
        Assert.Equal(LabelOf(type, "Initiative", "RelatedItems"), Text(picked.QuerySelector("h3")));
        Assert.Equal(related, Text(picked.QuerySelector("ins")));

        // Unchanged fields are listed apart, collapsed, with their labels and readable values.
        Assert.Null(page.QuerySelector("section.diff-field[data-field='Initiative.Summary']"));
        var unchanged = page.QuerySelector("details.unchanged-fields")!;
        Assert.Null(unchanged.GetAttribute("open"));
        Assert.Contains(LabelOf(type, "Initiative", "Authors"), Text(unchanged.QuerySelector("li[data-field='Initiative.Authors']")));
        Assert.Contains("Trường Mầm non Bến Thành", Text(unchanged.QuerySelector("li[data-field='OrganizationPart.OrganizationId']")));
        Assert.Contains(schoolYear, Text(unchanged.QuerySelector("li[data-field='Initiative.SchoolYear']")));
        Assert.Equal("4 trường có thay đổi", Text(page.QuerySelector(".diff-heading")));
    }

    [Fact]
    public async Task Numbers_booleans_dates_links_media_and_organisations_are_compared_in_readable_form()
    {
        var (id, v1, v2, type) = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var curator = await ActorAsync(sp, Accounts.DistrictCurator);
            var item = await Items.NewModelSiteAsync(contents, "Mô hình so sánh " + Guid.NewGuid().ToString("N")[..6]);
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";
            item.GetOrCreateField("ModelSite", "OpenForVisits")["Value"] = false;
            item.GetOrCreateField("ModelSite", "DesignatedOn")["Value"] = "2023-03-29T00:00:00";
            item.GetOrCreateField("ModelSite", "Website")["Url"] = "https://cu.example.edu.vn";
            item.GetOrCreateField("ModelSite", "Website")["Text"] = "Trang cũ";
            item.GetOrCreateField("ModelSite", "Images")["Paths"] = new JsonArray("mau/a.jpg");
            item.GetOrCreateField("ModelSite", "Images")["MediaTexts"] = new JsonArray("Sân chơi");
            var first = await contents.SaveDraftAsync(item, curator);
            AssertSaved(first);
            var next = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            next.GetOrCreateField("ModelSite", "Latitude")["Value"] = 10.5m;
            next.GetOrCreateField("ModelSite", "OpenForVisits")["Value"] = true;
            next.GetOrCreateField("ModelSite", "DesignatedOn")["Value"] = "2024-09-05T00:00:00";
            next.GetOrCreateField("ModelSite", "Website")["Url"] = "https://moi.example.edu.vn";
            next.GetOrCreateField("ModelSite", "Images")["Paths"] = new JsonArray("mau/a.jpg", "mau/b.jpg");
            next.GetOrCreateField("ModelSite", "Images")["MediaTexts"] = new JsonArray("Sân chơi", "Vườn rau");
            next.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "phong-quan-1";
            next.GetOrCreatePart("AutoroutePart")["Path"] = "mo-hinh-diem/dia-chi-moi-" + item.ContentItemId;
            var second = await contents.SaveDraftAsync(next, curator);
            AssertSaved(second);
            var definition = await sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("ModelSite");
            return (item.ContentItemId, first.Item!.ContentItemVersionId, second.Item!.ContentItemVersionId, definition!);
        });
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);

        var (status, page) = await client.GetPageAsync($"/admin/noi-dung/{id}/so-sanh?from={v1}&to={v2}");

        Assert.Equal(HttpStatusCode.OK, status);
        void AssertChange(string key, string label, string? removed, string? added)
        {
            var section = Section(page, key);
            Assert.Equal(label, Text(section.QuerySelector("h3")));
            Assert.Equal(removed, section.QuerySelector("del") is { } d ? Text(d) : null);
            Assert.Equal(added, section.QuerySelectorAll("ins").Select(Text).LastOrDefault());
        }

        AssertChange("ModelSite.Latitude", LabelOf(type, "ModelSite", "Latitude"), "10,776889", "10,5");
        AssertChange("ModelSite.OpenForVisits", LabelOf(type, "ModelSite", "OpenForVisits"), "Không", "Có");
        AssertChange("ModelSite.DesignatedOn", LabelOf(type, "ModelSite", "DesignatedOn"), "29/03/2023", "05/09/2024");
        AssertChange("ModelSite.Website", LabelOf(type, "ModelSite", "Website"), "cu", "moi");
        AssertChange("ModelSite.Images", LabelOf(type, "ModelSite", "Images"), null, "mau/b.jpg – Vườn rau");
        AssertChange("OrganizationPart.OrganizationId", "Đơn vị", "Trường Mầm non Bến Thành", "Phòng Giáo dục và Đào tạo Quận 1");
        var path = Section(page, "AutoroutePart.Path");
        Assert.Equal("Đường dẫn", Text(path.QuerySelector("h3")));
        Assert.StartsWith("/mo-hinh-diem/mo-hinh-so-sanh-", string.Concat(path.QuerySelectorAll("del").Select(Text)));
        Assert.StartsWith("/mo-hinh-diem/dia-chi-moi-", string.Concat(path.QuerySelectorAll("ins").Select(Text)));
    }

    [Fact]
    public async Task Date_and_time_fields_are_compared_in_Vietnam_time()
    {
        var (id, v1, v2) = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var curator = await ActorAsync(sp, Accounts.DistrictCurator);
            var item = await contents.NewAsync("Event");
            item.GetOrCreatePart("TitlePart")["Title"] = "Hội nghị sơ kết " + Guid.NewGuid().ToString("N")[..6];
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "phong-quan-1";
            item.GetOrCreateField("Event", "Summary")["Text"] = "Sơ kết hai năm thực hiện chuyên đề.";
            item.GetOrCreateField("Event", "EventKind")["TermContentItemIds"] = new JsonArray("event-so-ket");
            item.GetOrCreateField("Event", "Location")["Text"] = "Hội trường Phòng GD&ĐT Quận 1";
            item.GetOrCreateField("Event", "StartsAt")["Value"] = "2026-12-01T01:30:00Z";
            var first = await contents.SaveDraftAsync(item, curator);
            AssertSaved(first);
            var next = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            next.GetOrCreateField("Event", "StartsAt")["Value"] = "2026-12-02T07:00:00Z";
            var second = await contents.SaveDraftAsync(next, curator);
            AssertSaved(second);
            return (item.ContentItemId, first.Item!.ContentItemVersionId, second.Item!.ContentItemVersionId);
        });
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);

        var (_, page) = await client.GetPageAsync($"/admin/noi-dung/{id}/so-sanh?from={v1}&to={v2}");

        var section = Section(page, "Event.StartsAt");
        Assert.Equal("01/12/2026 08:30", Text(section.QuerySelector(".diff-deleted")?.QuerySelector("del")));
        Assert.Equal("02/12/2026 14:00", Text(section.QuerySelector(".diff-inserted")?.QuerySelector("ins")));
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_draft_equal_to_it_and_the_published_version_stays_on_the_site()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        var oldVersion = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().GetVersionAsync(s.V1));
        using var client = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);

        using var response = await client.PostFormAsync(s.HistoryUrl, s.RestoreUrl, new() { ["versionId"] = s.V1 });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(s.HistoryUrl, response.Headers.Location!.OriginalString);
        var (_, page) = await client.GetPageAsync(s.HistoryUrl);
        Assert.Contains("Đã khôi phục phiên bản #1 thành một bản nháp mới (phiên bản #3)", Text(page.QuerySelector(".flash")));
        var rows = page.QuerySelectorAll(".history-table tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.NotNull(rows[0].QuerySelector(".badge.latest"));
        Assert.Null(rows[0].QuerySelector(".badge.published"));
        Assert.NotNull(rows[1].QuerySelector(".badge.published"));

        var (latest, published) = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            return (await contents.GetAsync(s.Id, VersionOptions.Latest), await contents.GetAsync(s.Id, VersionOptions.Published));
        });
        Assert.False(latest!.Published);
        Assert.NotEqual(s.V1, latest.ContentItemVersionId);
        Assert.True(JsonNode.DeepEquals(oldVersion!.Content, latest.Content), latest.Content.ToJsonString());
        Assert.Equal(s.OldTitle, latest.DisplayText);
        Assert.Equal(Accounts.DistrictCurator, latest.Author);
        Assert.Equal(s.V2, published!.ContentItemVersionId);
        Assert.Equal(s.NewTitle, published.DisplayText);

        using var visitor = fixture.CreateClient();
        var publicPage = await visitor.GetStringAsync("/" + s.Path);
        Assert.Contains(s.NewTitle, publicPage);
        Assert.DoesNotContain(s.OldTitle, publicPage);
    }

    [Fact]
    public async Task The_owner_contributor_may_restore_and_a_reviewer_may_look_but_not_restore()
    {
        var s = await InitiativeWithTwoVersionsAsync();

        using var reviewer = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Reviewer);
        var (reviewerStatus, reviewerPage) = await reviewer.GetPageAsync(s.HistoryUrl);
        Assert.Equal(HttpStatusCode.OK, reviewerStatus);
        Assert.Empty(reviewerPage.QuerySelectorAll("button[name=versionId]"));
        using (var denied = await reviewer.PostFormAsync("/admin", s.RestoreUrl, new() { ["versionId"] = s.V1 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.Equal(2, (await VersionsAsync(s.Id)).Count);

        using var owner = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Contributor);
        using var restored = await owner.PostFormAsync(s.HistoryUrl, s.RestoreUrl, new() { ["versionId"] = s.V1 });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(3, (await VersionsAsync(s.Id)).Count);
    }

    [Fact]
    public async Task An_old_version_that_fails_today_s_checks_is_not_restored_and_the_reason_is_shown_in_Vietnamese()
    {
        var typeName = "HistoryCheck" + Guid.NewGuid().ToString("N")[..8];
        string PartJson(bool required) => $$"""
            { "Name": "{{typeName}}", "Settings": {}, "ContentPartFieldDefinitionRecords": [
              { "FieldName": "TextField", "Name": "Note", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Ghi chú", "Position": "0" }, "TextFieldSettings": { "Required": {{(required ? "true" : "false")}} } } } ] }
            """;
        var (id, v1) = await fixture.WithServicesAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            await definitions.StorePartAsync(JsonNode.Parse(PartJson(required: false))!.AsObject());
            await definitions.StoreTypeAsync(JsonNode.Parse($$"""
                { "Name": "{{typeName}}", "DisplayName": "Kiểm tra lịch sử",
                  "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "{{typeName}}", "Name": "{{typeName}}" }, { "PartName": "OrganizationPart", "Name": "OrganizationPart" } ] }
                """)!.AsObject());
            var contents = sp.GetRequiredService<IContentManager>();
            var actor = await ActorAsync(sp, Accounts.DistrictCurator);
            var item = await contents.NewAsync(typeName);
            item.GetOrCreatePart("TitlePart")["Title"] = "Chưa có ghi chú";
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "phong-quan-1";
            var first = await contents.SaveDraftAsync(item, actor);
            AssertSaved(first);
            var next = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            next.GetOrCreateField(typeName, "Note")["Text"] = "Đã có ghi chú";
            AssertSaved(await contents.SaveDraftAsync(next, actor));
            // Since then the note has become required: the first version would no longer pass.
            await definitions.StorePartAsync(JsonNode.Parse(PartJson(required: true))!.AsObject());
            return (item.ContentItemId, first.Item!.ContentItemVersionId);
        });
        using var curator = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);
        var history = $"/admin/noi-dung/{id}/lich-su";

        using var response = await curator.PostFormAsync(history, $"/admin/noi-dung/{id}/khoi-phuc", new() { ["versionId"] = v1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        var errors = Text(page.QuerySelector(".error-summary"));
        Assert.Contains("Chưa khôi phục được phiên bản #1", errors);
        Assert.Contains("Ghi chú", errors);
        Assert.Equal(2, page.QuerySelectorAll(".history-table tbody tr").Length);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Đã có ghi chú", versions[0].Field(typeName, "Note")!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_of_a_type_that_keeps_no_versions_is_not_overwritten_by_a_restore()
    {
        var typeName = "NoVersions" + Guid.NewGuid().ToString("N")[..8];
        var (id, v1) = await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<IContentDefinitionManager>().StoreTypeAsync(JsonNode.Parse($$"""
                { "Name": "{{typeName}}", "DisplayName": "Không lưu phiên bản",
                  "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": false } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] }
                """)!.AsObject());
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync(typeName);
            item.GetOrCreatePart("TitlePart")["Title"] = "Bản đã đăng";
            var first = await contents.PublishAsync(item, ContentActor.System);
            AssertSaved(first);
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("TitlePart")["Title"] = "Bản nháp đang soạn";
            AssertSaved(await contents.SaveDraftAsync(draft, ContentActor.System));
            return (item.ContentItemId, first.Item!.ContentItemVersionId);
        });
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var history = $"/admin/noi-dung/{id}/lich-su";

        using var response = await admin.PostFormAsync(history, $"/admin/noi-dung/{id}/khoi-phuc", new() { ["versionId"] = v1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ghi đè bản nháp hiện tại", Text((await AdminClient.ParseAsync(response)).QuerySelector(".error-summary")));
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Bản nháp đang soạn", versions[0].DisplayText);
    }

    [Fact]
    public async Task Restoring_a_version_that_belonged_to_an_organisation_outside_the_user_s_scope_is_forbidden()
    {
        var (id, v1) = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, "Chuyển trường " + Guid.NewGuid().ToString("N")[..6]);
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-cuu-long";
            var first = await contents.SaveDraftAsync(item, ContentActor.System);
            AssertSaved(first);
            var moved = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            moved.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";
            AssertSaved(await contents.SaveDraftAsync(moved, ContentActor.System));
            return (item.ContentItemId, first.Item!.ContentItemVersionId);
        });
        using var curator = await AdminClient.SignedInAsync(fixture.Factory, Accounts.DistrictCurator);
        var history = $"/admin/noi-dung/{id}/lich-su";
        Assert.Equal(HttpStatusCode.OK, (await curator.GetPageAsync(history)).Status);

        // Restoring version 1 would hand the item back to a school of another district.
        using var response = await curator.PostFormAsync(history, $"/admin/noi-dung/{id}/khoi-phuc", new() { ["versionId"] = v1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await VersionsAsync(id)).Count);
    }

    [Fact]
    public async Task Items_outside_the_user_s_organisations_are_not_found()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        using var otherSchool = await AdminClient.SignedInAsync(fixture.Factory, Accounts.OtherSchoolContributor);
        using var otherDistrict = await AdminClient.SignedInAsync(fixture.Factory, Accounts.OtherDistrictCurator);

        foreach (var client in new[] { otherSchool, otherDistrict })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync(s.HistoryUrl)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync(s.CompareUrl(s.V1, s.V2))).Status);
            using var restore = await client.PostFormAsync("/admin", s.RestoreUrl, new() { ["versionId"] = s.V1 });
            Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        }

        Assert.Equal(2, (await VersionsAsync(s.Id)).Count);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_restore_without_the_token_is_refused()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        using var anonymous = new AdminClient(fixture.Factory);
        foreach (var url in new[] { s.HistoryUrl, s.CompareUrl(s.V1, s.V2) })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", PathOf(response.Headers.Location!));
        }

        using (var post = await anonymous.PostFormWithTokenAsync(s.RestoreUrl, [new("versionId", s.V1)], token: null))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", PathOf(post.Headers.Location!));
        }

        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        using (var noToken = await admin.PostFormWithTokenAsync(s.RestoreUrl, [new("versionId", s.V1)], token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.Equal(2, (await VersionsAsync(s.Id)).Count);
    }

    [Fact]
    public async Task Unknown_items_and_versions_of_another_item_are_not_found()
    {
        var s = await InitiativeWithTwoVersionsAsync();
        var other = await InitiativeWithTwoVersionsAsync();
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync("/admin/noi-dung/khong-ton-tai/lich-su")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync(s.CompareUrl(s.V1, other.V2))).Status);
        using var restore = await admin.PostFormAsync(s.HistoryUrl, s.RestoreUrl, new() { ["versionId"] = other.V1 });
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);

        // Without two versions chosen the comparison sends the user back to the history with a message.
        using var incomplete = await admin.GetAsync($"/admin/noi-dung/{s.Id}/so-sanh?from={s.V1}");
        Assert.Equal(HttpStatusCode.Redirect, incomplete.StatusCode);
        Assert.Contains("Hãy chọn hai phiên bản", Text((await admin.GetPageAsync(s.HistoryUrl)).Document.QuerySelector(".flash")));
        Assert.Equal(2, (await VersionsAsync(s.Id)).Count);
    }
}
