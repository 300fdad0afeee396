using System.Text.Json.Nodes;
using ChuyenDe.Modules.Licensing;

namespace ChuyenDe.Tests.Unit.Licensing;

/// <summary>The catalogue's lookups (URI in any spelling, legacy codes, the all-rights-reserved token) and the licence field's JSON.</summary>
public sealed class LicenseCatalogTests
{
    [Theory]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", "https://creativecommons.org/licenses/by/4.0/")]
    [InlineData("http://creativecommons.org/licenses/by/4.0", "https://creativecommons.org/licenses/by/4.0/")]
    [InlineData("HTTPS://CreativeCommons.org/licenses/by-sa/4.0", "https://creativecommons.org/licenses/by-sa/4.0/")]
    [InlineData("https://creativecommons.org/licenses/by-nc-sa/4.0/deed.vi#x", null)]
    [InlineData("https://creativecommons.org/licenses/by-nc/4.0/?ref=x", "https://creativecommons.org/licenses/by-nc/4.0/")]
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0", "https://creativecommons.org/publicdomain/zero/1.0/")]
    [InlineData("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")]
    [InlineData("cc-by-nc-sa-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/")]
    [InlineData(" CC0-1.0 ", "https://creativecommons.org/publicdomain/zero/1.0/")]
    [InlineData("All-rights-reserved", "all-rights-reserved")]
    [InlineData("all-rights-reserved", "all-rights-reserved")]
    [InlineData("GPL-3.0", null)]
    [InlineData("https://creativecommons.org/licenses/by/3.0/", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_names_the_stored_value_of_a_licence_named_any_accepted_way(string? value, string? stored)
        => Assert.Equal(stored, LicenseCatalog.Normalize(value));

    [Fact]
    public void Every_licence_but_all_rights_reserved_is_a_Creative_Commons_URI_found_by_its_value_and_its_legacy_code()
    {
        Assert.Equal(6, LicenseCatalog.All.Count);
        foreach (var license in LicenseCatalog.All)
        {
            Assert.Same(license, LicenseCatalog.Find(license.Value));
            Assert.Same(license, LicenseCatalog.Find(license.LegacyCode));
            Assert.Equal(license != LicenseCatalog.AllRightsReserved, license.IsCreativeCommons);
        }

        Assert.All(LicenseCatalog.All.Where(l => l.IsCreativeCommons), l =>
        {
            Assert.StartsWith("https://creativecommons.org/", l.Uri);
            Assert.EndsWith("/", l.Uri);
            Assert.Equal(l.Value, l.Uri);
        });
        Assert.Null(LicenseCatalog.AllRightsReserved.Uri);
        Assert.Equal(LicenseCatalog.AllRightsReservedValue, LicenseCatalog.AllRightsReserved.Value);
    }

    [Fact]
    public void The_licence_field_is_normalised_in_place_and_unknown_values_are_left_for_validation()
    {
        var legacy = new JsonObject { ["Text"] = "CC-BY-SA-4.0" };
        Assert.True(LicenseField.Normalize(legacy));
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", legacy["Text"]!.GetValue<string>());

        Assert.False(LicenseField.Normalize(legacy));
        var unknown = new JsonObject { ["Text"] = "GPL-3.0" };
        Assert.False(LicenseField.Normalize(unknown));
        Assert.Equal("GPL-3.0", unknown["Text"]!.GetValue<string>());
        Assert.False(LicenseField.Normalize(new JsonObject()));
        Assert.False(LicenseField.Normalize(null));
    }

    [Fact]
    public void The_licence_of_an_items_content_is_its_first_licence_field_in_any_part()
    {
        var content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = "Sáng kiến" },
            ["ExemplaryProduct"] = new JsonObject { ["License"] = new JsonObject { ["Text"] = "http://creativecommons.org/licenses/by-nc/4.0" } },
        };

        Assert.Same(LicenseCatalog.CcByNc, LicenseField.Find(content));
        Assert.Null(LicenseField.Find(new JsonObject { ["Article"] = new JsonObject() }));
        Assert.True(LicenseField.IsLicenseField("License"));
        Assert.False(LicenseField.IsLicenseField("license"));
    }
}
