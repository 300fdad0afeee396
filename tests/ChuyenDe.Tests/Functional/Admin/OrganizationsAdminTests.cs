using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>/admin/don-vi: the organisation tree, create, rename, move, deactivate, delete; permission and scope.</summary>
public sealed class OrganizationsAdminTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    /// <summary>Every page and action of the organisations admin, on a unit that exists.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/admin/don-vi" },
        { "GET", "/admin/don-vi/tao" },
        { "GET", "/admin/don-vi/truong-mn-da-kao/sua" },
        { "GET", "/admin/don-vi/truong-mn-da-kao/xoa" },
        { "POST", "/admin/don-vi/tao" },
        { "POST", "/admin/don-vi/truong-mn-da-kao/sua" },
        { "POST", "/admin/don-vi/truong-mn-da-kao/ngung-hoat-dong" },
        { "POST", "/admin/don-vi/truong-mn-da-kao/kich-hoat" },
        { "POST", "/admin/don-vi/truong-mn-da-kao/xoa" },
    };

    public static TheoryData<string> DeniedAccounts =>
        [Accounts.DepartmentCurator, Accounts.DistrictCurator, Accounts.Reviewer, Accounts.Contributor];

    private static readonly (string, string)[] SchoolFields =
        [("Kind", "School"), ("Name", "Trường Mầm non Thử"), ("ParentId", "phong-quan-1")];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page(string method, string url)
    {
        using var client = new AdminClient(fixture.Factory);
        using var response = method == "GET"
            ? await client.GetAsync(url)
            : await PostAsync(client, "/admin/dang-nhap", url, SchoolFields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/dang-nhap", Location(response));
    }

    [Theory]
    [MemberData(nameof(DeniedAccounts))]
    public async Task Roles_without_ManageOrganizations_get_403_everywhere(string userName)
    {
        var client = await As(fixture.Factory, userName);
        foreach (var (method, url) in Endpoints.Select(row => ((string)row[0], (string)row[1])))
        {
            using var response = method == "GET"
                ? await client.GetAsync(url)
                : await PostAsync(client, "/admin", url, SchoolFields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{userName} {method} {url}: {(int)response.StatusCode}");
        }

        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/don-vi']"));
        Assert.Equal("Active", await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<IOrganizationService>().GetAsync("truong-mn-da-kao"))!.Active ? "Active" : "Inactive"));
    }

    [Fact]
    public async Task Posts_without_the_anti_forgery_token_are_refused_with_400()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        foreach (var (method, url) in Endpoints.Select(row => ((string)row[0], (string)row[1])).Where(e => e.Item1 == "POST"))
        {
            using var response = await admin.PostFormWithTokenAsync(url,
                [new("Kind", "School"), new("Name", "Không có mã chống giả mạo"), new("ParentId", "phong-quan-1")], token: null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
        }

        var units = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<IOrganizationService>().ListAsync());
        Assert.DoesNotContain(units, o => o.Name == "Không có mã chống giả mạo");
        Assert.Contains(units, o => o.Id == "truong-mn-da-kao" && o.Active);
    }

    [Fact]
    public async Task The_administrator_sees_the_whole_tree_with_users_and_content_counts()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, page) = await admin.GetPageAsync("/admin/don-vi");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Đơn vị", Text(page, "h1"));
        Assert.Equal("Đơn vị", Text(page, ".admin-nav a[href='/admin/don-vi']"));
        // Department → district office → cluster → school, as nested lists.
        Assert.NotNull(page.QuerySelector("#don-vi-so-hcm #don-vi-phong-quan-1 #don-vi-cum-quan-1-a #don-vi-truong-mn-ben-thanh"));
        Assert.NotNull(page.QuerySelector("#don-vi-so-hcm #don-vi-phong-quan-1 > ul > #don-vi-truong-mn-da-kao"));
        Assert.NotNull(page.QuerySelector("#don-vi-so-hoa-binh #don-vi-phong-luong-son #don-vi-truong-mn-cuu-long"));
        Assert.Equal("1 người dùng", Text(page, "#don-vi-truong-mn-ben-thanh > .org-row .org-users"));
        Assert.Equal($"{SampleItemsOf("truong-mn-ben-thanh")} nội dung", Text(page, "#don-vi-truong-mn-ben-thanh > .org-row .org-items"));
        Assert.Equal("1 người dùng", Text(page, "#don-vi-phong-luong-son > .org-row .org-users"));
        Assert.Equal($"{SampleItemsOf("phong-dam-ha")} nội dung", Text(page, "#don-vi-phong-dam-ha > .org-row .org-items"));
    }

    [Fact]
    public async Task The_administrator_creates_a_school_with_a_cluster_and_it_appears_in_the_tree()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var name = Unique("Trường Mầm non Hoa Sen ");
        var (formStatus, form) = await admin.GetPageAsync("/admin/don-vi/tao?loai=School&cha=phong-quan-1");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Equal("School", ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#Kind")!).Value);
        Assert.Equal("phong-quan-1", ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#ParentId")!).Value);

        using var response = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
            ("Kind", "School"), ("Name", name), ("ShortName", "MN Hoa Sen"), ("ParentId", "phong-quan-1"), ("ClusterId", "cum-quan-1-a"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await FindByNameAsync(name);
        Assert.Equal(OrganizationKind.School, created.Kind);
        Assert.Equal("phong-quan-1", created.ParentId);
        Assert.Equal("cum-quan-1-a", created.ClusterId);
        Assert.True(created.Active);
        Assert.StartsWith("mn-hoa-sen", created.Id, StringComparison.Ordinal);
        var (_, tree) = await admin.GetPageAsync(Location(response)!);
        Assert.Contains(name, Text(tree, ".flash"));
        Assert.Equal(name, Text(tree, $"#don-vi-cum-quan-1-a #don-vi-{created.Id} .org-name a"));
        Assert.Equal("0 người dùng", Text(tree, $"#don-vi-{created.Id} .org-users"));
    }

    [Fact]
    public async Task Validation_errors_are_shown_beside_the_fields_in_Vietnamese_with_the_input_kept()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        using var response = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
            ("Kind", "School"), ("Name", "Trường Mầm non Sai Chỗ"), ("ShortName", "MN Sai Chỗ"), ("Id", "Ma Sai!"),
            ("ParentId", "so-hcm"), ("ClusterId", "cum-quan-3-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Contains("Trường mầm non và cụm chuyên môn phải trực thuộc một Phòng GD&ĐT.", summary.TextContent);
        Assert.Equal("Trường mầm non và cụm chuyên môn phải trực thuộc một Phòng GD&ĐT.", Text(page, "#ParentId-error"));
        Assert.Equal("true", page.QuerySelector("#ParentId")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("ParentId-error", page.QuerySelector("#ParentId")!.GetAttribute("aria-describedby"));
        Assert.Contains("chỉ gồm chữ a–z không dấu", Text(page, "#Id-error"));
        Assert.Equal("true", page.QuerySelector("#Id")!.GetAttribute("aria-invalid"));
        Assert.Equal("Hãy chọn cụm chuyên môn thuộc cùng Phòng GD&ĐT với trường.", Text(page, "#ClusterId-error"));
        Assert.Equal("Trường Mầm non Sai Chỗ", page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("MN Sai Chỗ", page.QuerySelector("#ShortName")!.GetAttribute("value"));
        Assert.Equal("Ma Sai!", page.QuerySelector("#Id")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Name")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain(await ListAsync(), o => o.Name == "Trường Mầm non Sai Chỗ");

        using var empty = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao", ("Kind", ""), ("Name", "  "));
        var emptyPage = await AdminClient.ParseAsync(empty);
        Assert.Equal("Hãy nhập tên đơn vị.", Text(emptyPage, "#Name-error"));
        Assert.Equal("Hãy chọn loại đơn vị.", Text(emptyPage, "#Kind-error"));
    }

    [Fact]
    public async Task A_unit_is_renamed_and_moved_and_a_school_s_cluster_must_belong_to_its_district()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var id = Unique("truong-doi-cho-");
        using (var created = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
                   ("Kind", "School"), ("Name", "Trường Mầm non Đổi Chỗ"), ("Id", id), ("ParentId", "phong-quan-1"), ("ClusterId", "cum-quan-1-a")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var edit = $"/admin/don-vi/{id}/sua";
        // Moving to Quận 3 while keeping Quận 1's cluster breaks the rule.
        using var wrong = await PostAsync(admin, edit, edit,
            ("Name", "Trường Mầm non Đổi Chỗ"), ("ParentId", "phong-quan-3"), ("ClusterId", "cum-quan-1-a"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("Hãy chọn cụm chuyên môn thuộc cùng Phòng GD&ĐT với trường.", Text(await AdminClient.ParseAsync(wrong), "#ClusterId-error"));
        Assert.Equal("phong-quan-1", (await GetAsync(id)).ParentId);

        using var moved = await PostAsync(admin, edit, edit,
            ("Name", "Trường Mầm non Đổi Tên"), ("ShortName", "MN Đổi Tên"), ("ParentId", "phong-quan-3"), ("ClusterId", "cum-quan-3-2"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var unit = await GetAsync(id);
        Assert.Equal(("Trường Mầm non Đổi Tên", "MN Đổi Tên", "phong-quan-3", "cum-quan-3-2"), (unit.Name, unit.ShortName, unit.ParentId, unit.ClusterId));
        var (_, tree) = await admin.GetPageAsync("/admin/don-vi");
        Assert.NotNull(tree.QuerySelector($"#don-vi-phong-quan-3 #don-vi-cum-quan-3-2 #don-vi-{id}"));

        // A district office cannot be put under another district office.
        using var district = await PostAsync(admin, "/admin/don-vi/phong-dam-ha/sua", "/admin/don-vi/phong-dam-ha/sua",
            ("Name", "Phòng Giáo dục và Đào tạo huyện Đàm Hà"), ("ParentId", "phong-quan-1"));
        Assert.Equal("Phòng GD&ĐT phải trực thuộc một Sở GD&ĐT.", Text(await AdminClient.ParseAsync(district), "#ParentId-error"));
        Assert.Equal("so-quang-ninh", (await GetAsync("phong-dam-ha")).ParentId);

        // A cluster that still groups schools does not move to another district.
        using var cluster = await PostAsync(admin, "/admin/don-vi/cum-quan-3-1/sua", "/admin/don-vi/cum-quan-3-1/sua",
            ("Name", "Cụm chuyên môn số 1 – Quận 3"), ("ParentId", "phong-quan-1"));
        Assert.Contains("vẫn còn các trường", Text(await AdminClient.ParseAsync(cluster), "#ParentId-error"));
    }

    [Fact]
    public async Task Deactivating_needs_the_units_below_inactive_and_reactivating_needs_the_parent_active()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var district = Unique("phong-thu-");
        var school = Unique("truong-thu-");
        await CreateAsync(admin, ("Kind", "DistrictOffice"), ("Name", "Phòng GD&ĐT Thử"), ("Id", district), ("ParentId", "so-hai-phong"));
        await CreateAsync(admin, ("Kind", "School"), ("Name", "Trường MN Thử"), ("Id", school), ("ParentId", district));

        using var refused = await PostAsync(admin, $"/admin/don-vi/{district}/sua", $"/admin/don-vi/{district}/ngung-hoat-dong");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vẫn còn đơn vị trực thuộc đang hoạt động", Text(await AdminClient.ParseAsync(refused), ".error-summary"));
        Assert.True((await GetAsync(district)).Active);

        using (var off = await PostAsync(admin, $"/admin/don-vi/{school}/sua", $"/admin/don-vi/{school}/ngung-hoat-dong"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        using (var off = await PostAsync(admin, $"/admin/don-vi/{district}/sua", $"/admin/don-vi/{district}/ngung-hoat-dong"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.False((await GetAsync(school)).Active);
        Assert.False((await GetAsync(district)).Active);
        var (_, tree) = await admin.GetPageAsync("/admin/don-vi");
        Assert.Equal("Ngừng hoạt động", Text(tree, $"#don-vi-{school} .badge.inactive"));

        using var early = await PostAsync(admin, $"/admin/don-vi/{school}/sua", $"/admin/don-vi/{school}/kich-hoat");
        Assert.Contains("Đơn vị cấp trên", Text(await AdminClient.ParseAsync(early), ".error-summary"));
        Assert.False((await GetAsync(school)).Active);

        // An inactive unit is not offered as a parent for new units.
        using var under = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao", ("Kind", "School"), ("Name", "Trường MN Mới"), ("ParentId", district));
        Assert.Equal("Đơn vị này đã ngừng hoạt động; hãy chọn đơn vị đang hoạt động.", Text(await AdminClient.ParseAsync(under), "#ParentId-error"));

        foreach (var id in new[] { district, school })
        {
            using var on = await PostAsync(admin, $"/admin/don-vi/{id}/sua", $"/admin/don-vi/{id}/kich-hoat");
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        Assert.True((await GetAsync(school)).Active);
    }

    [Fact]
    public async Task A_unit_that_owns_users_or_content_is_never_deleted_but_an_empty_one_is()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, confirm) = await admin.GetPageAsync("/admin/don-vi/truong-mn-ben-thanh/xoa");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Đơn vị có 1 người dùng và {SampleItemsOf("truong-mn-ben-thanh")} nội dung nên không thể xóa.", Text(confirm, ".error-summary"));
        Assert.Null(confirm.QuerySelector("form[action='/admin/don-vi/truong-mn-ben-thanh/xoa']"));

        using var forced = await PostAsync(admin, "/admin/don-vi", "/admin/don-vi/truong-mn-ben-thanh/xoa");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("không thể xóa", Text(await AdminClient.ParseAsync(forced), ".error-summary"));
        Assert.NotNull(await FindAsync("truong-mn-ben-thanh"));

        using var parent = await PostAsync(admin, "/admin/don-vi", "/admin/don-vi/cum-quan-1-a/xoa");
        Assert.Contains("Vẫn còn đơn vị trực thuộc", Text(await AdminClient.ParseAsync(parent), ".error-summary"));
        Assert.NotNull(await FindAsync("cum-quan-1-a"));

        var empty = Unique("cum-rong-");
        await CreateAsync(admin, ("Kind", "Cluster"), ("Name", "Cụm rỗng"), ("Id", empty), ("ParentId", "phong-quan-3"));
        var (_, emptyConfirm) = await admin.GetPageAsync($"/admin/don-vi/{empty}/xoa");
        Assert.NotNull(emptyConfirm.QuerySelector($"form[action='/admin/don-vi/{empty}/xoa'] button"));
        using var deleted = await PostAsync(admin, $"/admin/don-vi/{empty}/xoa", $"/admin/don-vi/{empty}/xoa");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(empty));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync($"/admin/don-vi/{empty}/sua")).Status);
    }

    [Fact]
    public async Task A_district_manager_manages_only_the_district_s_subtree_and_gets_404_outside_it()
    {
        var (manager, _, _) = await ManagerAsync(fixture.Factory, "phong-quan-1", "AccessAdmin", "ManageOrganizations");

        var (status, tree) = await manager.GetPageAsync("/admin/don-vi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(tree.QuerySelector("#don-vi-phong-quan-1 #don-vi-truong-mn-ben-thanh"));
        Assert.Null(tree.QuerySelector("#don-vi-so-hcm"));
        Assert.Null(tree.QuerySelector("#don-vi-phong-quan-3"));
        Assert.Null(tree.QuerySelector("#don-vi-truong-mn-cuu-long"));

        foreach (var outside in new[] { "truong-mn-cuu-long", "phong-quan-3", "so-hcm", "khong-ton-tai" })
        {
            foreach (var url in new[] { $"/admin/don-vi/{outside}/sua", $"/admin/don-vi/{outside}/xoa" })
            {
                Assert.True((await manager.GetPageAsync(url)).Status == HttpStatusCode.NotFound, url);
            }

            foreach (var action in new[] { "sua", "ngung-hoat-dong", "kich-hoat", "xoa" })
            {
                using var response = await PostAsync(manager, "/admin/don-vi", $"/admin/don-vi/{outside}/{action}", ("Name", "Đổi tên trái phép"));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outside}/{action}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal("Trường Mầm non Cửu Long", (await GetAsync("truong-mn-cuu-long")).Name);
        Assert.True((await GetAsync("truong-mn-cuu-long")).Active);

        // Inside the district: a new school; outside it or above it: refused beside the field.
        var school = Unique("truong-quan-1-");
        await CreateAsync(manager, ("Kind", "School"), ("Name", "Trường MN Quận Một"), ("Id", school), ("ParentId", "phong-quan-1"));
        Assert.Equal("phong-quan-1", (await GetAsync(school)).ParentId);

        using var elsewhere = await PostAsync(manager, "/admin/don-vi/tao", "/admin/don-vi/tao",
            ("Kind", "School"), ("Name", "Trường MN Nơi Khác"), ("ParentId", "phong-luong-son"));
        Assert.Equal("Hãy chọn đơn vị thuộc phạm vi bạn quản lý.", Text(await AdminClient.ParseAsync(elsewhere), "#ParentId-error"));

        using var moveOut = await PostAsync(manager, $"/admin/don-vi/{school}/sua", $"/admin/don-vi/{school}/sua",
            ("Name", "Trường MN Quận Một"), ("ParentId", "phong-quan-3"));
        Assert.Equal("Hãy chọn đơn vị thuộc phạm vi bạn quản lý.", Text(await AdminClient.ParseAsync(moveOut), "#ParentId-error"));
        Assert.Equal("phong-quan-1", (await GetAsync(school)).ParentId);

        using var department = await PostAsync(manager, "/admin/don-vi/tao", "/admin/don-vi/tao", ("Kind", "Department"), ("Name", "Sở Mới"));
        Assert.Equal("Chỉ quản trị viên mới tạo được Sở GD&ĐT.", Text(await AdminClient.ParseAsync(department), "#Kind-error"));

        // Its own unit may be renamed but not deactivated or deleted (that would end the manager's own scope).
        using var own = await PostAsync(manager, "/admin/don-vi/phong-quan-1/sua", "/admin/don-vi/phong-quan-1/ngung-hoat-dong");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetPageAsync("/admin/don-vi/phong-quan-1/xoa")).Status);
        using var ownDelete = await PostAsync(manager, "/admin/don-vi/phong-quan-1/sua", "/admin/don-vi/phong-quan-1/xoa");
        Assert.Equal(HttpStatusCode.Forbidden, ownDelete.StatusCode);
        Assert.True((await GetAsync("phong-quan-1")).Active);
    }

    private async Task CreateAsync(AdminClient client, params (string, string)[] fields)
    {
        using var response = await PostAsync(client, "/admin/don-vi/tao", "/admin/don-vi/tao", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Creating failed ({(int)response.StatusCode}): {(await AdminClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent}");
    }

    private Task<IReadOnlyList<Organization>> ListAsync()
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IOrganizationService>().ListAsync());

    private Task<Organization?> FindAsync(string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IOrganizationService>().GetAsync(id));

    private async Task<Organization> GetAsync(string id) => await FindAsync(id) ?? throw new Xunit.Sdk.XunitException($"No unit {id}.");

    private async Task<Organization> FindByNameAsync(string name)
        => (await ListAsync()).SingleOrDefault(o => o.Name == name) ?? throw new Xunit.Sdk.XunitException($"No unit named {name}.");

    /// <summary>How many items the sample recipe gives a unit (read from the recipe, not from the site).</summary>
    private static int SampleItemsOf(string organizationId)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "sample-content.recipe.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        return recipe["steps"]!.AsArray()
            .Where(s => string.Equals((string?)s!["name"], "Content", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s!["data"]!.AsArray())
            .Where(i => (string?)i!["OrganizationPart"]?["OrganizationId"] == organizationId)
            .Select(i => (string?)i!["ContentItemId"])
            .Distinct()
            .Count();
    }
}
