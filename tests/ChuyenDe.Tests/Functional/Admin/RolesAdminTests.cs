using System.Net;
using System.Security.Claims;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>/admin/vai-tro: list, create, edit roles and their permissions; the Administrator role read-only.</summary>
public sealed class RolesAdminTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    public static TheoryData<string> DeniedAccounts =>
        [Accounts.DepartmentCurator, Accounts.DistrictCurator, Accounts.Reviewer, Accounts.Contributor];

    private static readonly (string Method, string Url)[] Endpoints =
    [
        ("GET", "/admin/vai-tro"),
        ("GET", "/admin/vai-tro/tao"),
        ("GET", "/admin/vai-tro/Reviewer/sua"),
        ("POST", "/admin/vai-tro/tao"),
        ("POST", "/admin/vai-tro/Reviewer/sua"),
    ];

    private static readonly (string, string)[] RoleFields =
        [("Name", "VaiTroTraiPhep"), ("Description", "Không được tạo"), ("Permissions", "ManageUsers"), ("Permissions", "AccessAdmin")];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        using var client = new AdminClient(fixture.Factory);
        foreach (var (method, url) in Endpoints)
        {
            using var response = method == "GET" ? await client.GetAsync(url) : await PostAsync(client, "/admin/dang-nhap", url, RoleFields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url}: {(int)response.StatusCode}");
            Assert.StartsWith("/admin/dang-nhap", Location(response));
        }
    }

    [Theory]
    [MemberData(nameof(DeniedAccounts))]
    public async Task Roles_without_ManageRoles_get_403_everywhere(string userName)
    {
        var client = await As(fixture.Factory, userName);
        foreach (var (method, url) in Endpoints)
        {
            using var response = method == "GET" ? await client.GetAsync(url) : await PostAsync(client, "/admin", url, RoleFields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{userName} {method} {url}: {(int)response.StatusCode}");
        }

        Assert.Null(await FindRoleAsync("VaiTroTraiPhep"));
        Assert.DoesNotContain("ManageUsers", await PermissionsOfAsync("Reviewer"));
        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/vai-tro']"));
    }

    [Fact]
    public async Task Posts_without_the_anti_forgery_token_are_refused_with_400()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        foreach (var (_, url) in Endpoints.Where(e => e.Method == "POST"))
        {
            using var response = await admin.PostFormWithTokenAsync(url, RoleFields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)), token: null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Null(await FindRoleAsync("VaiTroTraiPhep"));
        Assert.DoesNotContain("ManageUsers", await PermissionsOfAsync("Reviewer"));
    }

    [Fact]
    public async Task The_list_shows_each_role_with_its_description_and_holders()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, page) = await admin.GetPageAsync("/admin/vai-tro");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Vai trò", Text(page, "h1"));
        Assert.Equal("Vai trò", Text(page, ".admin-nav a[href='/admin/vai-tro']"));
        Assert.Equal("Quản trị hệ thống", Text(page, "#vai-tro-Administrator td a"));
        Assert.StartsWith("Thành viên Ban chất lượng", Text(page, "#vai-tro-Reviewer td:nth-child(2)"));
        Assert.Equal("1", Text(page, "#vai-tro-Reviewer .role-users"));
        Assert.Equal("2", Text(page, "#vai-tro-SchoolContributor .role-users"));
        Assert.Equal("2", Text(page, "#vai-tro-DistrictCurator .role-users"));
        Assert.Equal("mọi khách truy cập", Text(page, "#vai-tro-Anonymous .role-users"));
    }

    [Fact]
    public async Task The_Administrator_role_is_shown_read_only_with_every_permission_and_cannot_be_changed()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, page) = await admin.GetPageAsync("/admin/vai-tro/Administrator/sua");

        Assert.Equal(HttpStatusCode.OK, status);
        var boxes = page.QuerySelectorAll("input[name=Permissions]");
        var all = await fixture.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<IPermissionService>().AllPermissions.Count));
        Assert.Equal(all, boxes.Length);
        Assert.All(boxes, b => Assert.True(b.HasAttribute("checked") && b.HasAttribute("disabled")));
        Assert.Null(page.QuerySelector("form[action='/admin/vai-tro/Administrator/sua'] button"));
        Assert.NotNull(page.QuerySelector("form[action='/admin/vai-tro/Administrator/sua'] fieldset.permission-group"));
        Assert.Contains("luôn có mọi quyền", Text(page, ".notice"));

        using var response = await PostAsync(admin, "/admin/vai-tro/Administrator/sua", "/admin/vai-tro/Administrator/sua",
            ("Description", "Bớt quyền"), ("Permissions", "AccessAdmin"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ManageUsers", await PermissionsOfAsync("Administrator"));
        Assert.NotEqual("Bớt quyền", (await FindRoleAsync("Administrator"))!.Description);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync("/admin/vai-tro/KhongTonTai/sua")).Status);
    }

    [Fact]
    public async Task The_permissions_are_grouped_by_module_with_Vietnamese_descriptions()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (_, page) = await admin.GetPageAsync("/admin/vai-tro/tao");

        var groups = page.QuerySelectorAll("fieldset.permission-group").ToDictionary(g => g.QuerySelector("legend")!.TextContent.Trim());
        Assert.Contains("Người dùng, đơn vị và vai trò", groups.Keys);
        Assert.Contains("Nội dung", groups.Keys);
        Assert.Equal("Quản lý người dùng", groups["Người dùng, đơn vị và vai trò"].QuerySelector("label[for=perm-ManageUsers]")!.TextContent.Trim());
        Assert.Equal("Sửa nội dung trong phạm vi đơn vị", groups["Nội dung"].QuerySelector("label[for=perm-EditContent]")!.TextContent.Trim());
        Assert.Contains("EditContent", Text(page, "#perm-EditOwnContent-hint"));
    }

    [Fact]
    public async Task An_administrator_creates_a_role_and_changing_its_permissions_changes_what_its_holders_may_do()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var role = Unique("TruongCum");
        using (var created = await PostAsync(admin, "/admin/vai-tro/tao", "/admin/vai-tro/tao",
                   ("Name", role), ("Description", "Trưởng cụm chuyên môn"), ("Permissions", "AccessAdmin"), ("Permissions", "ViewContent")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Equal(["AccessAdmin", "ViewContent"], await PermissionsOfAsync(role));
        var (_, list) = await admin.GetPageAsync("/admin/vai-tro");
        Assert.Equal("Trưởng cụm chuyên môn", Text(list, $"#vai-tro-{role} td:nth-child(2)"));
        Assert.Equal("0", Text(list, $"#vai-tro-{role} .role-users"));

        var holder = Unique("truong.cum.");
        await CreateUserAsync(admin, holder, "cum-quan-1-a", role);
        var client = await As(fixture.Factory, holder, Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync("/admin/don-vi")).Status);

        var edit = $"/admin/vai-tro/{role}/sua";
        using (var changed = await PostAsync(admin, edit, edit,
                   ("Description", "Trưởng cụm: quản lý đơn vị của cụm"), ("Permissions", "AccessAdmin"), ("Permissions", "ManageOrganizations")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(["AccessAdmin", "ManageOrganizations"], await PermissionsOfAsync(role));
        Assert.Equal("Trưởng cụm: quản lý đơn vị của cụm", (await FindRoleAsync(role))!.Description);
        var (status, tree) = await client.GetPageAsync("/admin/don-vi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(tree.QuerySelector("#don-vi-cum-quan-1-a #don-vi-truong-mn-ben-thanh"));
        Assert.Equal("1", Text((await admin.GetPageAsync("/admin/vai-tro")).Document, $"#vai-tro-{role} .role-users"));
    }

    [Fact]
    public async Task Validation_errors_are_shown_beside_the_fields_in_Vietnamese_with_the_input_kept()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        using var bad = await PostAsync(admin, "/admin/vai-tro/tao", "/admin/vai-tro/tao",
            ("Name", "Vai trò 1"), ("Description", "Mô tả giữ lại"), ("Permissions", "ViewContent"), ("Permissions", "QuyenKhongCo"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await AdminClient.ParseAsync(bad);
        Assert.Equal("alert", page.QuerySelector(".error-summary")!.GetAttribute("role"));
        Assert.Contains("chỉ gồm chữ a–z không dấu", Text(page, "#Name-error"));
        Assert.Equal("true", page.QuerySelector("#Name")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("Name-error", page.QuerySelector("#Name")!.GetAttribute("aria-describedby"));
        Assert.Equal("Hãy chọn quyền trong danh sách.", Text(page, "#Permissions-error"));
        Assert.Equal("Vai trò 1", page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("Mô tả giữ lại", Text(page, "#Description"));
        Assert.NotNull(page.QuerySelector("#perm-ViewContent[checked]"));
        Assert.Null(page.QuerySelector("#perm-EditContent[checked]"));

        using var duplicate = await PostAsync(admin, "/admin/vai-tro/tao", "/admin/vai-tro/tao", ("Name", "Reviewer"), ("Description", "Trùng tên"));
        Assert.Equal("Tên vai trò này đã tồn tại.", Text(await AdminClient.ParseAsync(duplicate), "#Name-error"));
        using var empty = await PostAsync(admin, "/admin/vai-tro/tao", "/admin/vai-tro/tao", ("Name", " "));
        Assert.Equal("Hãy nhập tên vai trò.", Text(await AdminClient.ParseAsync(empty), "#Name-error"));
    }

    [Fact]
    public async Task A_role_manager_who_is_not_an_administrator_grants_only_what_it_holds_and_keeps_its_own_access()
    {
        var (manager, _, ownRole) = await ManagerAsync(fixture.Factory, "so-hcm", "AccessAdmin", "ManageRoles", "ViewContent");

        var (_, form) = await manager.GetPageAsync("/admin/vai-tro/tao");
        Assert.NotNull(form.QuerySelector("#perm-ViewContent:not([disabled])"));
        Assert.NotNull(form.QuerySelector("#perm-ManageUsers[disabled]"));

        var role = Unique("VaiTro");
        using var forged = await PostAsync(manager, "/admin/vai-tro/tao", "/admin/vai-tro/tao",
            ("Name", role), ("Permissions", "ViewContent"), ("Permissions", "ManageUsers"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal("Bạn không thể cấp quyền “ManageUsers” vì chính bạn không có quyền này.", Text(await AdminClient.ParseAsync(forged), "#Permissions-error"));
        Assert.Null(await FindRoleAsync(role));

        // Editing the Department curators' role: the permissions the manager lacks stay as they are.
        var edit = "/admin/vai-tro/DepartmentCurator/sua";
        var before = await PermissionsOfAsync("DepartmentCurator");
        using (var changed = await PostAsync(manager, edit, edit, ("Description", "Chuyên viên Sở (đã sửa)"), ("Permissions", "AccessAdmin")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var after = await PermissionsOfAsync("DepartmentCurator");
        Assert.Equal(before.Where(p => p is not "ViewContent").ToList(), after);
        await RestoreAsync("DepartmentCurator", before);

        var ownEdit = $"/admin/vai-tro/{ownRole}/sua";
        using var drop = await PostAsync(manager, ownEdit, ownEdit, ("Description", "Tự bỏ quyền"), ("Permissions", "AccessAdmin"), ("Permissions", "ViewContent"));
        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
        Assert.Equal("Bạn không thể tự bỏ quyền quản lý vai trò của chính mình.", Text(await AdminClient.ParseAsync(drop), "#Permissions-error"));
        Assert.Contains("ManageRoles", await PermissionsOfAsync(ownRole));

        using var administrator = await PostAsync(manager, "/admin/vai-tro/Administrator/sua", "/admin/vai-tro/Administrator/sua", ("Permissions", "AccessAdmin"));
        Assert.Equal(HttpStatusCode.Forbidden, administrator.StatusCode);
    }

    private Task<CmsRole?> FindRoleAsync(string name)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<RoleManager<CmsRole>>().FindByNameAsync(name));

    private Task<List<string>> PermissionsOfAsync(string name) => fixture.WithServicesAsync(async sp =>
    {
        var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
        return (await roles.GetClaimsAsync((await roles.FindByNameAsync(name))!))
            .Where(c => c.Type == PermissionClaims.Type).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
    });

    /// <summary>Puts a shared role's permissions back, so that other tests of the class see the recipe's roles.</summary>
    private Task RestoreAsync(string name, IReadOnlyCollection<string> permissions) => fixture.WithServicesAsync(async sp =>
    {
        var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
        var role = (await roles.FindByNameAsync(name))!;
        foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaims.Type && !permissions.Contains(c.Value)))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        var current = (await roles.GetClaimsAsync(role)).Select(c => c.Value).ToHashSet();
        foreach (var permission in permissions.Where(p => !current.Contains(p)))
        {
            await roles.AddClaimAsync(role, new Claim(PermissionClaims.Type, permission));
        }

        return true;
    });
}
