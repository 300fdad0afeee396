using System.Text;
using System.Xml.Linq;
using ChuyenDe.Modules.Harvesting;
using Microsoft.AspNetCore.DataProtection;

namespace ChuyenDe.Tests.Unit.Harvesting;

/// <summary>The pieces of the OAI-PMH repository that need no site: datestamps, set spec segments, clean text, tokens.</summary>
public sealed class OaiPiecesTests
{
    [Theory]
    [InlineData("2023-05-22", "2023-05-22T00:00:00", true)]
    [InlineData("2023-05-22T03:04:05Z", "2023-05-22T03:04:05", false)]
    [InlineData("2024-02-29", "2024-02-29T00:00:00", true)]
    public void From_and_until_take_a_day_or_a_second_in_UTC(string value, string expected, bool day)
    {
        var parsed = OaiRepository.ParseDatestamp(value);
        Assert.NotNull(parsed);
        Assert.Equal(DateTime.Parse(expected), parsed.Value.Value);
        Assert.Equal(DateTimeKind.Utc, parsed.Value.Value.Kind);
        Assert.Equal(day, parsed.Value.Day);
    }

    [Theory]
    [InlineData("2023-05-22T03:04:05.1Z")]
    [InlineData("2023-05-22T03:04Z")]
    [InlineData("2023-05-22T03:04:05")]
    [InlineData("2023-05-22T03:04:05+07:00")]
    [InlineData("2023-5-22")]
    [InlineData("2023-02-29")]
    [InlineData("2023-05-22 03:04:05Z")]
    [InlineData("２０２３-05-22")]
    [InlineData("")]
    public void Anything_else_is_refused(string value) => Assert.Null(OaiRepository.ParseDatestamp(value));

    [Theory]
    [InlineData("truong-mn-ben-thanh", "truong-mn-ben-thanh")]
    [InlineData("2022–2023", "2022-2023")]
    [InlineData("a b:c/d", "a-b-c-d")]
    [InlineData("Ok_.!~*'()", "Ok_.!~*'()")]
    [InlineData("", "-")]
    public void Set_spec_segments_keep_only_the_allowed_characters(string value, string expected)
        => Assert.Equal(expected, OaiSets.Segment(value));

    [Fact]
    public void Text_is_written_in_NFC_without_characters_XML_cannot_carry()
    {
        var decomposed = "Tr\u01B0\u1EDDng".Normalize(NormalizationForm.FormD) + "\u0001 \uD83D\uDE00 \uD800x";
        var clean = OaiXmlWriter.Clean(decomposed);
        Assert.Equal("Trường \uD83D\uDE00 x", clean);

        using var writer = new OaiXmlWriter(new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc), "http://localhost/oai", [new("verb", "Identify")]);
        writer.Start("Identify");
        writer.Element("repositoryName", decomposed);
        writer.End();
        var document = XDocument.Parse(Encoding.UTF8.GetString(writer.Finish()));
        Assert.Equal("2026-12-07T01:02:03Z", document.Root!.Element(XName.Get("responseDate", OaiXmlWriter.OaiNamespace))!.Value);
        Assert.Equal(clean, document.Descendants(XName.Get("repositoryName", OaiXmlWriter.OaiNamespace)).Single().Value);
    }

    [Fact]
    public void A_token_comes_back_whole_only_for_its_own_verb_and_unaltered()
    {
        var protection = new EphemeralDataProtectionProvider();
        var token = new ResumptionToken("ListRecords", "oai_dc", "donvi:so-hcm", "2023-01-01", "2023-12-31", 638_205_000_000_000_000, "x", 100,
            DateTime.UtcNow.AddHours(1).Ticks);
        var value = token.Protect(protection);

        Assert.Equal(token, ResumptionToken.Unprotect(protection, value, "ListRecords"));
        Assert.Null(ResumptionToken.Unprotect(protection, value, "ListIdentifiers"));
        Assert.Null(ResumptionToken.Unprotect(protection, value[..^2] + (value[^2] == 'A' ? "BB" : "AA"), "ListRecords"));
        Assert.Null(ResumptionToken.Unprotect(protection, "", "ListRecords"));
        Assert.Null(ResumptionToken.Unprotect(new EphemeralDataProtectionProvider(), value, "ListRecords"));
        Assert.DoesNotContain('+', value);
        Assert.DoesNotContain('/', value);
    }
}
