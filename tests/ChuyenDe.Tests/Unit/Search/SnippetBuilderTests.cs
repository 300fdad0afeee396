using ChuyenDe.Modules.Search;

namespace ChuyenDe.Tests.Unit.Search;

/// <summary>The highlighted passage of a result (<c>SnippetBuilder</c>): words matched as the index matches them.</summary>
public sealed class SnippetBuilderTests
{
    private static string? Build(string text, params string[] words)
        => SnippetBuilder.Build(VietnameseAnalyzer.Normalize(text), words, 180, 20_000);

    [Fact]
    public void Words_match_in_any_case_as_written_or_folded_and_only_whole()
    {
        var snippet = Build("GIỜ ĂN của Trẻ; giờ ăn nhẹ; gio an tối. Trẻem và trẻ.", "giờ", "ăn", "trẻ");
        Assert.Equal("<mark>GIỜ</mark> <mark>ĂN</mark> của <mark>Trẻ</mark>; <mark>giờ</mark> <mark>ăn</mark> nhẹ; "
            + "<mark>gio</mark> <mark>an</mark> tối. Trẻem và <mark>trẻ</mark>.", snippet);
    }

    [Fact]
    public void A_folded_query_word_finds_the_word_with_tone_marks_and_d_with_stroke()
    {
        Assert.Equal("Huyện <mark>Đàm</mark> <mark>Hà</mark>", Build("Huyện Đàm Hà", "dam", "ha"));
    }

    [Fact]
    public void Long_words_and_numbers_are_skipped_or_matched_without_error()
    {
        var longWord = new string('ạ', 300);
        Assert.Equal(longWord + " <mark>2024</mark>", Build(longWord + " 2024", "2024"));
        Assert.Null(Build(longWord, "ạ"));
    }

    [Fact]
    public void Nothing_found_gives_no_snippet()
    {
        Assert.Null(Build("Trẻ chơi ngoài trời", "giờ"));
        Assert.Null(Build("", "giờ"));
    }
}
