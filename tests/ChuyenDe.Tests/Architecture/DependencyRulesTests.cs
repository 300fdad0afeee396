using ChuyenDe.Modules.Contents;
using NetArchTest.Rules;

namespace ChuyenDe.Tests.Architecture;

/// <summary>The dependency rules of docs/adr/0001: the engine depends on no feature module, and tables stay private.</summary>
public sealed class DependencyRulesTests
{
    private static readonly System.Reflection.Assembly Modules = typeof(ContentItem).Assembly;

    private static readonly string[] FeatureModules =
    [
        "ChuyenDe.Modules.Recipes", "ChuyenDe.Modules.Library", "ChuyenDe.Modules.Users", "ChuyenDe.Modules.Organizations",
        "ChuyenDe.Modules.Settings", "ChuyenDe.Modules.Media", "ChuyenDe.Modules.Setup", "ChuyenDe.Modules.Editorial",
        "ChuyenDe.Modules.Audit", "ChuyenDe.Modules.Notifications", "ChuyenDe.Modules.Search",
    ];

    [Fact]
    public void The_content_engine_depends_on_no_feature_module()
    {
        var result = Types.InAssembly(Modules).That().ResideInNamespace("ChuyenDe.Modules.Contents")
            .ShouldNot().HaveDependencyOnAny(FeatureModules).GetResult();

        Assert.True(result.IsSuccessful, "Contents depends on: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void The_modules_never_reference_the_host()
    {
        Assert.DoesNotContain(Modules.GetReferencedAssemblies(), a => a.Name == "ChuyenDe.Cms");
    }

    [Theory]
    [InlineData("ChuyenDe.Modules.Contents", "ChuyenDe.Modules.Contents.ContentItemVersionRecord", "ChuyenDe.Modules.Contents.ContentRouteRecord", "ChuyenDe.Modules.Contents.ContentTaxonomyRecord", "ChuyenDe.Modules.Contents.ContentTypeDefinitionRecord", "ChuyenDe.Modules.Contents.ContentPartDefinitionRecord")]
    [InlineData("ChuyenDe.Modules.Recipes", "ChuyenDe.Modules.Recipes.RecipeExecutionRecord")]
    [InlineData("ChuyenDe.Modules.Settings", "ChuyenDe.Modules.Settings.SiteSettingsRecord")]
    [InlineData("ChuyenDe.Modules.Media", "ChuyenDe.Modules.Media.MediaUsageRecord")]
    [InlineData("ChuyenDe.Modules.Media", "ChuyenDe.Modules.Media.MediaFileRecord")]
    [InlineData("ChuyenDe.Modules.Notifications", "ChuyenDe.Modules.Notifications.NotificationRecord")]
    [InlineData("ChuyenDe.Modules.Audit", "ChuyenDe.Modules.Audit.AuditEntryRecord")]
    public void A_module_s_tables_are_used_only_by_that_module(string owner, params string[] tables)
    {
        var result = Types.InAssembly(Modules).That().DoNotResideInNamespace(owner)
            .And().DoNotResideInNamespace("ChuyenDe.Modules.Data.Migrations")
            .ShouldNot().HaveDependencyOnAny(tables).GetResult();

        Assert.True(result.IsSuccessful, "Used outside its module by: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void The_workflow_tables_are_used_only_by_the_editorial_module_and_its_own_views()
    {
        string[] tables =
        [
            "ChuyenDe.Modules.Editorial.SubmissionRecord", "ChuyenDe.Modules.Editorial.SubmissionTransitionRecord",
            "ChuyenDe.Modules.Editorial.ReviewAssignmentRecord", "ChuyenDe.Modules.Editorial.AssessmentRecord",
            "ChuyenDe.Modules.Editorial.CurationRecord",
        ];
        var result = Types.InAssembly(Modules).That().DoNotResideInNamespace("ChuyenDe.Modules.Editorial")
            .And().DoNotResideInNamespace("ChuyenDe.Modules.Data.Migrations")
            .ShouldNot().HaveDependencyOnAny(tables).GetResult();

        // The module's own views (compiled into AspNetCoreGeneratedDocument, with their nested closures) may show its records.
        string[] ownViews = ["AspNetCoreGeneratedDocument.Editorial_Views_"];
        var failing = (result.FailingTypes ?? []).Select(t => t.FullName ?? t.Name)
            .Where(name => !ownViews.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        Assert.True(failing.Count == 0, "Used outside its module by: " + string.Join(", ", failing));
    }
}
