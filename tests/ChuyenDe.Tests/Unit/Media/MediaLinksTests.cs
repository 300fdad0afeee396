using ChuyenDe.Modules.Media;

namespace ChuyenDe.Tests.Unit.Media;

/// <summary>Finding the files a Markdown or HTML body links to: the check of body links and the usage index rely on it.</summary>
public sealed class MediaLinksTests
{
    [Theory]
    [InlineData("![ảnh](/media/u/truong-a/2026/11/x.jpg)", "u/truong-a/2026/11/x.jpg")]
    [InlineData("[tải](/media/u/truong-a/2026/11/k%E1%BA%BF.pdf \"tệp\")", "u/truong-a/2026/11/kế.pdf")]
    [InlineData("<img src=\"/media/_anh/the/webp/u/truong-a/2026/11/x.jpg\">", "u/truong-a/2026/11/x.jpg")]
    [InlineData("<a href='/media/u/truong-a/x.docx?v=1#p2'>x</a>", "u/truong-a/x.docx")]
    [InlineData("<a href=\"/media/u/a&amp;b/x.pdf\">x</a>", "u/a&b/x.pdf")]
    public void A_link_names_the_original_file(string text, string expected)
        => Assert.Equal([expected], MediaLinks.PathsIn(text));

    [Theory]
    [InlineData("https://example.org/media/u/truong-a/x.jpg")]
    [InlineData("/media/../chuyende.db")]
    [InlineData("/media/")]
    [InlineData("no link at all")]
    public void Other_addresses_and_unsafe_paths_name_nothing(string text)
        => Assert.Empty(MediaLinks.PathsIn(text));

    [Fact]
    public void Several_links_give_each_file_once()
        => Assert.Equal(["u/a/1.jpg", "u/a/2.jpg"],
            MediaLinks.PathsIn("![a](/media/u/a/1.jpg) ![b](/media/_anh/nho/jpg/u/a/1.jpg) [c](/media/u/a/2.jpg)"));
}
