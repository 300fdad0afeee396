using System.Net;
using ChuyenDe.Tests.Functional.Admin;

namespace ChuyenDe.Tests.Functional.Commendations;

/// <summary>
/// The "Khen thưởng" section of the units' public pages, from the sample decisions: Trường MN Bến Thành's page lists
/// the school (a collective) and its principal (an individual) with decision 1870/QĐ-SGDĐT; Quận 1's office page lists
/// them too, each linked to its school; a school never commended shows no such section.
/// </summary>
public abstract class CommendationsUnitSectionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static AngleSharp.Dom.IElement? Section(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelectorAll("section").FirstOrDefault(s => s.QuerySelector("h2")?.TextContent.Trim() == "Khen thưởng");

    [SkippableFact]
    public async Task A_units_page_lists_its_published_commendations()
    {
        fixture.SkipUnlessAvailable();
        var visitor = new AdminClient(fixture.Factory);

        var (status, school) = await visitor.GetPageAsync("/don-vi/truong-mn-ben-thanh");
        Assert.Equal(HttpStatusCode.OK, status);
        var section = Section(school) ?? throw new Xunit.Sdk.XunitException("No “Khen thưởng” section on Bến Thành's page.");
        var text = section.TextContent;
        Assert.Contains("Trần Thị Ngọc Mai, Hiệu trưởng", text);
        Assert.Contains("1870/QĐ-SGDĐT", text);
        Assert.Contains("14/06/2024", text);
        Assert.NotNull(section.QuerySelector("a[href^='/guong-dien-hinh']"));
        Assert.DoesNotContain("Lê Thị Thu Hà", text);

        var (_, office) = await visitor.GetPageAsync("/don-vi/phong-quan-1");
        var officeSection = Section(office) ?? throw new Xunit.Sdk.XunitException("No “Khen thưởng” section on Quận 1's page.");
        Assert.NotNull(officeSection.QuerySelector("a[href='/don-vi/truong-mn-ben-thanh']"));
        Assert.NotNull(officeSection.QuerySelector("a[href='/guong-dien-hinh?district=phong-quan-1']"));

        var (_, other) = await visitor.GetPageAsync("/don-vi/truong-mn-da-kao");
        Assert.Null(Section(other));
    }
}

public sealed class CommendationsUnitSectionSqliteTests(SqliteSiteFixture fixture) : CommendationsUnitSectionTests<SqliteSiteFixture>(fixture);

public sealed class CommendationsUnitSectionPostgresTests(PostgresSiteFixture fixture) : CommendationsUnitSectionTests<PostgresSiteFixture>(fixture);
