using System.Net;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>/admin/nguoi-dung: list, create, edit, new password, lock and unlock; permission, scope and self-protection.</summary>
public sealed class UsersAdminTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    public static TheoryData<string> DeniedAccounts =>
        [Accounts.DepartmentCurator, Accounts.DistrictCurator, Accounts.Reviewer, Accounts.Contributor];

    /// <summary>Every page and action of the users admin, on the account <c>{id}</c>.</summary>
    private static readonly (string Method, string Url)[] Endpoints =
    [
        ("GET", "/admin/nguoi-dung"),
        ("GET", "/admin/nguoi-dung/tao"),
        ("GET", "/admin/nguoi-dung/{id}/sua"),
        ("GET", "/admin/nguoi-dung/{id}/dat-lai-mat-khau"),
        ("POST", "/admin/nguoi-dung/tao"),
        ("POST", "/admin/nguoi-dung/{id}/sua"),
        ("POST", "/admin/nguoi-dung/{id}/dat-lai-mat-khau"),
        ("POST", "/admin/nguoi-dung/{id}/khoa"),
        ("POST", "/admin/nguoi-dung/{id}/mo-khoa"),
    ];

    private static (string, string)[] AccountFields(string userName, string organizationId, string role) =>
    [
        ("UserName", userName), ("DisplayName", "Tên " + userName), ("Email", userName + "@example.edu.vn"), ("OrganizationId", organizationId),
        ("Roles", role), ("Password", Password), ("ConfirmPassword", Password),
    ];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        var id = await UserIdAsync(fixture, Accounts.OtherSchoolContributor);
        using var client = new AdminClient(fixture.Factory);
        foreach (var (method, template) in Endpoints)
        {
            var url = template.Replace("{id}", id, StringComparison.Ordinal);
            using var response = method == "GET"
                ? await client.GetAsync(url)
                : await PostAsync(client, "/admin/dang-nhap", url, AccountFields(Unique("an.danh."), "truong-mn-cuu-long", "SchoolContributor"));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url}: {(int)response.StatusCode}");
            Assert.StartsWith("/admin/dang-nhap", Location(response));
        }
    }

    [Theory]
    [MemberData(nameof(DeniedAccounts))]
    public async Task Roles_without_ManageUsers_get_403_everywhere(string userName)
    {
        var client = await As(fixture.Factory, userName);
        var id = await UserIdAsync(fixture, Accounts.Contributor);
        var newUser = Unique("khong.duoc.");
        foreach (var (method, template) in Endpoints)
        {
            var url = template.Replace("{id}", id, StringComparison.Ordinal);
            using var response = method == "GET"
                ? await client.GetAsync(url)
                : await PostAsync(client, "/admin", url, AccountFields(newUser, "truong-mn-ben-thanh", "SchoolContributor"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{userName} {method} {url}: {(int)response.StatusCode}");
        }

        Assert.Null(await FindUserAsync(newUser));
        Assert.False(await IsLockedAsync(Accounts.Contributor));
        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/nguoi-dung']"));
    }

    [Fact]
    public async Task Posts_without_the_anti_forgery_token_are_refused_with_400()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var target = Unique("khong.ma.");
        await CreateUserAsync(admin, target, "truong-mn-da-kao", "Reviewer");
        var id = await UserIdAsync(fixture, target);
        var newUser = Unique("khong.ma.moi.");
        foreach (var (_, template) in Endpoints.Where(e => e.Method == "POST"))
        {
            var url = template.Replace("{id}", id, StringComparison.Ordinal);
            using var response = await admin.PostFormWithTokenAsync(url,
                AccountFields(newUser, "truong-mn-da-kao", "Reviewer").Select(f => KeyValuePair.Create(f.Item1, f.Item2)), token: null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Null(await FindUserAsync(newUser));
        Assert.False(await IsLockedAsync(target));
        Assert.True(await PasswordIsAsync(target, Password));
    }

    [Fact]
    public async Task An_administrator_creates_a_school_and_a_contributor_who_signs_in_and_is_asked_to_change_the_password()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var school = Unique("truong-mn-hoa-mai-");
        using (var created = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
                   ("Kind", "School"), ("Name", "Trường Mầm non Hoa Mai"), ("Id", school), ("ParentId", "phong-quan-1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var (_, form) = await admin.GetPageAsync("/admin/nguoi-dung/tao");
        Assert.NotNull(form.QuerySelector($"#OrganizationId option[value='{school}']"));
        var userName = Unique("gv.hoamai.");
        using (var response = await PostAsync(admin, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao",
                   ("UserName", userName), ("DisplayName", "Trần Thị Mai"), ("Email", userName + "@hoamai.edu.vn"),
                   ("OrganizationId", school), ("Roles", "SchoolContributor"), ("Password", Password), ("ConfirmPassword", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var (_, list) = await admin.GetPageAsync(Location(response)!);
            Assert.Contains(userName, Text(list, ".flash"));
            Assert.Equal("Trần Thị Mai", Text(list, ".users-table tbody tr td a"));
            Assert.Equal("Trường mầm non (soạn và gửi bài)", Text(list, ".users-table tbody tr td:nth-child(4)"));
        }

        var user = (await FindUserAsync(userName))!;
        Assert.Equal((school, "Trần Thị Mai"), (user.OrganizationId, user.DisplayName));

        // The new contributor signs in and must choose a password before anything else of the back office.
        using var contributor = new AdminClient(fixture.Factory);
        using (var signIn = await contributor.SignInAsync(userName, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        foreach (var url in new[] { "/admin", "/admin/noi-dung", "/admin/nguoi-dung" })
        {
            using var held = await contributor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/admin/doi-mat-khau", Location(held));
        }

        var (_, changePage) = await contributor.GetPageAsync("/admin/doi-mat-khau");
        Assert.Contains("Mật khẩu của bạn do người khác đặt", Text(changePage, ".status"));
        using (var same = await PostAsync(contributor, "/admin/doi-mat-khau", "/admin/doi-mat-khau",
                   ("CurrentPassword", Password), ("NewPassword", Password), ("ConfirmPassword", Password)))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Contains("khác với mật khẩu được cấp", Text(await AdminClient.ParseAsync(same), ".error-summary"));
        }

        using (var changed = await PostAsync(contributor, "/admin/doi-mat-khau", "/admin/doi-mat-khau",
                   ("CurrentPassword", Password), ("NewPassword", "Mat-khau-Rieng-2026"), ("ConfirmPassword", "Mat-khau-Rieng-2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var (status, afterChange) = await contributor.GetPageAsync("/admin"); // shows "password changed"
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Xin chào, Trần Thị Mai", Text(afterChange, "h1"));
        Assert.Equal("Trường Mầm non Hoa Mai", Text(afterChange, ".lead"));
        Assert.Equal("Đã đổi mật khẩu.", Text(afterChange, ".flash"));
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetPageAsync("/admin/nguoi-dung")).Status);
        var (_, later) = await contributor.GetPageAsync("/admin");
        Assert.Null(later.QuerySelector(".flash"));
    }

    [Fact]
    public async Task Validation_errors_are_shown_beside_the_fields_in_Vietnamese_with_the_input_kept_but_not_the_passwords()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        using var response = await PostAsync(admin, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao",
            ("UserName", Accounts.Contributor), ("DisplayName", "Nguyễn Văn Trùng"), ("Email", "khong-phai-thu"),
            ("OrganizationId", "truong-mn-tan-dinh"), ("Password", "ngan"), ("ConfirmPassword", "khac"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        Assert.Equal("alert", page.QuerySelector(".error-summary")!.GetAttribute("role"));
        Assert.Equal("Tên đăng nhập này đã có người dùng.", Text(page, "#UserName-error"));
        Assert.Equal("Hãy nhập địa chỉ thư điện tử dạng ten@truong.edu.vn, hoặc để trống.", Text(page, "#Email-error"));
        Assert.Equal("Hãy chọn ít nhất một vai trò.", Text(page, "#Roles-error"));
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", Text(page, "#Password-error"));
        Assert.Equal("Hai mật khẩu không giống nhau.", Text(page, "#ConfirmPassword-error"));
        foreach (var field in new[] { "UserName", "Email", "Password", "ConfirmPassword" })
        {
            Assert.Equal("true", page.QuerySelector("#" + field)!.GetAttribute("aria-invalid"));
            Assert.Contains(field + "-error", page.QuerySelector("#" + field)!.GetAttribute("aria-describedby"));
        }

        Assert.Contains("Roles-error", page.QuerySelector("fieldset#Roles")!.GetAttribute("aria-describedby"));
        Assert.Contains("Tên đăng nhập này đã có người dùng.", Text(page, ".error-summary"));
        Assert.Equal(Accounts.Contributor, page.QuerySelector("#UserName")!.GetAttribute("value"));
        Assert.Equal("Nguyễn Văn Trùng", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal("khong-phai-thu", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#OrganizationId option[value='truong-mn-tan-dinh'][selected]"));
        Assert.Null(page.QuerySelector("#Password")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#ConfirmPassword")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#DisplayName")!.GetAttribute("aria-invalid"));

        using var empty = await PostAsync(admin, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao", ("Roles", "Reviewer"));
        var emptyPage = await AdminClient.ParseAsync(empty);
        Assert.Equal("Hãy nhập tên đăng nhập.", Text(emptyPage, "#UserName-error"));
        Assert.Equal("Hãy nhập họ và tên.", Text(emptyPage, "#DisplayName-error"));
        Assert.Equal("Hãy chọn đơn vị của người dùng.", Text(emptyPage, "#OrganizationId-error"));
        Assert.Equal("Hãy nhập mật khẩu ban đầu.", Text(emptyPage, "#Password-error"));
        Assert.NotNull(emptyPage.QuerySelector("#role-Reviewer[checked]"));
    }

    [Fact]
    public async Task The_list_filters_by_text_without_tone_marks_by_unit_with_the_units_below_and_by_role()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);

        var (_, byText) = await admin.GetPageAsync("/admin/nguoi-dung?q=nguyen+thi+lan");
        Assert.Equal(["truong.benthanh"], UserNames(byText));

        var (_, byUnit) = await admin.GetPageAsync("/admin/nguoi-dung?don-vi=phong-quan-1&vai-tro=DistrictCurator");
        Assert.Equal([Accounts.DistrictCurator], UserNames(byUnit));
        var (_, below) = await admin.GetPageAsync("/admin/nguoi-dung?don-vi=phong-quan-1&vai-tro=SchoolContributor&q=truong.");
        Assert.Contains(Accounts.Contributor, UserNames(below));
        Assert.DoesNotContain(Accounts.OtherSchoolContributor, UserNames(below));
        var (_, byRole) = await admin.GetPageAsync("/admin/nguoi-dung?vai-tro=DepartmentCurator&don-vi=so-hcm");
        Assert.Equal([Accounts.DepartmentCurator], UserNames(byRole));
        Assert.Equal("Tìm thấy 1 người dùng.", Text(byRole, ".result-count"));
    }

    [Fact]
    public async Task The_list_is_paged_and_the_pages_keep_the_filters()
    {
        var prefix = Unique("trang.");
        await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            for (var i = 0; i < UsersAdminController.PageSize + 3; i++)
            {
                var user = new CmsUser { UserName = $"{prefix}{i:00}", DisplayName = $"Người {prefix}{i:00}", OrganizationId = "truong-mn-son-ca" };
                Assert.True((await users.CreateAsync(user)).Succeeded);
            }

            return true;
        });
        var admin = await As(fixture.Factory, Accounts.Administrator);

        var (_, first) = await admin.GetPageAsync($"/admin/nguoi-dung?q={prefix}");
        Assert.Equal($"Tìm thấy {UsersAdminController.PageSize + 3} người dùng.", Text(first, ".result-count"));
        Assert.Equal(UsersAdminController.PageSize, UserNames(first).Count);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/admin/nguoi-dung?q={prefix}&trang=2", next);
        var (_, second) = await admin.GetPageAsync(next);
        Assert.Equal([$"{prefix}20", $"{prefix}21", $"{prefix}22"], UserNames(second));
        Assert.Equal("2", Text(second, ".pager [aria-current=page]"));
    }

    [Fact]
    public async Task An_administrator_edits_the_name_e_mail_unit_and_roles_of_an_account()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("sua.");
        await CreateUserAsync(admin, userName, "truong-mn-da-kao", "SchoolContributor");
        var id = await UserIdAsync(fixture, userName);
        var edit = $"/admin/nguoi-dung/{id}/sua";

        var (status, form) = await admin.GetPageAsync(edit);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(form.QuerySelector("#role-SchoolContributor[checked]"));
        Assert.NotNull(form.QuerySelector("#role-Administrator:not([disabled])"));

        using var response = await PostAsync(admin, edit, edit,
            ("DisplayName", "Lê Văn Sửa"), ("Email", "moi@example.edu.vn"), ("OrganizationId", "phong-quan-3"), ("Roles", "DistrictCurator"), ("Roles", "Reviewer"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var user = (await FindUserAsync(userName))!;
        Assert.Equal(("Lê Văn Sửa", "moi@example.edu.vn", "phong-quan-3"), (user.DisplayName, user.Email, user.OrganizationId));
        Assert.Equal(["DistrictCurator", "Reviewer"], await RolesOfAsync(userName));
        var (_, after) = await admin.GetPageAsync(edit);
        Assert.Contains("Đã lưu thay đổi", Text(after, ".flash"));
        Assert.Equal("Lê Văn Sửa", after.QuerySelector("#DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_administrator_sets_a_new_password_and_locks_and_unlocks_an_account()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("khoa.");
        await CreateUserAsync(admin, userName, "truong-mn-hoa-hong", "Reviewer");
        var id = await UserIdAsync(fixture, userName);
        var reset = $"/admin/nguoi-dung/{id}/dat-lai-mat-khau";

        using var weak = await PostAsync(admin, reset, reset, ("Password", "ngan"), ("ConfirmPassword", "ngan"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("ít nhất 10 ký tự", Text(await AdminClient.ParseAsync(weak), "#Password-error"));
        using var mismatch = await PostAsync(admin, reset, reset, ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Khac-2026"));
        Assert.Equal("Hai mật khẩu không giống nhau.", Text(await AdminClient.ParseAsync(mismatch), "#ConfirmPassword-error"));
        Assert.True(await PasswordIsAsync(userName, Password));

        using var done = await PostAsync(admin, reset, reset, ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Moi-2026"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await PasswordIsAsync(userName, Password));
        Assert.True(await PasswordIsAsync(userName, "Mat-khau-Moi-2026"));

        using (var locked = await PostAsync(admin, $"/admin/nguoi-dung/{id}/sua", $"/admin/nguoi-dung/{id}/khoa"))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        Assert.True(await IsLockedAsync(userName));
        var (_, list) = await admin.GetPageAsync($"/admin/nguoi-dung?q={userName}");
        Assert.Equal("Đã khóa", Text(list, ".users-table .badge.locked"));
        using (var refused = new AdminClient(fixture.Factory))
        {
            using var signIn = await refused.SignInAsync(userName, "Mat-khau-Moi-2026");
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("đang bị khóa", Text(await AdminClient.ParseAsync(signIn), ".error-summary"));
        }

        using (var unlocked = await PostAsync(admin, $"/admin/nguoi-dung/{id}/sua", $"/admin/nguoi-dung/{id}/mo-khoa"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        Assert.False(await IsLockedAsync(userName));
        using var again = new AdminClient(fixture.Factory);
        using var allowed = await again.SignInAsync(userName, "Mat-khau-Moi-2026");
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        using var held = await again.GetAsync("/admin");
        Assert.Equal("/admin/doi-mat-khau", Location(held));
    }

    [Fact]
    public async Task Nobody_locks_demotes_or_resets_themselves_out_of_administration()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var id = await UserIdAsync(fixture, Accounts.Administrator);
        var edit = $"/admin/nguoi-dung/{id}/sua";

        var department = (await FindUserAsync(Accounts.Administrator))!.OrganizationId;
        using var demote = await PostAsync(admin, edit, edit, ("DisplayName", "admin"), ("OrganizationId", department), ("Roles", "DepartmentCurator"));
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal("Bạn không thể tự bỏ vai trò Quản trị hệ thống của chính mình.", Text(await AdminClient.ParseAsync(demote), "#Roles-error"));
        Assert.Equal(["Administrator"], await RolesOfAsync(Accounts.Administrator));

        using var lockSelf = await PostAsync(admin, edit, $"/admin/nguoi-dung/{id}/khoa");
        Assert.Equal(HttpStatusCode.Forbidden, lockSelf.StatusCode);
        Assert.False(await IsLockedAsync(Accounts.Administrator));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetPageAsync($"/admin/nguoi-dung/{id}/dat-lai-mat-khau")).Status);
        using var resetSelf = await PostAsync(admin, edit, $"/admin/nguoi-dung/{id}/dat-lai-mat-khau", ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Moi-2026"));
        Assert.Equal(HttpStatusCode.Forbidden, resetSelf.StatusCode);
        Assert.True(await PasswordIsAsync(Accounts.Administrator, CmsAppFactory.AdminPassword));
        var (_, own) = await admin.GetPageAsync(edit);
        Assert.Null(own.QuerySelector($"form[action='/admin/nguoi-dung/{id}/khoa']"));

        // A manager who is not an administrator may not take user administration away from themselves either.
        var (manager, managerName, _) = await ManagerAsync(fixture.Factory, "phong-quan-3", [.. ContributorPermissions, "ManageUsers"]);
        var managerId = await UserIdAsync(fixture, managerName);
        var managerEdit = $"/admin/nguoi-dung/{managerId}/sua";
        using var drop = await PostAsync(manager, managerEdit, managerEdit,
            ("DisplayName", "Người dùng " + managerName), ("OrganizationId", "phong-quan-3"), ("Roles", "SchoolContributor"));
        Assert.Equal("Bạn không thể tự bỏ quyền quản lý người dùng của chính mình.", Text(await AdminClient.ParseAsync(drop), "#Roles-error"));
        using var lockManager = await PostAsync(manager, managerEdit, $"/admin/nguoi-dung/{managerId}/khoa");
        Assert.Equal(HttpStatusCode.Forbidden, lockManager.StatusCode);
    }

    [Fact]
    public async Task A_district_manager_sees_and_changes_only_accounts_of_the_district_and_never_grants_more_than_it_holds()
    {
        var (manager, _, _) = await ManagerAsync(fixture.Factory, "phong-quan-1", [.. ContributorPermissions, "ManageUsers"]);

        var (status, list) = await manager.GetPageAsync("/admin/nguoi-dung");
        Assert.Equal(HttpStatusCode.OK, status);
        var names = UserNames(list);
        Assert.Contains(Accounts.Contributor, names);
        Assert.Contains(Accounts.DistrictCurator, names);
        Assert.DoesNotContain(Accounts.OtherSchoolContributor, names);
        Assert.DoesNotContain(Accounts.Administrator, names);
        Assert.Empty(UserNames((await manager.GetPageAsync("/admin/nguoi-dung?don-vi=phong-luong-son")).Document));
        Assert.Equal("Người dùng", Text(list, ".admin-nav a[href='/admin/nguoi-dung']"));
        Assert.Null(list.QuerySelector(".admin-nav a[href='/admin/vai-tro']"));

        // Accounts outside the district: 404 for every page and action.
        foreach (var outsider in new[] { Accounts.OtherSchoolContributor, Accounts.Administrator })
        {
            var id = await UserIdAsync(fixture, outsider);
            foreach (var (method, template) in Endpoints.Where(e => e.Url.Contains("{id}", StringComparison.Ordinal)))
            {
                var url = template.Replace("{id}", id, StringComparison.Ordinal);
                using var response = method == "GET"
                    ? await manager.GetAsync(url)
                    : await PostAsync(manager, "/admin/nguoi-dung", url, ("DisplayName", "Đổi trái phép"), ("OrganizationId", "phong-quan-1"), ("Roles", "Reviewer"),
                        ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Moi-2026"));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider} {method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetPageAsync("/admin/nguoi-dung/khong-ton-tai/sua")).Status);
        Assert.False(await IsLockedAsync(Accounts.OtherSchoolContributor));
        Assert.Equal("truong-mn-cuu-long", (await FindUserAsync(Accounts.OtherSchoolContributor))!.OrganizationId);

        // The Administrator role is not offered, and a forged grant is refused beside the field.
        var (_, form) = await manager.GetPageAsync("/admin/nguoi-dung/tao");
        Assert.Null(form.QuerySelector("#role-Administrator"));
        Assert.NotNull(form.QuerySelector("#role-SchoolContributor"));
        Assert.Null(form.QuerySelector("#OrganizationId option[value='truong-mn-cuu-long']"));
        var forged = Unique("gia.mao.");
        using var grant = await PostAsync(manager, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao", AccountFields(forged, "truong-mn-tan-dinh", "Administrator"));
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal("Bạn không có quyền cấp vai trò “Quản trị hệ thống”.", Text(await AdminClient.ParseAsync(grant), "#Roles-error"));
        using var outside = await PostAsync(manager, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao", AccountFields(forged, "truong-mn-cuu-long", "SchoolContributor"));
        Assert.Equal("Hãy chọn một đơn vị đang hoạt động thuộc phạm vi bạn quản lý.", Text(await AdminClient.ParseAsync(outside), "#OrganizationId-error"));
        Assert.Null(await FindUserAsync(forged));

        // Inside the district it works: a contributor for Trường MN Tân Định, then moved, but not out of the district.
        var teacher = Unique("gv.tandinh.");
        await CreateUserAsync(manager, teacher, "truong-mn-tan-dinh", "SchoolContributor");
        var teacherId = await UserIdAsync(fixture, teacher);
        var teacherEdit = $"/admin/nguoi-dung/{teacherId}/sua";
        using var move = await PostAsync(manager, teacherEdit, teacherEdit, ("DisplayName", "GV Tân Định"), ("OrganizationId", "phong-luong-son"), ("Roles", "SchoolContributor"));
        Assert.Equal("Hãy chọn một đơn vị đang hoạt động thuộc phạm vi bạn quản lý.", Text(await AdminClient.ParseAsync(move), "#OrganizationId-error"));
        using var moved = await PostAsync(manager, teacherEdit, teacherEdit, ("DisplayName", "GV Tân Định"), ("OrganizationId", "truong-mn-da-kao"), ("Roles", "SchoolContributor"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("truong-mn-da-kao", (await FindUserAsync(teacher))!.OrganizationId);
        using var lockTeacher = await PostAsync(manager, teacherEdit, $"/admin/nguoi-dung/{teacherId}/khoa");
        Assert.Equal(HttpStatusCode.Redirect, lockTeacher.StatusCode);
        Assert.True(await IsLockedAsync(teacher));
    }

    [Fact]
    public async Task A_manager_gets_403_for_an_account_in_scope_that_holds_more_than_the_manager()
    {
        // A manager of the administrator's own Department has the administrator in scope, but no power over it.
        var department = (await FindUserAsync(Accounts.Administrator))!.OrganizationId;
        var (manager, _, _) = await ManagerAsync(fixture.Factory, department, [.. ContributorPermissions, "ManageUsers"]);
        var curator = Unique("chuyenvien.");
        await CreateUserAsync(await As(fixture.Factory, Accounts.Administrator), curator, department, "DepartmentCurator");
        var adminId = await UserIdAsync(fixture, Accounts.Administrator);
        var curatorId = await UserIdAsync(fixture, curator);
        foreach (var id in new[] { adminId, curatorId })
        {
            foreach (var (method, template) in Endpoints.Where(e => e.Url.Contains("{id}", StringComparison.Ordinal)))
            {
                var url = template.Replace("{id}", id, StringComparison.Ordinal);
                using var response = method == "GET"
                    ? await manager.GetAsync(url)
                    : await PostAsync(manager, "/admin/nguoi-dung", url, ("DisplayName", "Đổi trái phép"), ("OrganizationId", department), ("Roles", "SchoolContributor"),
                        ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Moi-2026"));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(await PasswordIsAsync(Accounts.Administrator, CmsAppFactory.AdminPassword));
        Assert.False(await IsLockedAsync(curator));
        Assert.Equal(["DepartmentCurator"], await RolesOfAsync(curator));
        Assert.Equal(["Administrator"], await RolesOfAsync(Accounts.Administrator));

        // Both are listed (they are in scope), and an account holding no more than the manager may be managed.
        var (_, list) = await manager.GetPageAsync("/admin/nguoi-dung");
        Assert.Contains(Accounts.Administrator, UserNames(list));
        Assert.Contains(curator, UserNames(list));
    }

    private static List<string> UserNames(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelectorAll(".users-table tbody tr td:nth-child(2) code").Select(c => c.TextContent.Trim()).ToList();

    private Task<CmsUser?> FindUserAsync(string userName)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName));

    private Task<bool> IsLockedAsync(string userName) => fixture.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!);
    });

    private Task<bool> PasswordIsAsync(string userName, string password) => fixture.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    });

    private Task<List<string>> RolesOfAsync(string userName) => fixture.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).Order(StringComparer.Ordinal).ToList();
    });
}
