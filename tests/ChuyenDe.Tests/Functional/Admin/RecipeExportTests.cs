using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Definitions;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>Exporting definitions and content as an Orchard Core recipe, and applying uploaded recipes.</summary>
public sealed class RecipeExportTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string ExportUrl = "/admin/loai-noi-dung/xuat";
    private const string ImportUrl = "/admin/cong-thuc";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Downloads a recipe through the export form.</summary>
    private static async Task<(HttpResponseMessage Response, JsonObject Recipe, string Text)> DownloadAsync(
        AdminClient admin, IEnumerable<string> types, bool content, string version = "Latest")
    {
        var fields = types.Select(t => new KeyValuePair<string, string>("Types", t)).ToList();
        if (content)
        {
            fields.Add(new("IncludeContent", "true"));
        }

        fields.Add(new("Version", version));
        var response = await admin.PostFormWithTokenAsync(ExportUrl, fields, await admin.GetTokenAsync(ExportUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text)!.AsObject(), text);
    }

    private Task<IReadOnlyList<string>> AllTypeNamesAsync()
        => fixture.WithServicesAsync<IReadOnlyList<string>>(async sp =>
            (await sp.GetRequiredService<IContentDefinitionManager>().ListTypeDefinitionsAsync()).Select(t => t.Name).ToList());

    /// <summary>Uploads a recipe file through the form, with the page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(AdminClient client, string fileName, string json, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await client.GetTokenAsync(ImportUrl)), "__RequestVerificationToken");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipe", fileName);
        return await client.Http.PostAsync(ImportUrl, form);
    }

    private static JsonObject Step(JsonObject recipe, string name)
        => recipe["steps"]!.AsArray().OfType<JsonObject>().Single(s => s["name"]!.GetValue<string>() == name);

    [Fact]
    public async Task The_export_downloads_an_Orchard_Core_recipe_of_the_chosen_types_exactly_as_stored()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        var (response, recipe, text) = await DownloadAsync(admin, ["Initiative", "Taxonomy"], content: false);

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Assert.Equal($"chuyende-export-{today:yyyy-MM-dd}.recipe.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("ChuyenDe.Export", recipe["name"]!.GetValue<string>());
        Assert.False(recipe["issetuprecipe"]!.GetValue<bool>());
        Assert.Equal("1.0.0", recipe["version"]!.GetValue<string>());
        Assert.Contains("Sáng kiến", recipe["description"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(recipe["displayName"]!.GetValue<string>()));
        Assert.Contains("Sáng kiến", text); // Vietnamese letters as they are, not \u escapes
        var step = Assert.Single(recipe["steps"]!.AsArray())!.AsObject();
        Assert.Equal("ContentDefinition", step["name"]!.GetValue<string>());

        var (initiative, taxonomy, initiativePart) = await fixture.WithServicesAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            return (await definitions.GetTypeJsonAsync("Initiative"), await definitions.GetTypeJsonAsync("Taxonomy"), await definitions.GetPartJsonAsync("Initiative"));
        });
        var types = step["ContentTypes"]!.AsArray();
        Assert.Equal(2, types.Count);
        Assert.True(JsonNode.DeepEquals(initiative, types[0]));
        Assert.True(JsonNode.DeepEquals(taxonomy, types[1]));
        // Only the parts the chosen types use (Initiative's own part; TitlePart and the others have no stored definition).
        Assert.True(JsonNode.DeepEquals(initiativePart, Assert.Single(step["ContentParts"]!.AsArray())));
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_site_then_export_again_gives_identical_JSON()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var (_, exported, text) = await DownloadAsync(admin, await AllTypeNamesAsync(), content: true);
        var items = Step(exported, "Content")["data"]!.AsArray();
        Assert.True(items.Count > 40, $"only {items.Count} items exported");
        Assert.Contains(items, i => i!["ContentItemId"]!.GetValue<string>() == "initiative-ban-nhap-goc-thien-nhien" && !i["Published"]!.GetValue<bool>());

        // A fresh site: migrated, nothing applied.
        await using var fresh = await TestHost.CreateAsync(configureServices: s => s.AddDefinitionsModule());
        var applied = await fresh.RunRecipeAsync(text, "chuyende-export.recipe.json");
        Assert.True(applied.Changes > items.Count);

        var previousCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vietnamese; // as in a request of the site, so that the texts are the same
        try
        {
            var again = await fresh.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync(new RecipeExportRequest
            {
                IncludeContent = true,
                Version = ExportVersion.Latest,
            }));
            Assert.True(JsonNode.DeepEquals(exported, again.Recipe), "The second export differs from the first.");
            Assert.Equal(text, again.ToJsonString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousCulture;
        }
    }

    [Fact]
    public async Task Importing_the_export_into_the_same_site_changes_nothing()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var (_, _, text) = await DownloadAsync(admin, await AllTypeNamesAsync(), content: true);

        var result = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(text, "export.recipe.json", Path.GetTempPath()));
        Assert.Equal(0, result.Changes);

        // Through the upload form too.
        using var response = await UploadAsync(admin, "chuyende-export.recipe.json", text);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.GetPageAsync(ImportUrl);
        Assert.Contains("không có gì thay đổi", page.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task A_published_export_carries_only_published_versions()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        var (_, recipe, _) = await DownloadAsync(admin, ["Initiative"], content: true, version: "Published");

        var items = Step(recipe, "Content")["data"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i["Published"]!.GetValue<bool>()));
        Assert.All(items, i => Assert.Equal("Initiative", i["ContentType"]!.GetValue<string>()));
        Assert.DoesNotContain(items, i => i["ContentItemId"]!.GetValue<string>() == "initiative-ban-nhap-goc-thien-nhien");
        Assert.Equal(items.Select(i => i["ContentItemId"]!.GetValue<string>()).Order(StringComparer.Ordinal), items.Select(i => i["ContentItemId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_broken_recipe_is_refused_with_its_step_and_JSON_path_in_Vietnamese_and_nothing_is_applied()
    {
        var name = "DotMoi" + Guid.NewGuid().ToString("N")[..8];
        var broken = $$"""
            {
              "name": "broken",
              "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{name}}", "DisplayName": "Đợt mới", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart" } ] } ] },
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{name}}B", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart" }, { "PartName": "FooPart" } ] } ] }
              ]
            }
            """;
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        using var response = await UploadAsync(admin, "hong.recipe.json", broken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        var refusal = page.QuerySelector(".recipe-refusal")!;
        Assert.Contains("Không có thay đổi nào được áp dụng", refusal.TextContent);
        Assert.Contains("hong.recipe.json", refusal.TextContent);
        Assert.Contains("bước 2 (ContentDefinition)", refusal.TextContent);
        Assert.Equal("$.steps[1].ContentTypes[0].ContentTypePartDefinitionRecords[1].PartName", refusal.QuerySelector(".recipe-path")!.TextContent.Trim());
        Assert.StartsWith("Không biết phần 'FooPart'", refusal.QuerySelector(".recipe-reason")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".flash"));
        Assert.Null(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeJsonAsync(name)));

        using var notJson = await UploadAsync(admin, "khong-phai-json.recipe.json", "{ \"name\": \"x\", \"steps\": [ { \"name\": ");
        var notJsonPage = await AdminClient.ParseAsync(notJson);
        Assert.StartsWith("Tệp không phải JSON hợp lệ (dòng 1", notJsonPage.QuerySelector(".recipe-reason")!.TextContent.Trim());

        using var empty = await UploadAsync(admin, "trong.recipe.json", "");
        Assert.Contains("Hãy chọn tệp công thức", (await AdminClient.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task A_valid_uploaded_recipe_is_applied_and_says_what_changed()
    {
        var name = "DotMoi" + Guid.NewGuid().ToString("N")[..8];
        var recipe = $$"""
            { "name": "them-loai", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{name}}", "DisplayName": "Đợt báo cáo", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] } ] }
            """;
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        using var response = await UploadAsync(admin, "them-loai.recipe.json", recipe);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.GetPageAsync(ImportUrl);
        Assert.Equal("Đã áp dụng công thức them-loai với 1 thay đổi.", page.QuerySelector(".flash")!.TextContent.Trim());
        Assert.NotNull(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeJsonAsync(name)));
    }

    [Fact]
    public async Task Only_holders_of_ExportRecipes_and_ApplyRecipes_may_export_and_apply()
    {
        var name = "DotMoi" + Guid.NewGuid().ToString("N")[..8];
        var recipe = $$"""{ "name": "x", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{name}}" } ] } ] }""";
        using var anonymous = new AdminClient(fixture.Factory);
        foreach (var url in new[] { ExportUrl, ImportUrl })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        }

        foreach (var user in new[] { Accounts.DepartmentCurator, Accounts.DistrictCurator, Accounts.Reviewer, Accounts.Contributor })
        {
            using var client = await AdminClient.SignedInAsync(fixture.Factory, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(ExportUrl)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(ImportUrl)).Status);
            using var export = await client.PostFormAsync("/admin", ExportUrl, new() { ["Types"] = "Initiative", ["IncludeContent"] = "true" });
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);

            using var form = new MultipartFormDataContent
            {
                { new StringContent(await client.GetTokenAsync("/admin")), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(recipe)), "recipe", "x.recipe.json" },
            };
            using var upload = await client.Http.PostAsync(ImportUrl, form);
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
            var (_, dashboard) = await client.GetPageAsync("/admin");
            Assert.Null(dashboard.QuerySelector($".admin-nav a[href='{ImportUrl}']"));
            Assert.Null(dashboard.QuerySelector($".admin-nav a[href='{ExportUrl}']"));
        }

        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        using (var noToken = await UploadAsync(admin, "x.recipe.json", recipe, withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var exportNoToken = await admin.PostFormWithTokenAsync(ExportUrl, [new("Types", "Initiative")], token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, exportNoToken.StatusCode);
        }

        Assert.Null(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeJsonAsync(name)));
        var (_, adminDashboard) = await admin.GetPageAsync("/admin");
        var system = adminDashboard.QuerySelectorAll(".admin-nav a").OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(ExportUrl, system);
        Assert.Contains(ImportUrl, system);
    }

    [Fact]
    public async Task An_export_without_any_type_chosen_explains_itself()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var (status, form) = await admin.GetPageAsync(ExportUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((await AllTypeNamesAsync()).Count, form.QuerySelectorAll("input[name=Types][checked]").Length);

        using var response = await admin.PostFormAsync(ExportUrl, ExportUrl, new() { ["Version"] = "Latest" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Hãy chọn ít nhất một loại nội dung", (await AdminClient.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
    }
}
