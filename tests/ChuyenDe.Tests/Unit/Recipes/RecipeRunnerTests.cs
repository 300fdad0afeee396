using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Recipes;

public sealed class RecipeRunnerTests
{
    private const string DemoPassword = "Demo-Passw0rd-2026";

    /// <summary>A valid first step that changes the database: a new content type with a part of its own.</summary>
    private const string ValidFirstStep = """
        {
          "name": "ContentDefinition",
          "ContentTypes": [
            {
              "Name": "Announcement",
              "DisplayName": "Thông báo",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "Announcement", "Name": "Announcement" }
              ]
            }
          ],
          "ContentParts": [
            {
              "Name": "Announcement",
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Body", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Nội dung" } } }
              ]
            }
          ]
        }
        """;

    /// <summary>A valid first step that changes settings and organisations too.</summary>
    private const string ValidSettingsStep = """{ "name": "Settings", "SiteName": "Tên trang đã đổi", "PageSize": 24 }""";

    private const string ValidOrganizationsStep = """
        { "name": "Organizations", "Organizations": [
          { "Id": "phong-quan-3", "Name": "Phòng Giáo dục và Đào tạo Quận 3", "Kind": "DistrictOffice", "ParentId": "so-hcm" }
        ] }
        """;

    private static string Recipe(params string[] steps) => $$"""
        {
          "name": "test",
          "steps": [
            {{string.Join(",\n", steps)}}
          ]
        }
        """;

    private static async Task<TestHost> CreateHostWithSetupAsync(IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var host = await TestHost.CreateAsync(configuration);
        await host.RunSetupRecipeAsync();
        return host;
    }

