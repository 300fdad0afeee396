using ChuyenDe.Modules.Media.Uploads;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"..\..\windows\system32\kế hoạch.docx", "kế hoạch.docx")]
    [InlineData(@"C:\Users\cô giáo\Desktop\Sáng kiến.pdf", "Sáng kiến.pdf")]
    [InlineData("C:Sáng kiến.pdf", "Sáng kiến.pdf")]
    [InlineData("/var/www/html/index.pdf", "index.pdf")]
    [InlineData("Xây dựng trường mầm non lấy trẻ làm trung tâm.pdf", "Xây dựng trường mầm non lấy trẻ làm trung tâm.pdf")]
    [InlineData("bao\u0000cao\u0007.pdf", "baocao.pdf")]
    [InlineData("hinh\u202Egpj.exe", "hinhgpj.exe")]
    [InlineData("  nhiều    khoảng\ttrắng  .pdf ", "nhiều khoảng trắng.pdf")]
    [InlineData("...hidden.pdf", "hidden.pdf")]
    [InlineData("ab:c*d?e\"f<g>h|i.pdf", "ab_c_d_e_f_g_h_i.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("lpt1.tar.pdf", "_lpt1.tar.pdf")]
    [InlineData("", "tep")]
    [InlineData("   ", "tep")]
    [InlineData("../..", "tep")]
    [InlineData("folder/", "tep")]
    [InlineData("\u0001\u0002", "tep")]
    public void Names_are_made_safe(string original, string expected)
        => Assert.Equal(expected, SafeFileName.Normalize(original));

    [Fact]
    public void Names_are_put_in_NFC()
    {
        var decomposed = "Mầm non.pdf".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Mầm non.pdf".Normalize(System.Text.NormalizationForm.FormC), SafeFileName.Normalize(decomposed));
    }

    [Fact]
    public void Long_names_are_cut_to_150_characters_keeping_the_extension()
    {
        var name = SafeFileName.Normalize(new string('ầ', 400) + ".docx");

        Assert.Equal(150, name.Length);
        Assert.EndsWith("ầ.docx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_does_not_break_normalisation()
        => Assert.Equal("bad\uFFFDname.pdf", SafeFileName.Normalize("bad" + '\uD800' + "name.pdf"));

    [Fact]
    public void A_null_name_gets_the_fallback()
        => Assert.Equal("tep", SafeFileName.Normalize(null));
}
