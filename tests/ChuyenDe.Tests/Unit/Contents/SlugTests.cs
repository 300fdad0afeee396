using System.Text;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Tests.Unit.Contents;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Đổi mới giờ ăn cho trẻ", "doi-moi-gio-an-cho-tre")]
    [InlineData("ĐỔI MỚI GIỜ ĂN CHO TRẺ", "doi-moi-gio-an-cho-tre")]
    [InlineData("đường đến trường", "duong-den-truong")]
    [InlineData("Đà Lạt – Đắk Lắk", "da-lat-dak-lak")]
    [InlineData("Bé vui Tết Trung thu 2025", "be-vui-tet-trung-thu-2025")]
    [InlineData("Xây dựng môi trường “xanh – sạch – đẹp”!", "xay-dung-moi-truong-xanh-sach-dep")]
    [InlineData("  Hoạt động   STEAM:  bé làm   nhà khoa học...  ", "hoat-dong-steam-be-lam-nha-khoa-hoc")]
    [InlineData("Sở GD&ĐT TP.HCM", "so-gd-dt-tp-hcm")]
    [InlineData("a/b\\c_d", "a-b-c-d")]
    [InlineData("Kế hoạch năm học 2024-2025", "ke-hoach-nam-hoc-2024-2025")]
    public void Vietnamese_titles_become_ascii_slugs(string title, string expected)
        => Assert.Equal(expected, Slugs.Slugify(title));

    [Fact]
    public void Decomposed_input_gives_the_same_slug_as_composed_input()
    {
        const string title = "Đổi mới giờ ăn cho trẻ";
        var decomposed = title.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(title, decomposed);

        Assert.Equal("doi-moi-gio-an-cho-tre", Slugs.Slugify(decomposed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! … ???")]
    [InlineData("–—")]
    public void Text_without_letters_or_digits_gives_an_empty_slug(string? text)
        => Assert.Equal("", Slugs.Slugify(text));

    [Fact]
    public void A_long_title_is_cut_at_a_hyphen_within_the_limit()
    {
        var title = string.Join(' ', Enumerable.Repeat("Xây dựng trường mầm non lấy trẻ làm trung tâm", 6));
        var full = string.Join('-', Enumerable.Repeat("xay-dung-truong-mam-non-lay-tre-lam-trung-tam", 6));
        Assert.True(full.Length > Slugs.MaxLength);

        var slug = Slugs.Slugify(title);

        Assert.InRange(slug.Length, Slugs.MaxLength / 2, Slugs.MaxLength);
        Assert.StartsWith(slug, full, StringComparison.Ordinal);
        Assert.Equal('-', full[slug.Length]);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void A_slug_of_exactly_the_limit_is_kept_whole()
    {
        var expected = $"{new string('a', 59)}-{new string('c', 58)}-b";
        Assert.Equal(Slugs.MaxLength, expected.Length);

        Assert.Equal(expected, Slugs.Slugify(expected.Replace('-', ' ')));
    }

    [Fact]
    public void A_long_word_without_hyphens_is_cut_at_the_limit()
    {
        var slug = Slugs.Slugify(new string('x', 300));

        Assert.Equal(new string('x', Slugs.MaxLength), slug);
    }

    [Theory]
    [InlineData("Tin tức/Đổi mới giờ ăn", "tin-tuc/doi-moi-gio-an")]
    [InlineData("/gioi-thieu/", "gioi-thieu")]
    [InlineData("a//b/ !! /c", "a/b/c")]
    public void Paths_are_slugified_segment_by_segment(string path, string expected)
        => Assert.Equal(expected, Slugs.SlugifyPath(path));

    [Fact]
    public async Task Taken_paths_get_the_next_free_number()
    {
        var taken = new HashSet<string> { "tin-tuc/a", "tin-tuc/a-2" };

        Assert.Equal("tin-tuc/a-3", await Slugs.MakeUniqueAsync("tin-tuc/a", p => Task.FromResult(taken.Contains(p))));
        Assert.Equal("tin-tuc/b", await Slugs.MakeUniqueAsync("tin-tuc/b", p => Task.FromResult(taken.Contains(p))));
    }
}
