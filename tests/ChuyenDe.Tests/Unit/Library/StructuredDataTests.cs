using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Library.StructuredData;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChuyenDe.Tests.Unit.Library;

/// <summary>The JSON-LD writer's escaping, the age ranges of the age groups, the trail and the OAI identifiers.</summary>
public sealed class StructuredDataTests
{
    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("a </SCRIPT > b")]
    [InlineData("<!-- x --> & 'y' \"z\"")]
    public void User_text_cannot_end_the_script_element_and_round_trips(string text)
    {
        var node = JsonLd.Node("LearningResource");
        node["name"] = text;

        var json = JsonLd.Serialize(node);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("'", json, StringComparison.Ordinal);
        Assert.Equal(text, JsonNode.Parse(json)!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Vietnamese_letters_stay_readable()
    {
        var node = JsonLd.Node("Preschool").Text("name", "  Trường Mầm non Bến Thành ");

        Assert.Equal("""{"@context":"https://schema.org","@type":"Preschool","name":"Trường Mầm non Bến Thành"}""", JsonLd.Serialize(node));
    }

    [Fact]
    public void Several_types_and_values_are_arrays_one_is_a_value_none_is_left_out()
    {
        var node = JsonLd.Node("LearningResource", "Report")
            .Many("author", [JsonValue.Create("A")])
            .Many("keywords", [JsonValue.Create("x"), JsonValue.Create("y")])
            .Many("about", []);

        Assert.Equal("""{"@context":"https://schema.org","@type":["LearningResource","Report"],"author":"A","keywords":["x","y"]}""", JsonLd.Serialize(node));
    }

    [Fact]
    public void Dates_are_written_in_the_site_s_time_zone_with_its_offset()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

        Assert.Equal("2026-01-01T06:59:00+07:00", JsonLd.Date(new DateTime(2025, 12, 31, 23, 59, 0, DateTimeKind.Utc), zone));
        Assert.Equal("2026-01-01T06:59:00+07:00", JsonLd.Date(new DateTime(2025, 12, 31, 23, 59, 0, DateTimeKind.Unspecified), zone));
    }

    private static TaxonomyTerm Term(string id, string title, string? code) => new(id, "tax-age-groups", title, code, null, null, 0, false);

    [Theory]
    [InlineData("age-x", "Nhóm A", "Age3To4", "3-4")]
    [InlineData("age-x", "Nhà trẻ", "Under3", "0-3")]
    [InlineData("age-x", "Mẫu giáo nhỡ (4–5 tuổi)", null, "4-5")]
    [InlineData("age-x", "Mẫu giáo lớn (5 - 6 tuổi)", "", "5-6")]
    [InlineData("age-x", "Nhà trẻ (dưới 3 tuổi)", "NurseryGroup", "0-3")]
    [InlineData("age-5-6", "Mẫu giáo lớn", "Older", "5-6")]
    public void An_age_group_gives_its_range_by_code_title_or_id(string id, string title, string? code, string expected)
        => Assert.Equal(expected, AgeRanges.Range([Term(id, title, code)]));

    [Fact]
    public void Several_age_groups_give_one_range_and_groups_without_an_age_none()
    {
        Assert.Equal("0-6", AgeRanges.Range([Term("age-5-6", "Lớn", "Age5To6"), Term("age-nha-tre", "Nhà trẻ (dưới 3 tuổi)", "Under3")]));
        Assert.Equal("3-4", AgeRanges.Range([Term("age-3-4", "Bé", "Age3To4"), Term("x", "Mọi độ tuổi", null)]));
        Assert.Null(AgeRanges.Range([Term("x", "Mọi độ tuổi", "All")]));
        Assert.Null(AgeRanges.Range([]));
    }

    [Fact]
    public void The_trail_and_its_breadcrumb_list_have_the_home_the_parents_and_the_page()
    {
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            ["Title"] = "Bài viết",
            [Breadcrumbs.Key] = new[] { new Crumb("Tin tức", "/tin-tuc") },
        };

        var trail = Breadcrumbs.Trail(viewData, "Trang chủ", "/tin-tuc/bai-viet")!;
        var list = StructuredDataNodes.BreadcrumbList(trail, p => "https://mamnon.example.vn" + p);

        Assert.Equal([new Crumb("Trang chủ", "/"), new Crumb("Tin tức", "/tin-tuc"), new Crumb("Bài viết", "/tin-tuc/bai-viet")], trail);
        var items = list["itemListElement"]!.AsArray();
        Assert.Equal([1, 2, 3], items.Select(i => i!["position"]!.GetValue<int>()));
        Assert.Equal("https://mamnon.example.vn/tin-tuc/bai-viet", items[2]!["item"]!.GetValue<string>());
        Assert.Null(Breadcrumbs.Trail(new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()), "Trang chủ", "/"));
    }

    [Fact]
    public void A_kept_breadcrumb_list_is_the_one_written_and_follows_a_renamed_step_or_another_address()
    {
        static string Absolute(string baseUrl, string path) => baseUrl + path;
        Crumb[] trail = [new("Trang chủ", "/"), new("Tin tức", "/tin-tuc"), new("Bài viết", "/tin-tuc/bai-viet")];
        var site = "https://mamnon.example.vn";

        var first = BreadcrumbScripts.Json(trail, site, p => Absolute(site, p));
        var again = BreadcrumbScripts.Json([.. trail], site, p => Absolute(site, p));
        var renamed = BreadcrumbScripts.Json([trail[0], trail[1], new("Bài viết mới", "/tin-tuc/bai-viet")], site, p => Absolute(site, p));
        var moved = BreadcrumbScripts.Json([trail[0], trail[1], new("Bài viết", "/tin-tuc/bai-viet-2")], site, p => Absolute(site, p));
        var otherSite = BreadcrumbScripts.Json(trail, "http://localhost:5000", p => Absolute("http://localhost:5000", p));

        Assert.Equal(JsonLd.Serialize(StructuredDataNodes.BreadcrumbList(trail, p => Absolute(site, p))), first);
        Assert.Same(first, again);
        Assert.Equal("Bài viết mới", JsonNode.Parse(renamed)!["itemListElement"]![2]!["name"]!.GetValue<string>());
        Assert.Equal(site + "/tin-tuc/bai-viet-2", JsonNode.Parse(moved)!["itemListElement"]![2]!["item"]!.GetValue<string>());
        Assert.Equal("http://localhost:5000/tin-tuc", JsonNode.Parse(otherSite)!["itemListElement"]![1]!["item"]!.GetValue<string>());
    }

    [Fact]
    public void The_oai_identifier_is_the_lower_case_host_and_the_item_id()
    {
        Assert.Equal("oai:mamnon.example.vn:initiative-1", OaiRecords.Identifier("MamNon.Example.VN", "initiative-1"));
        Assert.Equal("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Amamnon.example.vn%3Ainitiative-1",
            OaiRecords.GetRecordPath("mamnon.example.vn", "initiative-1"));
    }
}
