using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChuyenDe.Tests.Functional.Admin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>The <c>Reports</c> recipe step on both databases: a template and rounds (with a cascaded one) imported, again without change, and refused with the path of a mistake.</summary>
public abstract partial class ReportsRecipeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static string Recipe(string suffix, string weightKey = "so-truong") => $$"""
        {
          "name": "ReportsTest{{suffix}}",
          "steps": [
            {
              "name": "Reports",
              "Templates": [
                {
                  "Key": "mau-{{suffix}}",
                  "Name": "Mẫu báo cáo nhanh {{suffix}}",
                  "BuiltIn": false,
                  "Outline": [
                    { "Key": "a", "Title": "I. Kết quả", "Children": [ { "Key": "a-1", "Title": "1. Số liệu", "Guidance": "Có minh chứng." } ] },
                    { "Key": "b", "Title": "II. Kiến nghị" }
                  ],
                  "Indicators": [
                    { "Key": "so-truong", "Name": "Số trường", "Unit": "trường", "Kind": "WholeNumber", "Minimum": 0, "AddUp": "Sum" },
                    { "Key": "ty-le-dat", "Name": "Tỷ lệ trường đạt", "Unit": "%", "Kind": "Percentage", "Minimum": 0, "Maximum": 100, "AddUp": "WeightedShare", "WeightKey": "{{weightKey}}" }
                  ]
                }
              ],
              "Rounds": [
                {
                  "Key": "dot-so-{{suffix}}",
                  "Title": "Sơ kết thử {{suffix}}",
                  "SchoolYear": "2022-2023",
                  "Owner": "so-hoa-binh",
                  "Template": "mau-{{suffix}}",
                  "Deadline": "2023-03-10T17:00",
                  "UnitsRule": "DistrictOffices",
                  "CollectiveNominations": 1,
                  "IndividualNominations": 1,
                  "State": "Open"
                },
                {
                  "Key": "dot-phong-{{suffix}}",
                  "Title": "Sơ kết thử cấp trường {{suffix}}",
                  "Owner": "phong-luong-son",
                  "Template": "mau-{{suffix}}",
                  "Deadline": "2023-03-03T17:00",
                  "UnitsRule": "Manual",
                  "Units": [ "truong-mn-cuu-long" ],
                  "ParentRound": "dot-so-{{suffix}}"
                }
              ]
            }
          ]
        }
        """;

    private Task<RecipeResult> RunAsync(string json)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(json, "reports-test.recipe.json", Path.GetTempPath()));

    [SkippableFact]
    public async Task A_template_and_rounds_travel_in_a_recipe_and_a_second_run_changes_nothing()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var first = await RunAsync(Recipe(suffix));
        var second = await RunAsync(Recipe(suffix));

        Assert.Equal(3, first.Changes);
        Assert.Equal(0, second.Changes);
        var (template, department, district) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            return (await db.Set<ReportTemplate>().AsNoTracking().SingleAsync(t => t.Key == "mau-" + suffix),
                await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Key == "dot-so-" + suffix),
                await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Key == "dot-phong-" + suffix));
        });
        Assert.False(template.BuiltIn);
        Assert.Equal(["a", "b"], ReportJson.ReadOutline(template.OutlineJson).Select(s => s.Key));
        Assert.Equal("Có minh chứng.", ReportJson.ReadOutline(template.OutlineJson)[0].Children[0].Guidance);
        Assert.Equal(("so-truong", AddUpRule.WeightedShare), (ReportJson.ReadIndicators(template.IndicatorsJson)[1].WeightKey, ReportJson.ReadIndicators(template.IndicatorsJson)[1].AddUp));

        Assert.Equal(("so-hoa-binh", ReportRoundState.Open, template.Id), (department.OwnerOrganizationId, department.State, department.TemplateId));
        Assert.Equal(new DateTime(2023, 3, 10, 10, 0, 0, DateTimeKind.Utc), department.DeadlineUtc);
        // The Department's seven district offices of the sample content.
        Assert.Equal(["phong-cao-phong", "phong-kim-boi", "phong-lac-son", "phong-luong-son", "phong-mai-chau", "phong-tan-lac", "phong-yen-thuy"],
            department.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));
        Assert.Equal(2, ReportJson.ReadIndicators(department.IndicatorsJson).Count);

        Assert.Equal((department.Id, ReportRoundState.Draft), (district.ParentRoundId, district.State));
        Assert.Equal(["truong-mn-cuu-long"], district.Units.Select(u => u.OrganizationId));
    }

    [SkippableFact]
    public async Task A_recipe_with_a_wrong_weight_or_a_unit_outside_the_owner_is_refused_with_its_path_and_nothing_is_applied()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var weight = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(Recipe(suffix, weightKey: "ty-le-dat")));
        Assert.Equal("$.steps[0].Templates[0].Indicators", weight.JsonPath);
        Assert.Contains("whole-number indicator", weight.Reason);

        var stranger = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(Recipe(suffix).Replace("\"truong-mn-cuu-long\"", "\"truong-mn-ben-thanh\"", StringComparison.Ordinal)));
        Assert.Equal("$.steps[0].Rounds[1].Units", stranger.JsonPath);

        Assert.False(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().AnyAsync(t => t.Key == "mau-" + suffix)));
    }
}

