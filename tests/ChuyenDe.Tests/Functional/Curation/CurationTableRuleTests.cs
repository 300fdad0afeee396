using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using NetArchTest.Rules;

namespace ChuyenDe.Tests.Functional.Curation;

/// <summary>
/// The curation table stays private to Editorial: the public site reads curations through <see cref="ICurationQuery"/>,
/// and the admin views through copies of the rows (<see cref="CurationRow"/>).
/// </summary>
public sealed class CurationTableRuleTests
{
    [Fact]
    public void The_curation_table_is_used_only_by_the_editorial_module()
    {
        var result = Types.InAssembly(typeof(CurationRecord).Assembly).That().DoNotResideInNamespace("ChuyenDe.Modules.Editorial")
            .And().DoNotResideInNamespace("ChuyenDe.Modules.Data.Migrations")
            .ShouldNot().HaveDependencyOnAny(typeof(CurationRecord).FullName!).GetResult();

        Assert.True(result.IsSuccessful, "Used outside Editorial by: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