    /// <summary>Runs a recipe that must be refused and proves the database is exactly as before.</summary>
    private static async Task<RecipeException> AssertRefusedAsync(TestHost host, string json, string fileName = "bad.recipe.json", string? directory = null)
    {
        var before = await host.SnapshotAsync();
        var ex = await Assert.ThrowsAsync<RecipeException>(() => host.RunRecipeAsync(json, fileName, directory));
        Assert.Equal(before, await host.SnapshotAsync());
        Assert.Equal(fileName, ex.File);
        await host.InScopeAsync(async sp =>
        {
            Assert.Null(await sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Announcement"));
            Assert.NotEqual("Tên trang đã đổi", (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).SiteName);
            Assert.Null(await sp.GetRequiredService<IOrganizationService>().GetAsync("phong-quan-3"));
        });
        return ex;
    }

    [Fact]
    public void The_setup_recipe_is_copied_to_the_test_output()
        => Assert.True(File.Exists(Path.Combine(TestHost.RecipesFolder, TestHost.SetupRecipeFileName)),
            $"Missing {Path.Combine(TestHost.RecipesFolder, TestHost.SetupRecipeFileName)}");

    [Fact]
    public async Task The_setup_recipe_defines_the_content_model_taxonomies_roles_settings_and_root_organisation()
    {
        await using var host = await TestHost.CreateAsync();

        var result = await host.RunSetupRecipeAsync();

        Assert.Equal("ChuyenDe", result.Name);
        Assert.True(result.Changes > 0);
        await host.InScopeAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var expected = new Dictionary<string, string>
            {
                ["Initiative"] = "Sáng kiến",
                ["ExemplaryProduct"] = "Sản phẩm điển hình",
                ["ModelSite"] = "Mô hình điểm",
                ["Article"] = "Tin tức",
                ["Event"] = "Sự kiện",
                ["Page"] = "Trang",
                ["Taxonomy"] = "Danh mục phân loại",
                ["Term"] = "Thuật ngữ",
            };
            foreach (var (name, displayName) in expected)
            {
                var type = await definitions.GetTypeDefinitionAsync(name);
                Assert.True(type is not null, $"Type {name} is missing.");
                Assert.Equal(displayName, type.DisplayName);
            }

            var initiative = (await definitions.GetTypeDefinitionAsync("Initiative"))!;
            Assert.True(initiative.TypeSettings.Versionable);
            Assert.True(initiative.HasPart(ContentKinds.PublishLaterPart));
            var summary = initiative.AllFields().Single(f => f.Field.Name == "Summary").Field;
            Assert.Equal("Tóm tắt", summary.DisplayName);
            Assert.True(summary.KindSettings.Required);
            var criteria = initiative.AllFields().Single(f => f.Field.Name == "Criteria").Field;
            Assert.Equal("tax-criteria", criteria.KindSettings.TaxonomyContentItemId);

            var taxonomies = sp.GetRequiredService<ITaxonomyService>();
            var criteriaTaxonomy = await taxonomies.GetTaxonomyAsync("tax-criteria");
            Assert.NotNull(criteriaTaxonomy);
            Assert.Equal("Nội dung chuyên đề", criteriaTaxonomy.Title);
            Assert.Equal(["crit-1", "crit-2", "crit-3", "crit-4", "crit-5"], criteriaTaxonomy.Terms.Select(t => t.ContentItemId));
            Assert.Equal("School", (await taxonomies.FindTermAsync("level-truong"))?.Code);
            Assert.Equal(10, (await taxonomies.GetTaxonomyAsync("tax-school-years"))?.Terms.Count);

            var page = await sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("gioi-thieu");
            Assert.Equal("Giới thiệu chuyên đề", page?.DisplayText);

            var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
            foreach (var roleName in new[] { RoleNames.Administrator, RoleNames.DepartmentCurator, RoleNames.DistrictCurator,
                         RoleNames.Reviewer, RoleNames.SchoolContributor, RoleNames.Authenticated, RoleNames.Anonymous })
            {
                Assert.True(await roles.RoleExistsAsync(roleName), $"Role {roleName} is missing.");
            }

            async Task<HashSet<string>> PermissionsOf(string role)
                => (await roles.GetClaimsAsync((await roles.FindByNameAsync(role))!))
                    .Where(c => c.Type == PermissionClaims.Type).Select(c => c.Value).ToHashSet();

            var admin = await PermissionsOf(RoleNames.Administrator);
            Assert.Contains("ManageUsers", admin);
            Assert.Contains("ApplyRecipes", admin);
            Assert.Contains("PublishContent", admin);
            var contributor = await PermissionsOf(RoleNames.SchoolContributor);
            Assert.Contains("EditOwnContent", contributor);
            Assert.DoesNotContain("PublishContent", contributor);
            Assert.Equal(["ViewContent"], await PermissionsOf(RoleNames.Anonymous));

            var settings = await sp.GetRequiredService<ISiteSettingsService>().GetAsync();
            Assert.Equal("Asia/Ho_Chi_Minh", settings.TimeZoneId);
            Assert.Equal("vi-VN", settings.Culture);
            Assert.Equal(12, settings.PageSize);

            var root = await sp.GetRequiredService<IOrganizationService>().GetAsync("so-hcm");
            Assert.Equal(OrganizationKind.Department, root?.Kind);
            Assert.True(await sp.GetRequiredService<IRecipeExecutor>().HasBeenAppliedAsync(TestHost.SetupRecipeFileName));
        });
    }

    [Fact]
    public async Task Applying_the_setup_recipe_twice_changes_nothing_the_second_time()
    {
        await using var host = await TestHost.CreateAsync();
        var first = await host.RunSetupRecipeAsync();
        var before = await host.SnapshotAsync();

        var second = await host.RunSetupRecipeAsync();

        Assert.True(first.Changes > 0);
        Assert.Equal(0, second.Changes);
        var after = await host.SnapshotAsync();
        Assert.Equal(before with { RecipeExecutions = after.RecipeExecutions }, after);
        Assert.Equal(before.RecipeExecutions + 1, after.RecipeExecutions);
    }

    [Fact]
    public async Task Comments_trailing_commas_and_lower_case_step_names_are_accepted()
    {
        await using var host = await TestHost.CreateAsync();
        const string json = """
            // A recipe written by hand.
            {
              "name": "hand-written",
              "steps": [
                /* the type first */
                {
                  "name": "contentdefinition",
                  "ContentTypes": [
                    { "Name": "Notice", "DisplayName": "Thông báo", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart" }, ], },
                  ],
                },
                { "name": "SETTINGS", "SiteName": "Trang thử", }, // trailing comma above
              ],
            }
            """;

        var result = await host.RunRecipeAsync(json, "hand.recipe.json");

        Assert.Equal("hand-written", result.Name);
        Assert.Equal(2, result.Changes);
        await host.InScopeAsync(async sp =>
        {
            Assert.Equal("Thông báo", (await sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Notice"))?.DisplayName);
            Assert.Equal("Trang thử", (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).SiteName);
        });
    }

    [Fact]
    public async Task An_unknown_step_is_refused_before_anything_is_applied()
    {
        await using var host = await CreateHostWithSetupAsync();

        var ex = await AssertRefusedAsync(host, Recipe(ValidFirstStep, """{ "name": "NoSuchStep" }"""));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("NoSuchStep", ex.StepName);
        Assert.Equal("$.steps[1].name", ex.JsonPath);
        Assert.Contains("NoSuchStep", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_part_kind_is_refused_and_the_earlier_steps_are_rolled_back()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "ContentDefinition", "ContentTypes": [
              { "Name": "Brochure", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart" }, { "PartName": "GalleryPart" } ] }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidFirstStep, ValidSettingsStep, ValidOrganizationsStep, bad));

        Assert.Equal(4, ex.StepNumber);
        Assert.Equal("ContentDefinition", ex.StepName);
        Assert.Equal("$.steps[3].ContentTypes[0].ContentTypePartDefinitionRecords[1].PartName", ex.JsonPath);
        Assert.Contains("GalleryPart", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_kind_is_refused()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "ContentDefinition", "ContentParts": [
              { "Name": "Brochure", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Intro" },
                { "FieldName": "ColorField", "Name": "Colour" }
              ] }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidFirstStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("ContentDefinition", ex.StepName);
        Assert.Equal("$.steps[1].ContentParts[0].ContentPartFieldDefinitionRecords[1].FieldName", ex.JsonPath);
        Assert.Contains("ColorField", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_refused_with_its_path()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "ContentDefinition", "ContentTypes": [
              { "Name": "Brochure", "Settings": { "ContentTypeSettings": { "Creatable": "yes" } } }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidFirstStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("$.steps[1].ContentTypes[0].Settings.ContentTypeSettings.Creatable", ex.JsonPath);
        Assert.EndsWith(".Settings.ContentTypeSettings.Creatable", ex.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_value_of_the_wrong_type_in_a_content_step_is_refused_with_its_path()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "Content", "data": [
              { "ContentItemId": "article-ok", "ContentType": "Article", "Published": true,
                "TitlePart": { "Title": "Bài hợp lệ" }, "Article": { "Category": { "TermContentItemIds": ["news-hoat-dong"] } } },
              { "ContentItemId": "article-bad", "ContentType": "Article",
                "TitlePart": { "Title": "Bài sai" }, "Article": { "Summary": { "Text": 5 } } }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidSettingsStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("Content", ex.StepName);
        Assert.Equal("$.steps[1].data[1].Article.Summary.Text", ex.JsonPath);
        Assert.EndsWith(".Text", ex.JsonPath, StringComparison.Ordinal);
        await host.InScopeAsync(async sp =>
            Assert.Null(await sp.GetRequiredService<IContentManager>().GetAsync("article-ok", VersionOptions.Latest)));
    }

    [Fact]
    public async Task A_type_without_a_name_is_refused()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "ContentDefinition", "ContentTypes": [ { "DisplayName": "Không tên" } ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidFirstStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("ContentDefinition", ex.StepName);
        Assert.Equal("$.steps[1].ContentTypes[0].Name", ex.JsonPath);
    }

    [Fact]
    public async Task Broken_json_is_refused_with_its_line()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string json = "{\n  \"steps\": [\n    { \"name\": \"Settings\" \"SiteName\": \"x\" }\n  ]\n}";

        var ex = await AssertRefusedAsync(host, json, "broken.recipe.json");

        Assert.Null(ex.StepNumber);
        Assert.Null(ex.StepName);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("broken.recipe.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_media_source_outside_the_recipe_folder_is_refused_and_no_file_is_written()
    {
        await using var host = await CreateHostWithSetupAsync();
        var recipeFolder = Path.Combine(host.DataFolder, "recipes", "nested");
        Directory.CreateDirectory(recipeFolder);
        await File.WriteAllTextAsync(Path.Combine(host.DataFolder, "recipes", "secret.txt"), "not for the media library");
        // "../../etc/passwd" from the recipe folder names this file: it exists, so only the containment check can refuse it.
        Directory.CreateDirectory(Path.Combine(host.DataFolder, "etc"));
        await File.WriteAllTextAsync(Path.Combine(host.DataFolder, "etc", "passwd"), "root:x:0:0");
        var mediaBefore = host.MediaFiles();
        const string good = """
            { "name": "media", "Files": [ { "TargetPath": "mau/ok.txt", "Base64": "SGVsbG8=" } ] }
            """;
        const string bad = """
            { "name": "media", "Files": [
              { "TargetPath": "mau/ok-2.txt", "Base64": "SGVsbG8gMg==" },
              { "TargetPath": "mau/passwd", "SourcePath": "../../etc/passwd" }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(good, bad), directory: recipeFolder);

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("media", ex.StepName);
        Assert.Equal("$.steps[1].Files[1].SourcePath", ex.JsonPath);
        Assert.Equal(mediaBefore, host.MediaFiles());

        var sibling = await AssertRefusedAsync(host, Recipe("""
            { "name": "Media", "Files": [ { "TargetPath": "mau/secret.txt", "SourcePath": "../secret.txt" } ] }
            """), directory: recipeFolder);
        Assert.Equal("$.steps[0].Files[0].SourcePath", sibling.JsonPath);
        Assert.Equal(mediaBefore, host.MediaFiles());
    }

    [Fact]
    public async Task A_media_step_copies_files_from_beside_the_recipe()
    {
        await using var host = await CreateHostWithSetupAsync();
        var recipeFolder = Path.Combine(host.DataFolder, "recipes");
        Directory.CreateDirectory(Path.Combine(recipeFolder, "media"));
        await File.WriteAllBytesAsync(Path.Combine(recipeFolder, "media", "anh.jpg"), [1, 2, 3, 4]);
        var json = Recipe("""
            { "name": "media", "Files": [
              { "TargetPath": "mau/anh.jpg", "SourcePath": "media/anh.jpg" },
              { "TargetPath": "mau/chao.txt", "Base64": "WGluIGNow6Bv" }
            ] }
            """);

        var first = await host.RunRecipeAsync(json, directory: recipeFolder);
        var second = await host.RunRecipeAsync(json, directory: recipeFolder);

        Assert.Equal(2, first.Changes);
        Assert.Equal(0, second.Changes);
        Assert.Equal(["mau/anh.jpg", "mau/chao.txt"], host.MediaFiles());
        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(Path.Combine(host.MediaFolder, "mau", "anh.jpg")));
        Assert.Equal("Xin chào", await File.ReadAllTextAsync(Path.Combine(host.MediaFolder, "mau", "chao.txt")));
    }

    [Fact]
    public async Task A_school_whose_parent_is_the_department_is_refused()
    {
        await using var host = await CreateHostWithSetupAsync();
        const string bad = """
            { "name": "Organizations", "Organizations": [
              { "Id": "truong-mn-sai", "Name": "Trường Mầm non Sai Cấp", "Kind": "School", "ParentId": "so-hcm" }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidOrganizationsStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("Organizations", ex.StepName);
        Assert.Equal("$.steps[1].Organizations[0].ParentId", ex.JsonPath);
        await host.InScopeAsync(async sp => Assert.Null(await sp.GetRequiredService<IOrganizationService>().GetAsync("truong-mn-sai")));
    }

    private const string OrganizationsAndUsers = """
        {
          "name": "demo-users",
          "steps": [
            { "name": "Organizations", "Organizations": [
              { "Id": "phong-quan-1", "Name": "Phòng Giáo dục và Đào tạo Quận 1", "Kind": "DistrictOffice", "ParentId": "so-hcm" },
              { "Id": "cum-quan-1-a", "Name": "Cụm chuyên môn số 1 – Quận 1", "Kind": "Cluster", "ParentId": "phong-quan-1" },
              { "Id": "truong-mn-ben-thanh", "Name": "Trường Mầm non Bến Thành", "Kind": "School", "ParentId": "phong-quan-1", "ClusterId": "cum-quan-1-a" }
            ] },
            { "name": "Users", "Users": [
              { "UserName": "truong.benthanh", "Email": "truong.benthanh@example.edu.vn", "DisplayName": "Nguyễn Thị Lan",
                "OrganizationId": "truong-mn-ben-thanh", "Roles": ["SchoolContributor"], "Demo": true }
            ] }
          ]
        }
        """;

    [Fact]
    public async Task Organizations_form_a_tree_and_demo_users_are_created_with_the_configured_password()
    {
        await using var host = await CreateHostWithSetupAsync(new Dictionary<string, string?> { ["ChuyenDe:Setup:DemoPassword"] = DemoPassword });

        var first = await host.RunRecipeAsync(OrganizationsAndUsers, "demo.recipe.json");
        var second = await host.RunRecipeAsync(OrganizationsAndUsers, "demo.recipe.json");

        Assert.Equal(4, first.Changes);
        Assert.Equal(0, second.Changes);
        await host.InScopeAsync(async sp =>
        {
            var organizations = sp.GetRequiredService<IOrganizationService>();
            Assert.Equal("phong-quan-1", (await organizations.GetDistrictAsync("truong-mn-ben-thanh"))?.Id);
            Assert.Equal(["cum-quan-1-a", "phong-quan-1", "truong-mn-ben-thanh"],
                (await organizations.GetSubtreeIdsAsync("phong-quan-1")).Order(StringComparer.Ordinal));
            Assert.Equal(4, (await organizations.GetSubtreeIdsAsync("so-hcm")).Count);

            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = await users.FindByNameAsync("truong.benthanh");
            Assert.NotNull(user);
            Assert.Equal("Nguyễn Thị Lan", user.DisplayName);
            Assert.Equal("truong-mn-ben-thanh", user.OrganizationId);
            Assert.Equal([RoleNames.SchoolContributor], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, DemoPassword));
            Assert.False(await users.CheckPasswordAsync(user, "Wrong-Passw0rd-2026"));
        });
    }

    [Fact]
    public async Task Demo_users_are_not_created_without_a_configured_password()
    {
        await using var host = await CreateHostWithSetupAsync();

        await host.RunRecipeAsync(OrganizationsAndUsers, "demo.recipe.json");

        await host.InScopeAsync(async sp =>
        {
            Assert.NotNull(await sp.GetRequiredService<IOrganizationService>().GetAsync("truong-mn-ben-thanh"));
            Assert.Null(await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("truong.benthanh"));
        });
        Assert.Equal(0, (await host.SnapshotAsync()).Users);
    }

    [Fact]
    public async Task A_user_with_an_unknown_organisation_is_refused()
    {
        await using var host = await CreateHostWithSetupAsync(new Dictionary<string, string?> { ["ChuyenDe:Setup:DemoPassword"] = DemoPassword });
        const string bad = """
            { "name": "Users", "Users": [
              { "UserName": "nobody", "OrganizationId": "khong-ton-tai", "Roles": ["Reviewer"], "Demo": true }
            ] }
            """;

        var ex = await AssertRefusedAsync(host, Recipe(ValidOrganizationsStep, bad));

        Assert.Equal(2, ex.StepNumber);
        Assert.Equal("Users", ex.StepName);
        Assert.Equal("$.steps[1].Users[0].OrganizationId", ex.JsonPath);
    }
}
