using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Tests.Unit.Contents;

/// <summary>Issue 10, item 7: link fields take site paths and http(s) addresses, never a network-path reference.</summary>
public sealed class LinkUrlTests
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/dang-nhap")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    public void Network_path_references_are_recognised(string url)
        => Assert.True(LinkUrls.IsNetworkPathReference(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/sang-kien/doi-moi")]
    [InlineData("https://moet.gov.vn//x")]
    [InlineData("sang-kien")]
    [InlineData("#muc")]
    public void Other_addresses_are_not_network_path_references(string url)
        => Assert.False(LinkUrls.IsNetworkPathReference(url));

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/sang-kien\\..\\admin")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/duong dan")]
    public void Link_fields_refuse_them(string url)
        => Assert.False(ContentValidator.IsSafeUrl(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/sang-kien/doi-moi-gio-an?trang=2#binh-luan")]
    [InlineData("https://moet.gov.vn/tin-tuc?id=1")]
    [InlineData("http://example.edu.vn")]
    public void Link_fields_take_site_paths_and_web_addresses(string url)
        => Assert.True(ContentValidator.IsSafeUrl(url));
}
