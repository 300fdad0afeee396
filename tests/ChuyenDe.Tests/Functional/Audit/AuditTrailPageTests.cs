using System.Net;
using System.Security.Claims;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Audit;

/// <summary>
/// /admin/nhat-ky and its CSV: who may see it, what each user sees of it (their subtree), the filters, and that the
/// security, organisation and content changes made through the back office are recorded.
/// </summary>
public sealed class AuditTrailPageTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string Page = "/admin/nhat-ky";
    private const string Csv = "/admin/nhat-ky/xuat.csv";

    // From recipes/sample-content.recipe.json: a Bến Thành initiative (Quận 1) and a Cửu Long one (Lương Sơn).
    private const string BenThanhItem = "initiative-doi-moi-gio-an";
    private const string CuuLongItem = "initiative-so-do-chu-de-mo-cung-tre";

    /// <summary>The curators hold ViewAuditTrail (the setup recipe grants it; granted here too in case it does not yet).</summary>
    private async Task<AdminClient> CuratorAsync(string userName)
    {
        await fixture.WithServicesAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
            foreach (var name in new[] { RoleNames.DistrictCurator, RoleNames.DepartmentCurator })
            {
                var role = (await roles.FindByNameAsync(name))!;
                if (!(await roles.GetClaimsAsync(role)).Any(c => c.Type == PermissionClaims.Type && c.Value == "ViewAuditTrail"))
                {
                    await roles.AddClaimAsync(role, new Claim(PermissionClaims.Type, "ViewAuditTrail"));
                }
            }

            return 0;
        });
        return await As(fixture.Factory, userName);
    }

    private static IReadOnlyList<IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("table.audit-table tbody tr").ToList();

    private static string Action(IElement row) => row.QuerySelector("td.audit-action .audit-action-text")?.TextContent.Trim() ?? "";

    private static string Cell(IElement row, string cell) => row.QuerySelector("td." + cell)?.TextContent.Trim() ?? "";

    private static async Task<IReadOnlyList<IElement>> RowsAsync(AdminClient client, string url)
    {
        var (status, page) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return Rows(page);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_school_contributor_gets_403_on_the_page_and_the_csv()
    {
        using var anonymous = new AdminClient(fixture.Factory);
        foreach (var url in new[] { Page, Csv })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", Location(response));
        }

        var contributor = await As(fixture.Factory, Accounts.Contributor);
        foreach (var url in new[] { Page, Csv, Csv + "?noi-dung=" + BenThanhItem, Page + "?noi-dung=" + BenThanhItem })
        {
            using var response = await contributor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(BenThanhItem, await response.Content.ReadAsStringAsync());
        }

        var (_, dashboard) = await contributor.GetPageAsync("/admin");
        Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/nhat-ky']"));
    }

    [Fact]
    public async Task A_district_curator_sees_the_entries_of_the_district_and_not_those_of_another_district()
    {
        var quan1 = await CuratorAsync(Accounts.DistrictCurator);
        var (status, page) = await quan1.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Nhật ký hoạt động", Text(page, "h1"));
        Assert.Equal("Nhật ký hoạt động", Text(page, ".admin-nav a[href='/admin/nhat-ky']"));

        // The sample content was imported at setup and recorded as the system's work.
        var own = await RowsAsync(quan1, Page + "?noi-dung=" + BenThanhItem);
        Assert.NotEmpty(own);
        Assert.Contains(own, r => Action(r) == "Tạo mới" && Cell(r, "audit-actor") == "(hệ thống)");
        Assert.All(own, r => Assert.Contains("Trường Mầm non Bến Thành", Cell(r, "audit-subject")));

        Assert.Empty(await RowsAsync(quan1, Page + "?noi-dung=" + CuuLongItem));
        Assert.Empty(await RowsAsync(quan1, Page + "?don-vi=phong-luong-son"));
        var all = await RowsAsync(quan1, Page + "?q=" + Uri.EscapeDataString("Sơ đồ chủ đề mở"));
        Assert.Empty(all);

        var csv = await quan1.Http.GetStringAsync(Csv);
        Assert.Contains(BenThanhItem, csv);
        Assert.DoesNotContain(CuuLongItem, csv);

        // The other district's curator sees it the other way round; an administrator sees both.
        var luongSon = await CuratorAsync(Accounts.OtherDistrictCurator);
        Assert.NotEmpty(await RowsAsync(luongSon, Page + "?noi-dung=" + CuuLongItem));
        Assert.Empty(await RowsAsync(luongSon, Page + "?noi-dung=" + BenThanhItem));
        var admin = await As(fixture.Factory, Accounts.Administrator);
        Assert.NotEmpty(await RowsAsync(admin, Page + "?noi-dung=" + CuuLongItem));
        Assert.NotEmpty(await RowsAsync(admin, Page + "?noi-dung=" + BenThanhItem));
    }

    [Fact]
    public async Task A_change_of_a_role_s_permissions_is_recorded_with_what_was_added_and_removed()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var role = Unique("NhatKy");
        await CreateRoleAsync(admin, role, "AccessAdmin", "ViewContent");
        using (var response = await PostAsync(admin, $"/admin/vai-tro/{role}/sua", $"/admin/vai-tro/{role}/sua",
                   ("Description", "Vai trò thử " + role), ("Permissions", "AccessAdmin"), ("Permissions", "PreviewContent")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rows = await RowsAsync(admin, $"{Page}?nhom=Security&q={role}");
        Assert.Equal(2, rows.Count);
        Assert.Equal("Đổi quyền của vai trò", Action(rows[0]));
        Assert.Equal("+PreviewContent \u2212ViewContent", Cell(rows[0], "audit-details"));
        Assert.StartsWith("admin", Cell(rows[0], "audit-actor"));
        Assert.Equal("Tạo vai trò", Action(rows[1]));
        Assert.Equal("+AccessAdmin +ViewContent", Cell(rows[1], "audit-details"));

        Assert.Single(await RowsAsync(admin, $"{Page}?hanh-dong=RolePermissionsChanged&q={role}"));
    }

    [Fact]
    public async Task Locking_a_user_is_recorded_and_seen_by_the_district_of_the_user_only()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("nhatky.");
        await CreateUserAsync(admin, userName, ContentAdminSupport.BenThanh, RoleNames.SchoolContributor);
        var id = await UserIdAsync(fixture, userName);
        using (var response = await PostAsync(admin, $"/admin/nguoi-dung/{id}/sua", $"/admin/nguoi-dung/{id}/khoa"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rows = await RowsAsync(admin, $"{Page}?q={userName}");
        Assert.Equal(["Khóa tài khoản", "Tạo tài khoản"], rows.Select(r => Action(r)).ToArray());
        Assert.All(rows, r => Assert.Contains("Tài khoản và phân quyền", Cell(r, "audit-action")));
        Assert.Contains("Trường Mầm non Bến Thành", Cell(rows[0], "audit-subject"));
        Assert.Equal("+SchoolContributor", Cell(rows[1], "audit-details"));

        var quan1 = await CuratorAsync(Accounts.DistrictCurator);
        Assert.Equal(2, (await RowsAsync(quan1, $"{Page}?q={userName}")).Count);
        var luongSon = await CuratorAsync(Accounts.OtherDistrictCurator);
        Assert.Empty(await RowsAsync(luongSon, $"{Page}?q={userName}"));
    }

    [Fact]
    public async Task Editing_a_user_s_profile_and_roles_and_resetting_the_password_are_recorded()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("suanhatky.");
        await CreateUserAsync(admin, userName, ContentAdminSupport.BenThanh, RoleNames.SchoolContributor);
        var id = await UserIdAsync(fixture, userName);
        using (var edited = await PostAsync(admin, $"/admin/nguoi-dung/{id}/sua", $"/admin/nguoi-dung/{id}/sua",
                   ("DisplayName", "Trần Thị Mai"), ("Email", userName + "@example.edu.vn"), ("OrganizationId", "truong-mn-tan-dinh"),
                   ("Roles", RoleNames.Reviewer)))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var reset = await PostAsync(admin, $"/admin/nguoi-dung/{id}/dat-lai-mat-khau", $"/admin/nguoi-dung/{id}/dat-lai-mat-khau",
                   ("Password", "Mat-khau-Moi-2026"), ("ConfirmPassword", "Mat-khau-Moi-2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        var rows = await RowsAsync(admin, $"{Page}?nhom=Security&q={userName}");
        Assert.Equal(["Đặt lại mật khẩu", "Đổi vai trò của tài khoản", "Sửa tài khoản", "Tạo tài khoản"], rows.Select(Action).ToArray());
        Assert.Equal("+Reviewer \u2212SchoolContributor", Cell(rows[1], "audit-details"));
        Assert.Equal("DisplayName: Người dùng " + userName + " \u2192 Trần Thị Mai; OrganizationId: truong-mn-ben-thanh \u2192 truong-mn-tan-dinh",
            Cell(rows[2], "audit-details"));
        Assert.DoesNotContain("Mat-khau", string.Join(" ", rows.Select(r => r.TextContent)));
    }

    [Fact]
    public async Task Organisation_changes_are_recorded()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var unitId = Unique("truong-nk-");
        using (var created = await PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
                   ("Id", unitId), ("Kind", "School"), ("Name", "Trường Mầm non Nhật Ký"), ("ParentId", "phong-quan-1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using (var renamed = await PostAsync(admin, $"/admin/don-vi/{unitId}/sua", $"/admin/don-vi/{unitId}/sua",
                   ("Name", "Trường Mầm non Nhật Ký Mới"), ("ParentId", "phong-quan-1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var deleted = await PostAsync(admin, $"/admin/don-vi/{unitId}/xoa", $"/admin/don-vi/{unitId}/xoa"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var rows = await RowsAsync(admin, $"{Page}?nhom=Organization&q=nhat+ky");
        Assert.Equal(["Xóa đơn vị", "Đổi tên đơn vị", "Tạo đơn vị"], rows.Select(r => Action(r)).Take(3).ToArray());
        Assert.Equal("Name: Trường Mầm non Nhật Ký \u2192 Trường Mầm non Nhật Ký Mới", Cell(rows[1], "audit-details"));

        // The district office of the deleted school still sees that it was deleted.
        var quan1 = await CuratorAsync(Accounts.DistrictCurator);
        Assert.Contains(await RowsAsync(quan1, $"{Page}?nhom=Organization&q=nhat+ky"), r => Action(r) == "Xóa đơn vị");
    }

    [Fact]
    public async Task Content_changes_and_a_restore_are_recorded_with_their_versions_on_the_item_s_own_trail()
    {
        var title = ContentAdminSupport.FreshTitle("Nhật ký sáng kiến");
        var first = await ContentAdminSupport.CreateInitiativeAsync(fixture, title, ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        var id = first.ContentItemId;
        var second = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = first.Clone();
            draft.GetOrCreatePart("TitlePart")["Title"] = title + " (sửa)";
            var result = await contents.SaveDraftAsync(draft, new ContentActor(first.Owner, Accounts.Contributor));
            return result.Item!;
        });

        var admin = await As(fixture.Factory, Accounts.Administrator);
        var history = $"/admin/noi-dung/{id}/lich-su";
        using (var restored = await admin.PostFormAsync(history, $"/admin/noi-dung/{id}/khoi-phuc", new() { ["versionId"] = first.ContentItemVersionId }))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        var latest = (await ContentAdminSupport.LatestAsync(fixture, id))!;
        var (status, page) = await admin.GetPageAsync($"{Page}?noi-dung={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nhật ký của một nội dung", Text(page, "h1"));
        var rows = Rows(page);
        Assert.Equal(["Khôi phục phiên bản", "Sửa", "Sửa", "Tạo mới"], rows.Select(r => Action(r)).ToArray());
        Assert.Equal(["admin", "admin", Accounts.Contributor, Accounts.Contributor], rows.Select(r => Cell(r, "audit-actor").Split('\n')[0].Trim()).ToArray());
        string Versions(IElement row) => string.Join(" ", row.QuerySelectorAll("td.audit-versions code").Select(c => c.TextContent));
        Assert.Equal($"{second.ContentItemVersionId} {latest.ContentItemVersionId}", Versions(rows[0]));
        Assert.Contains(first.ContentItemVersionId, Cell(rows[0], "audit-details"));
        Assert.Equal($"{first.ContentItemVersionId} {second.ContentItemVersionId}", Versions(rows[2]));
        Assert.Equal(first.ContentItemVersionId, Versions(rows[3]));
        Assert.Contains("Sở GD&ĐT TP.HCM", Cell(rows[0], "audit-actor"));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/noi-dung/{id}/sua']"));

        // The district curator of the school sees the same trail.
        var quan1 = await CuratorAsync(Accounts.DistrictCurator);
        Assert.Equal(4, (await RowsAsync(quan1, $"{Page}?noi-dung={id}")).Count);
    }

    [Fact]
    public async Task The_csv_has_a_byte_order_mark_a_header_quoted_cells_and_no_formulas()
    {
        var title = ContentAdminSupport.FreshTitle("=SUM(1,2) \"Bé vui\"");
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, title, ContentAdminSupport.BenThanh, Accounts.Contributor, publish: true);
        var admin = await As(fixture.Factory, Accounts.Administrator);

        using var response = await admin.GetAsync($"{Csv}?noi-dung={item.ContentItemId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("\"Thời gian (giờ Việt Nam)\",\"Nhóm\",\"Hành động\",\"Người thực hiện\",\"Đơn vị người thực hiện\",\"Đối tượng\",\"Loại nội dung\","
                     + "\"Mã nội dung\",\"Đơn vị\",\"Phiên bản trước\",\"Phiên bản sau\",\"Lý do\",\"Chi tiết\"", lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1];
        Assert.Equal(2, rows.Length); // created, published
        var quotedTitle = "\"'" + title.Replace("\"", "\"\"") + "\"";
        Assert.All(rows, r => Assert.Contains("," + quotedTitle + ",", r));
        Assert.Contains(rows, r => r.Contains("\"Xuất bản\"") && r.Contains("\"" + item.ContentItemVersionId + "\""));
        Assert.All(rows, r => Assert.Contains($"\"{item.ContentItemId}\"", r));
        Assert.DoesNotContain(",\"=", text);
    }

    [Fact]
    public async Task The_filters_narrow_the_list_and_bad_filters_get_a_clear_message()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1).ToString("yyyy-MM-dd");

        Assert.NotEmpty(await RowsAsync(admin, $"{Page}?noi-dung={BenThanhItem}&tu={today}&den={today}"));
        Assert.Empty(await RowsAsync(admin, $"{Page}?noi-dung={BenThanhItem}&tu={tomorrow}"));

        // Without tone marks, in any case.
        var found = await RowsAsync(admin, $"{Page}?q=DOI+MOI+GIO+AN&hanh-dong=Created");
        Assert.Contains(found, r => Cell(r, "audit-subject").StartsWith("Đổi mới giờ ăn cho trẻ", StringComparison.Ordinal));

        var content = await RowsAsync(admin, $"{Page}?nhom=Content");
        Assert.NotEmpty(content);
        Assert.All(content, r => Assert.StartsWith("Nội dung", Cell(r, "audit-action")));

        var system = await RowsAsync(admin, $"{Page}?nguoi=SYSTEM&don-vi=phong-quan-1");
        Assert.NotEmpty(system);
        Assert.All(system, r => Assert.Equal("(hệ thống)", Cell(r, "audit-actor")));
        Assert.DoesNotContain(system, r => Cell(r, "audit-subject").Contains("Cửu Long"));

        var (status, page) = await admin.GetPageAsync($"{Page}?tu=31/02/2026&nhom=Nothing");
        Assert.Equal(HttpStatusCode.OK, status);
        var errors = Text(page, ".error-summary");
        Assert.Contains("“31/02/2026” không phải là ngày", errors);
        Assert.Contains("Hãy chọn nhóm trong danh sách.", errors);

        using var bad = await admin.GetAsync($"{Csv}?den=hom-qua");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("không phải là ngày", await bad.Content.ReadAsStringAsync());

        // Paging keeps the filters.
        var (_, all) = await admin.GetPageAsync($"{Page}?nguoi=system");
        var next = all.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/admin/nhat-ky?nguoi=system&trang=2", next);
    }
}
