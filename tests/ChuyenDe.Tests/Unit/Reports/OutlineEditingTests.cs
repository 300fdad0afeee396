using ChuyenDe.Modules.Reports;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The outline editor's operations on the flat rows (a section moves with its subsections) and the tree it builds.</summary>
public sealed class OutlineEditingTests
{
    private static List<OutlineRowForm> Rows(params (string Title, int Depth)[] rows)
        => rows.Select((r, i) => new OutlineRowForm { Key = "k" + i, Title = r.Title, Depth = r.Depth }).ToList();

    private static string Show(List<OutlineRowForm> rows) => string.Join(" ", rows.Select(r => new string('>', r.Depth) + r.Title));

    [Theory]
    [InlineData("up:4", "A >A1 C >C1 B >B1")]
    [InlineData("up:2", "B >B1 A >A1 C >C1")]
    [InlineData("down:0", "B >B1 A >A1 C >C1")]
    [InlineData("down:4", "A >A1 B >B1 C >C1")]
    [InlineData("up:0", "A >A1 B >B1 C >C1")]
    [InlineData("down:1", "A >A1 B >B1 C >C1")]
    [InlineData("indent:2", "A >A1 >B >>B1 C >C1")]
    [InlineData("indent:0", "A >A1 B >B1 C >C1")]
    [InlineData("outdent:1", "A A1 B >B1 C >C1")]
    [InlineData("remove:2", "A >A1 C >C1")]
    [InlineData("child:0", "A > >A1 B >B1 C >C1")]
    [InlineData("add:0", "A >A1  B >B1 C >C1")]
    [InlineData("add", "A >A1 B >B1 C >C1 ")]
    [InlineData("remove:9", "A >A1 B >B1 C >C1")]
    public void Each_operation_moves_a_section_with_its_subsections(string op, string expected)
    {
        var rows = Rows(("A", 0), ("A1", 1), ("B", 0), ("B1", 1), ("C", 0), ("C1", 1));

        OutlineEditing.Apply(rows, op);

        Assert.Equal(expected, Show(rows));
    }

    [Fact]
    public void Depths_that_skip_a_level_are_brought_back_and_new_sections_get_keys_from_their_numbering()
    {
        var rows = new List<OutlineRowForm>
        {
            new() { Key = "i", Title = "I. Chỉ đạo", Depth = 2 },
            new() { Title = "1. Văn bản", Depth = 3 },
            new() { Key = "i", Title = "2. Trùng mã", Depth = 1 },
            new() { Title = " II. Kết quả ", Depth = 0 },
        };

        var (outline, errors) = OutlineEditing.Build(rows);

        Assert.Empty(errors);
        Assert.NotNull(outline);
        Assert.Equal(["i", "muc-2"], outline.Select(s => s.Key));
        Assert.Equal(["muc-1-1", "muc-1-2"], outline[0].Children.Select(s => s.Key));
        Assert.Equal("II. Kết quả", outline[1].Title);
    }

    [Fact]
    public void An_empty_outline_or_heading_is_an_error_naming_the_section()
    {
        var (none, noneErrors) = OutlineEditing.Build([]);
        var (empty, emptyErrors) = OutlineEditing.Build(Rows(("A", 0), ("  ", 1)));

        Assert.Null(none);
        Assert.Equal("The outline needs at least one section.", Assert.Single(noneErrors).Message);
        Assert.Null(empty);
        var error = Assert.Single(emptyErrors);
        Assert.Equal(("Sections[1].Title", 2), (error.Field, (int)error.Args[0]));
    }
}