public abstract partial class ReportsRecipeTests<TFixture>
{
    [SkippableFact]
    public async Task A_round_and_a_template_downloaded_as_recipes_import_back_as_they_were()
    {
        fixture.SkipUnlessAvailable();
        var department = await SystemAdmin.As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, SystemAdmin.Unique("Đợt mang đi "), nameof(UnitsAskedRule.DistrictOffices));
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);

        using var response = await admin.GetAsync($"/admin/bao-cao/{id}/cong-thuc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"dot-{id}.recipe.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var recipe = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var exported = recipe["steps"]![0]!["Rounds"]![0]!.AsObject();
        Assert.Equal("2023-03-10T17:00", exported["Deadline"]!.GetValue<string>());
        var key = "nhap-lai-" + Guid.NewGuid().ToString("N")[..8];
        exported["Key"] = key;
        await RunAsync(recipe.ToJsonString());

        var (original, copy) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            return (await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Id == id),
                await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Key == key));
        });
        Assert.Equal((original.Title, original.SchoolYear, original.OwnerOrganizationId, original.DeadlineUtc, original.UnitsRule, original.State),
            (copy.Title, copy.SchoolYear, copy.OwnerOrganizationId, copy.DeadlineUtc, copy.UnitsRule, copy.State));
        Assert.Equal(original.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal), copy.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));
        Assert.Equal(ReportJson.Write(ReportJson.ReadOutline(original.OutlineJson)), ReportJson.Write(ReportJson.ReadOutline(copy.OutlineJson)));
        Assert.Equal(ReportJson.Write(ReportJson.ReadIndicators(original.IndicatorsJson)), ReportJson.Write(ReportJson.ReadIndicators(copy.IndicatorsJson)));

        // The built-in template goes out and comes back unchanged.
        using var template = await admin.GetAsync($"/admin/bao-cao/mau/{await BuiltInTemplateIdAsync(fixture)}/cong-thuc");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(0, (await RunAsync(await template.Content.ReadAsStringAsync())).Changes);

        // Curators manage rounds but do not export recipes.
        var curator = await SystemAdmin.As(fixture.Factory, Accounts.DepartmentCurator);
        using var refused = await curator.GetAsync($"/admin/bao-cao/{id}/cong-thuc");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class ReportsRecipeSqliteTests(SqliteSiteFixture fixture) : ReportsRecipeTests<SqliteSiteFixture>(fixture);

public sealed class ReportsRecipePostgresTests(PostgresSiteFixture fixture) : ReportsRecipeTests<PostgresSiteFixture>(fixture);
