using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The holes a security review of the back office found, each closed and kept closed.</summary>
public sealed class SecurityReviewTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task Wrong_passwords_typed_by_a_stranger_do_not_end_an_open_session()
    {
        var (curator, userName, _) = await SystemAdmin.ManagerAsync(fixture.Factory, "phong-quan-3", "AccessAdmin", "PreviewContent");
        Assert.Equal(HttpStatusCode.OK, (await curator.GetPageAsync("/admin")).Status);

        using var stranger = new AdminClient(fixture.Factory);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await stranger.SignInAsync(userName, "Sai-mat-khau-" + i);
        }

        Assert.Equal(HttpStatusCode.OK, (await curator.GetPageAsync("/admin")).Status);
        Assert.Equal(HttpStatusCode.OK, (await curator.GetPageAsync("/admin/noi-dung")).Status);
    }

    [Fact]
    public async Task Editing_one_s_own_items_does_not_reveal_colleagues_drafts()
    {
        var colleagueDraft = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp của đồng nghiệp"), BenThanh, Accounts.Contributor, publish: false);
        var (ownOnly, _, _) = await SystemAdmin.ManagerAsync(fixture.Factory, BenThanh, "AccessAdmin", "EditOwnContent");

        using var view = await ownOnly.GetAsync($"/admin/noi-dung/{colleagueDraft.ContentItemId}");
        using var edit = await ownOnly.GetAsync($"/admin/noi-dung/{colleagueDraft.ContentItemId}/sua");
        var (_, list) = await ownOnly.GetPageAsync("/admin/noi-dung");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain(colleagueDraft.DisplayText, list.Body!.TextContent);
    }

    [Fact]
    public async Task Only_administrators_change_the_roles_every_user_or_visitor_holds()
    {
        var (manager, _, _) = await SystemAdmin.ManagerAsync(fixture.Factory, "so-hcm", "AccessAdmin", "ManageRoles", "ViewContent");

        foreach (var role in new[] { "Authenticated", "Anonymous" })
        {
            using var response = await SystemAdmin.PostAsync(manager, "/admin/vai-tro", $"/admin/vai-tro/{role}/sua",
                ("Description", "Đổi trái phép"), ("Permissions", "ViewContent"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var (_, anonymousRole) = await (await SystemAdmin.As(fixture.Factory, Accounts.Administrator)).GetPageAsync("/admin/vai-tro/Anonymous/sua");
        Assert.DoesNotContain("Đổi trái phép", anonymousRole.Body!.TextContent);
    }

    [Fact]
    public async Task Only_administrators_apply_recipes_even_with_the_permission()
    {
        var (manager, _, _) = await SystemAdmin.ManagerAsync(fixture.Factory, "so-hcm", "AccessAdmin", "ApplyRecipes");
        const string recipe = """
            { "name": "LenQuyen", "steps": [ { "name": "Settings", "SiteName": "Trang bị chiếm" } ] }
            """;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await manager.GetTokenAsync("/admin")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(recipe));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipe", "len-quyen.recipe.json");

        using var response = await manager.Http.PostAsync("/admin/cong-thuc", form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var home = await new AdminClient(fixture.Factory).GetAsync("/");
        Assert.DoesNotContain("Trang bị chiếm", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_absurd_page_number_is_an_empty_page_not_an_error()
    {
        using var client = new AdminClient(fixture.Factory);
        using var response = await client.GetAsync("/kho-hoc-lieu?page=2147483647");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chưa có nội dung phù hợp", await response.Content.ReadAsStringAsync());
    }
}
