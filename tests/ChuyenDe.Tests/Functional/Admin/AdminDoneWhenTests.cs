using System.Net;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>
/// Issue 3's "done when": an administrator creates a school and a contributor for it, and that contributor can
/// create and edit only their school's items.
/// </summary>
public sealed class AdminDoneWhenTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task A_new_school_s_contributor_creates_and_edits_only_their_school_s_items()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var schoolId = "truong-mn-thu-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await SystemAdmin.PostAsync(admin, "/admin/don-vi/tao", "/admin/don-vi/tao",
                   ("Kind", "School"), ("ParentId", "phong-quan-1"), ("Id", schoolId), ("Name", "Trường Mầm non Hoa Mai"), ("ShortName", "MN Hoa Mai")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var userName = SystemAdmin.Unique("gv.hoamai.");
        await SystemAdmin.CreateUserAsync(admin, userName, schoolId, "SchoolContributor");
        var contributor = await SystemAdmin.As(fixture.Factory, userName, SystemAdmin.Password);

        // Creates an Initiative: the organisation is the new school even when another school is posted.
        var form = await EditFormAsync(contributor, "/admin/noi-dung/tao/Initiative");
        var title = FreshTitle("Góc đọc sách cùng bé");
        form.Set("TitlePart.Title", title)
            .Set("OrganizationPart.OrganizationId", BenThanh)
            .Set("Initiative.Summary", "Trẻ tự chọn sách, kể lại câu chuyện cho bạn nghe.")
            .Set("Initiative.Authors", "Lê Thị Hoa")
            .Set("Initiative.SchoolYear", "sy-2025-2026")
            .Set("Initiative.Criteria", "crit-3");
        using var saved = await form.SubmitAsync(contributor);
        var id = EditedId(saved);
        var item = (await LatestAsync(fixture, id))!;
        Assert.Equal(schoolId, item.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());
        Assert.False(item.Published);

        // Edits it.
        var edit = await EditFormAsync(contributor, $"/admin/noi-dung/{id}/sua");
        using var edited = await edit.Set("Initiative.Summary", "Trẻ tự chọn sách và kể lại cho cả lớp.").SubmitAsync(contributor);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Trẻ tự chọn sách và kể lại cho cả lớp.", Text((await LatestAsync(fixture, id))!, "Initiative", "Summary"));

        // Sees only its own school's items in the list, and cannot reach another school's item by id.
        var (listStatus, list) = await contributor.GetPageAsync("/admin/noi-dung?type=Initiative");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var titles = list.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(title, titles);
        Assert.DoesNotContain("Đổi mới giờ ăn cho trẻ", titles);

        var benThanhItem = (await FindByTitleAsync(fixture, "Đổi mới giờ ăn cho trẻ")).Items.First();
        foreach (var url in new[] { $"/admin/noi-dung/{benThanhItem.ContentItemId}/sua", $"/admin/noi-dung/{benThanhItem.ContentItemId}/lich-su" })
        {
            using var response = await contributor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var foreignPost = await contributor.PostFormWithTokenAsync($"/admin/noi-dung/{benThanhItem.ContentItemId}/sua",
            edit.Set("Initiative.Summary", "Sửa trái phép").With("_action", "draft"), edit.Token);
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.NotEqual("Sửa trái phép", Text((await LatestAsync(fixture, benThanhItem.ContentItemId))!, "Initiative", "Summary"));
    }
}
