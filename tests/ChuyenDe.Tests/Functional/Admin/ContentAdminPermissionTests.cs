using System.Net;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>
/// Every endpoint of the generated editors for every demo role: allowed actions succeed, denied ones are refused with
/// 403 when the user sees the item and 404 when it is outside their scope, so that its existence does not leak.
/// </summary>
public sealed class ContentAdminPermissionTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    /// <summary>A sample item of Trường MN Bến Thành (Quận 1, TP.HCM), published, owned by the administrator.</summary>
    private const string SampleBenThanh = "initiative-doi-moi-gio-an";

    private enum Outcome
    {
        Allowed,
        Forbidden,
        NotFound,
    }

    private sealed record Endpoint(string Name, HttpMethod Method, string Path);

    /// <summary>The item endpoints, those that change something last.</summary>
    private static IEnumerable<Endpoint> ItemEndpoints(string id) =>
    [
        new("view", HttpMethod.Get, $"/admin/noi-dung/{id}"),
        new("edit form", HttpMethod.Get, $"/admin/noi-dung/{id}/sua"),
        new("delete page", HttpMethod.Get, $"/admin/noi-dung/{id}/xoa"),
        new("save draft", HttpMethod.Post, $"/admin/noi-dung/{id}/sua"),
        new("publish", HttpMethod.Post, $"/admin/noi-dung/{id}/sua#publish"),
        new("clone", HttpMethod.Post, $"/admin/noi-dung/{id}/nhan-ban"),
        new("discard draft", HttpMethod.Post, $"/admin/noi-dung/{id}/huy-nhap"),
        new("unpublish", HttpMethod.Post, $"/admin/noi-dung/{id}/go-xuat-ban"),
        new("delete", HttpMethod.Post, $"/admin/noi-dung/{id}/xoa"),
    ];

    /// <summary>Sends one endpoint as the user would: forms posted with what the edit page showed (or a dummy title when refused).</summary>
    private static async Task<HttpStatusCode> SendAsync(AdminClient client, Endpoint endpoint)
    {
        if (endpoint.Method == HttpMethod.Get)
        {
            using var get = await client.GetAsync(endpoint.Path);
            return get.StatusCode;
        }

        var token = await client.GetTokenAsync("/admin");
        var path = endpoint.Path.Split('#')[0];
        var fields = new List<KeyValuePair<string, string>>();
        if (path.EndsWith("/sua", StringComparison.Ordinal))
        {
            using var page = await client.GetAsync(path);
            if (page.StatusCode == HttpStatusCode.OK)
            {
                var form = EditorForm.Of(await AdminClient.ParseAsync(page));
                fields.AddRange(form.With("_action", endpoint.Path.EndsWith("#publish", StringComparison.Ordinal) ? "publish" : "draft"));
            }
            else
            {
                fields.Add(new("TitlePart.Title", "Tiêu đề không được phép"));
                fields.Add(new("_action", endpoint.Path.EndsWith("#publish", StringComparison.Ordinal) ? "publish" : "draft"));
            }
        }

        if (path.EndsWith("/xoa", StringComparison.Ordinal))
        {
            fields.Add(new("confirm", "true"));
        }

        using var response = await client.PostFormWithTokenAsync(path, fields, token);
        return response.StatusCode;
    }

    private static HttpStatusCode Expected(Outcome outcome, Endpoint endpoint) => outcome switch
    {
        Outcome.Allowed => endpoint.Method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.Redirect,
        Outcome.Forbidden => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.NotFound,
    };

    private async Task AssertMatrixAsync(string userName, Func<string, ContentItem> itemFor, Dictionary<string, Outcome> expected)
    {
        var client = await SessionAsync(fixture, userName);
        var failures = new List<string>();
        foreach (var (name, outcome) in expected)
        {
            // A fresh item per endpoint: deleting or unpublishing one must not change the next check.
            var item = itemFor(name);
            var endpoint = ItemEndpoints(item.ContentItemId).Single(e => e.Name == name);
            var status = await SendAsync(client, endpoint);
            if (status != Expected(outcome, endpoint))
            {
                failures.Add($"{userName} {name} {endpoint.Path}: expected {Expected(outcome, endpoint)}, got {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly string[] Actions = ["view", "edit form", "delete page", "save draft", "publish", "clone", "discard draft", "unpublish", "delete"];

    private static Dictionary<string, Outcome> All(Outcome outcome) => Actions.ToDictionary(a => a, _ => outcome);

    /// <summary>A published item with a newer draft, so that discard and unpublish have something to do.</summary>
    private async Task<ContentItem> PublishedWithDraftAsync(string organizationId, string owner)
    {
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Quyền hạn"), organizationId, owner, publish: true);
        var ownerId = await UserIdAsync(fixture, owner);
        return await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Bản nháp mới.";
            var result = await contents.SaveDraftAsync(draft, new ContentActor(ownerId, owner));
            Assert.True(result.Succeeded);
            return result.Item!;
        });
    }

    private async Task<Func<string, ContentItem>> ItemsAsync(string organizationId, string owner)
    {
        var items = new Dictionary<string, ContentItem>();
        foreach (var action in Actions)
        {
            items[action] = await PublishedWithDraftAsync(organizationId, owner);
        }

        return action => items[action];
    }

    [Fact]
    public async Task A_school_contributor_acts_on_own_items_of_the_school_only()
    {
        var own = await ItemsAsync(BenThanh, Accounts.Contributor);
        var expected = All(Outcome.Allowed);
        expected["publish"] = Outcome.Forbidden;
        expected["unpublish"] = Outcome.Forbidden;
        // Deleting takes the published version off the site: that needs the right to unpublish, which a school lacks.
        expected["delete page"] = Outcome.Forbidden;
        expected["delete"] = Outcome.Forbidden;
        await AssertMatrixAsync(Accounts.Contributor, own, expected);

        // Another user's item of the same school: seen, not changed.
        var colleagues = await ItemsAsync(BenThanh, Accounts.DistrictCurator);
        var seen = All(Outcome.Forbidden);
        seen["view"] = Outcome.Allowed;
        await AssertMatrixAsync(Accounts.Contributor, colleagues, seen);

        // Another school's item by id: not found, whatever the action.
        await AssertMatrixAsync(Accounts.Contributor, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.NotFound));
    }

    [Fact]
    public async Task A_district_curator_acts_inside_the_district_and_gets_404_outside_it()
    {
        await AssertMatrixAsync(Accounts.DistrictCurator, await ItemsAsync(BenThanh, Accounts.Contributor), All(Outcome.Allowed));
        await AssertMatrixAsync(Accounts.DistrictCurator, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.NotFound));
        await AssertMatrixAsync(Accounts.OtherDistrictCurator, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.Allowed));
        await AssertMatrixAsync(Accounts.OtherDistrictCurator, await ItemsAsync(BenThanh, Accounts.Contributor), All(Outcome.NotFound));
    }

    [Fact]
    public async Task A_reviewer_sees_items_of_the_district_but_cannot_edit_publish_or_delete()
    {
        var seen = All(Outcome.Forbidden);
        seen["view"] = Outcome.Allowed;
        await AssertMatrixAsync(Accounts.Reviewer, await ItemsAsync(BenThanh, Accounts.Contributor), seen);
        await AssertMatrixAsync(Accounts.Reviewer, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.NotFound));

        var reviewer = await SessionAsync(fixture, Accounts.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/admin/noi-dung/tao/Initiative")).StatusCode);
        var token = await reviewer.GetTokenAsync("/admin");
        using var create = await reviewer.PostFormWithTokenAsync("/admin/noi-dung/tao/Initiative",
            [new("TitlePart.Title", "Không được tạo"), new("_action", "publish")], token);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using var preview = await reviewer.PostFormWithTokenAsync("/admin/noi-dung/xem-truoc", [new("text", "x")], token);
        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/admin/noi-dung")).StatusCode);
    }

    [Fact]
    public async Task The_Department_curator_acts_in_the_province_and_the_administrator_everywhere()
    {
        await AssertMatrixAsync(Accounts.DepartmentCurator, await ItemsAsync(BenThanh, Accounts.Contributor), All(Outcome.Allowed));
        await AssertMatrixAsync(Accounts.DepartmentCurator, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.NotFound));
        await AssertMatrixAsync(Accounts.Administrator, await ItemsAsync(CuuLong, Accounts.OtherSchoolContributor), All(Outcome.Allowed));
    }

    [Fact]
    public async Task Who_may_create_what()
    {
        var cases = new (string User, string Type, HttpStatusCode Expected)[]
        {
            (Accounts.Contributor, "Initiative", HttpStatusCode.OK),
            (Accounts.Contributor, "Page", HttpStatusCode.Forbidden),
            (Accounts.Contributor, "Term", HttpStatusCode.NotFound),
            (Accounts.Contributor, "KhongCo", HttpStatusCode.NotFound),
            (Accounts.DistrictCurator, "Article", HttpStatusCode.OK),
            (Accounts.DistrictCurator, "Page", HttpStatusCode.Forbidden),
            (Accounts.DepartmentCurator, "Page", HttpStatusCode.OK),
            (Accounts.Reviewer, "Initiative", HttpStatusCode.Forbidden),
            (Accounts.Administrator, "Taxonomy", HttpStatusCode.OK),
        };
        var failures = new List<string>();
        foreach (var (user, type, expected) in cases)
        {
            var client = await SessionAsync(fixture, user);
            var status = (await client.GetAsync("/admin/noi-dung/tao/" + type)).StatusCode;
            if (status != expected)
            {
                failures.Add($"{user} creating {type}: expected {expected}, got {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_contributor_cannot_create_an_item_for_another_school_by_posting_its_id()
    {
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var title = FreshTitle("Đơn vị khác");
        var form = (await EditFormAsync(contributor, "/admin/noi-dung/tao/Initiative"))
            .Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", CuuLong)
            .Set("Initiative.Summary", "Tóm tắt.")
            .Set("Initiative.Authors", "Tác giả")
            .Set("Initiative.SchoolYear", "sy-2024-2025")
            .Set("Initiative.Criteria", "crit-1");

        var id = EditedId(await form.SubmitAsync(contributor));

        Assert.Equal(BenThanh, (await LatestAsync(fixture, id))!.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());

        // Nor can an edit move an own item to another school.
        var edit = (await EditFormAsync(contributor, $"/admin/noi-dung/{id}/sua")).Set("OrganizationPart.OrganizationId", CuuLong);
        EditedId(await edit.SubmitAsync(contributor));
        Assert.Equal(BenThanh, (await LatestAsync(fixture, id))!.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_district_curator_posting_a_unit_outside_the_district_gets_a_message_and_nothing_is_saved()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Ngoài quận");
        var form = (await EditFormAsync(curator, "/admin/noi-dung/tao/Initiative"))
            .Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", CuuLong)
            .Set("Initiative.Summary", "Tóm tắt.")
            .Set("Initiative.Authors", "Tác giả")
            .Set("Initiative.SchoolYear", "sy-2024-2025")
            .Set("Initiative.Criteria", "crit-1");

        using var response = await form.SubmitAsync(curator, "_action", "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không được chọn đơn vị này", ErrorBeside(await AdminClient.ParseAsync(response), "OrganizationPart.OrganizationId"));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_sign_in()
    {
        using var anonymous = new AdminClient(fixture.Factory);
        var urls = new[]
        {
            "/admin/noi-dung", "/admin/noi-dung/tao/Initiative", $"/admin/noi-dung/{SampleBenThanh}", $"/admin/noi-dung/{SampleBenThanh}/sua",
            $"/admin/noi-dung/{SampleBenThanh}/xoa", "/admin/noi-dung/tim?q=gio",
        };
        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.PathAndQuery());
        }

        foreach (var endpoint in ItemEndpoints(SampleBenThanh).Where(e => e.Method == HttpMethod.Post)
                     .Append(new("create", HttpMethod.Post, "/admin/noi-dung/tao/Initiative"))
                     .Append(new("preview", HttpMethod.Post, "/admin/noi-dung/xem-truoc")))
        {
            using var response = await anonymous.PostFormWithTokenAsync(endpoint.Path.Split('#')[0], [new("TitlePart.Title", "x")], token: null);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.PathAndQuery());
        }

        Assert.NotNull(await PublishedAsync(fixture, SampleBenThanh));
    }

    [Fact]
    public async Task Posts_without_the_anti_forgery_token_are_refused_with_400_and_change_nothing()
    {
        var admin = await SessionAsync(fixture, Accounts.Administrator);
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Không có mã chống giả mạo"), BenThanh, Accounts.Contributor, publish: true);
        var endpoints = ItemEndpoints(item.ContentItemId).Where(e => e.Method == HttpMethod.Post)
            .Append(new("create", HttpMethod.Post, "/admin/noi-dung/tao/Initiative"))
            .Append(new("preview", HttpMethod.Post, "/admin/noi-dung/xem-truoc"));
        foreach (var endpoint in endpoints)
        {
            using var response = await admin.PostFormWithTokenAsync(endpoint.Path.Split('#')[0],
                [new("TitlePart.Title", "Đã đổi"), new("confirm", "true"), new("_action", "publish")], token: null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint.Name}: {(int)response.StatusCode}");
        }

        var latest = (await LatestAsync(fixture, item.ContentItemId))!;
        Assert.True(latest.Published);
        Assert.Equal(item.ContentItemVersionId, latest.ContentItemVersionId);
    }

    [Fact]
    public async Task The_content_menu_entry_is_shown_to_every_back_office_role()
    {
        foreach (var user in new[] { Accounts.Contributor, Accounts.Reviewer, Accounts.DistrictCurator, Accounts.Administrator })
        {
            var client = await SessionAsync(fixture, user);
            var (_, page) = await client.GetPageAsync("/admin");
            Assert.Contains(page.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/noi-dung");
        }
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
