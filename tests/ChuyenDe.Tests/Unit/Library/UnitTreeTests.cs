using ChuyenDe.Modules.Library.Units;
using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Tests.Unit.Library;

/// <summary>The units' public tree: the path above a unit over active units only, and the search by name without tone marks.</summary>
public sealed class UnitTreeTests
{
    private static Organization Unit(string id, string name, OrganizationKind kind, string? parent = null, string? cluster = null, bool active = true)
        => new() { Id = id, Name = name, Kind = kind, ParentId = parent, ClusterId = cluster, Active = active };

    private static readonly IReadOnlyList<Organization> All =
    [
        Unit("so", "Sở Giáo dục và Đào tạo", OrganizationKind.Department),
        Unit("phong", "Phòng Giáo dục và Đào tạo Quận 1", OrganizationKind.DistrictOffice, "so"),
        Unit("cum", "Cụm chuyên môn số 1", OrganizationKind.Cluster, "phong"),
        Unit("cum-cu", "Cụm đã giải thể", OrganizationKind.Cluster, "phong", active: false),
        Unit("ben-thanh", "Trường Mầm non Bến Thành", OrganizationKind.School, "phong", "cum"),
        Unit("da-kao", "Trường Mầm non Đa Kao", OrganizationKind.School, "phong", "cum-cu"),
        Unit("dong", "Trường Mầm non Đã Đóng", OrganizationKind.School, "phong", active: false),
    ];

    [Fact]
    public void A_school_sits_under_its_active_cluster_else_under_its_office()
    {
        Assert.Equal(["so", "phong", "cum"], UnitTree.Above(All.Single(o => o.Id == "ben-thanh"), All).Select(o => o.Id));
        Assert.Equal(["so", "phong"], UnitTree.Above(All.Single(o => o.Id == "da-kao"), All).Select(o => o.Id));
        Assert.Empty(UnitTree.Above(All.Single(o => o.Id == "so"), All));
    }

    [Theory]
    [InlineData("ben thanh", new[] { "ben-thanh" })]
    [InlineData("BẾN  thành", new[] { "ben-thanh" })]
    [InlineData("da", new[] { "da-kao", "phong", "so" })] // "Đa", "Đào": schools first, inactive ones never
    [InlineData("mam non", new[] { "ben-thanh", "da-kao" })]
    [InlineData("   ", new string[0])]
    [InlineData("khong co", new string[0])]
    public void The_search_holds_every_word_ignoring_case_and_tone_marks(string query, string[] expected)
        => Assert.Equal(expected, UnitTree.Search(All, query, 50).Select(o => o.Id));
}
