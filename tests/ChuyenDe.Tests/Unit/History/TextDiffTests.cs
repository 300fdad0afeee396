using System.Text;
using ChuyenDe.Modules.History;

namespace ChuyenDe.Tests.Unit.History;

public sealed class TextDiffTests
{
    private static string Render(IEnumerable<DiffSegment> segments)
        => string.Concat(segments.Select(s => s.Kind switch
        {
            DiffKind.Inserted => $"<ins>{s.Text}</ins>",
            DiffKind.Deleted => $"<del>{s.Text}</del>",
            _ => s.Text,
        }));

    private static string Render(DiffLine line) => line.Kind switch
    {
        DiffKind.Unchanged => "  " + line.OldText,
        DiffKind.Inserted => "+ " + line.NewText,
        DiffKind.Deleted => "- " + line.OldText,
        _ => "~ " + Render(line.Segments),
    };

    /// <summary>The old text is the unchanged, deleted and modified lines' old side; the new text likewise.</summary>
    private static void AssertReconstructs(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, IReadOnlyList<DiffLine> diff)
    {
        Assert.Equal(oldLines, diff.Where(l => l.Kind != DiffKind.Inserted).Select(l => l.OldText).ToList());
        Assert.Equal(newLines, diff.Where(l => l.Kind != DiffKind.Deleted).Select(l => l.NewText).ToList());
    }

    [Fact]
    public void Identical_texts_have_only_unchanged_lines()
    {
        var diff = TextDiff.Lines("Dòng một\nDòng hai", "Dòng một\nDòng hai");

        Assert.Equal(["  Dòng một", "  Dòng hai"], diff.Select(Render));
    }

    [Fact]
    public void Null_and_empty_texts_have_no_lines_and_a_new_text_is_all_inserted()
    {
        Assert.Empty(TextDiff.Lines(null, ""));
        Assert.Equal(["+ Một", "+ Hai"], TextDiff.Lines(null, "Một\nHai").Select(Render));
        Assert.Equal(["- Một"], TextDiff.Lines("Một", null).Select(Render));
    }

    [Fact]
    public void An_inserted_and_a_deleted_line_are_found_where_they_are()
    {
        var inserted = TextDiff.Lines("a\nb\nc", "a\nb\nmới\nc");
        var deleted = TextDiff.Lines("a\nb\nc\nd", "a\nc\nd");

        Assert.Equal(["  a", "  b", "+ mới", "  c"], inserted.Select(Render));
        Assert.Equal(["  a", "- b", "  c", "  d"], deleted.Select(Render));
    }

    [Fact]
    public void A_changed_word_inside_a_line_is_marked_at_word_level()
    {
        var diff = TextDiff.Lines("Mở đầu\nTrẻ tự xúc cơm và dọn bàn.\nKết thúc", "Mở đầu\nTrẻ tự chọn món và dọn bàn.\nKết thúc");

        Assert.Equal(["  Mở đầu", "~ Trẻ tự <del>xúc cơm</del><ins>chọn món</ins> và dọn bàn.", "  Kết thúc"], diff.Select(Render));
    }

    [Fact]
    public void Words_with_tone_marks_are_whole_words_in_composed_and_decomposed_form()
    {
        var composed = TextDiff.Words("Đổi mới giờ ăn", "Đổi mới giờ ngủ");
        var decomposed = TextDiff.Words("giờ ăn".Normalize(NormalizationForm.FormD), "giờ ngủ".Normalize(NormalizationForm.FormD));

        Assert.Equal("Đổi mới giờ <del>ăn</del><ins>ngủ</ins>", Render(composed));
        Assert.Equal(["giờ".Normalize(NormalizationForm.FormD), " ", "ăn".Normalize(NormalizationForm.FormD)],
            TextDiff.Tokenize("giờ ăn".Normalize(NormalizationForm.FormD)));
        Assert.Equal(DiffKind.Deleted, decomposed[1].Kind);
        Assert.Equal("ăn".Normalize(NormalizationForm.FormD), decomposed[1].Text);
    }

    [Fact]
    public void A_replaced_phrase_reads_as_one_deletion_and_one_insertion()
    {
        Assert.Equal("<del>một hai</del><ins>ba bốn</ins> năm", Render(TextDiff.Words("một hai năm", "ba bốn năm")));
        Assert.Equal("Trẻ <del>ba</del><ins>bốn</ins> tuổi, lớp <del>Mầm</del><ins>Chồi</ins>.", Render(TextDiff.Words("Trẻ ba tuổi, lớp Mầm.", "Trẻ bốn tuổi, lớp Chồi.")));
    }

    [Fact]
    public void Lines_that_share_nothing_are_shown_as_deleted_then_inserted_not_as_one_modified_line()
    {
        var diff = TextDiff.Lines(["12"], ["15"]);

        Assert.Equal(["- 12", "+ 15"], diff.Select(Render));
    }

    [Fact]
    public void The_line_diff_keeps_a_longest_common_subsequence()
    {
        // The classic example: the longest common subsequence of ABCBDAB and BDCABA has four elements.
        var oldLines = "ABCBDAB".Select(c => c.ToString()).ToList();
        var newLines = "BDCABA".Select(c => c.ToString()).ToList();

        var diff = TextDiff.Lines(oldLines, newLines);

        Assert.Equal(4, diff.Count(l => l.Kind == DiffKind.Unchanged));
        AssertReconstructs(oldLines, newLines, diff);
    }

    [Fact]
    public void Tokens_give_the_text_back()
    {
        const string text = "Trẻ 4–5 tuổi, lớp Lá (A1): \"tự phục vụ\"  ở trường_mầm_non! 😀";
        var tokens = TextDiff.Tokenize(text);

        Assert.Equal(text, string.Concat(tokens));
        Assert.Contains("trường_mầm_non", tokens);
        Assert.Contains("  ", tokens);
        Assert.Contains("😀", tokens);
    }

    [Fact]
    public void Windows_line_breaks_are_line_breaks()
    {
        Assert.Equal(["a", "b", "c"], TextDiff.SplitLines("a\r\nb\rc"));
        Assert.DoesNotContain(TextDiff.Lines("a\r\nb", "a\nb"), l => l.Kind != DiffKind.Unchanged);
    }

    [Fact]
    public void Random_edits_always_reconstruct_both_texts()
    {
        var random = new Random(20261125);
        string[] words = ["trẻ", "cô", "lớp", "chơi", "học", "ăn", "ngủ", "góc", "sân", "vườn"];
        for (var round = 0; round < 200; round++)
        {
            var oldLines = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => words[random.Next(words.Length)]))).ToList();
            var newLines = oldLines.ToList();
            for (var edit = random.Next(0, 5); edit > 0; edit--)
            {
                var at = random.Next(0, newLines.Count + 1);
                switch (random.Next(3))
                {
                    case 0:
                        newLines.Insert(at, words[random.Next(words.Length)]);
                        break;
                    case 1 when at < newLines.Count:
                        newLines.RemoveAt(at);
                        break;
                    case 2 when at < newLines.Count:
                        newLines[at] = newLines[at] + " " + words[random.Next(words.Length)];
                        break;
                }
            }

            var diff = TextDiff.Lines(oldLines, newLines);

            AssertReconstructs(oldLines, newLines, diff);
            foreach (var line in diff.Where(l => l.Kind == DiffKind.Modified))
            {
                Assert.Contains(line.Segments, s => s.Kind == DiffKind.Unchanged);
                Assert.Contains(line.Segments, s => s.Kind != DiffKind.Unchanged);
            }
        }
    }

    [Fact]
    public void Very_long_texts_are_compared_without_running_out_of_memory()
    {
        var oldLines = Enumerable.Range(0, 3000).Select(i => $"dòng {i}").ToList();
        var newLines = Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"dòng {i}" : $"hàng {i * 7}").ToList();

        var diff = TextDiff.Lines(oldLines, newLines);

        AssertReconstructs(oldLines, newLines, diff);
        Assert.Equal("dòng 0", diff[0].OldText);
    }

    [Fact]
    public void Long_runs_of_unchanged_lines_are_collapsed_around_the_changes()
    {
        var oldLines = Enumerable.Range(1, 20).Select(i => $"dòng {i}").ToList();
        var newLines = oldLines.ToList();
        newLines[9] = "dòng mười";

        var blocks = TextDiff.Collapse(TextDiff.Lines(oldLines, newLines), context: 2);

        Assert.Equal([true, false, true], blocks.Select(b => b.Collapsed));
        Assert.Equal(7, blocks[0].Lines.Count); // lines 1–7; 8 and 9 stay visible
        Assert.Equal(["dòng 8", "dòng 9", "dòng 10", "dòng 11", "dòng 12"], blocks[1].Lines.Select(l => l.OldText));
        Assert.Equal(8, blocks[2].Lines.Count); // lines 13–20
        Assert.Equal(20, blocks.Sum(b => b.Lines.Count));
    }

    [Fact]
    public void Short_runs_of_unchanged_lines_are_not_collapsed()
    {
        var blocks = TextDiff.Collapse(TextDiff.Lines("a\nb\nc\nd", "a\nb\nC\nd"), context: 3);

        Assert.Single(blocks);
        Assert.False(blocks[0].Collapsed);
    }
}
