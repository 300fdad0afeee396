using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>
/// <see cref="UnitReports.NumberedTitles"/>: how a section is named outside the outline tree, so that "3." under "II."
/// cannot be mistaken for "3." under "III.".
/// </summary>
public sealed class NumberedTitlesTests
{
    private static OutlineSection S(string key, string title, params OutlineSection[] children)
        => new() { Key = key, Title = title, Children = [.. children] };

    [Fact]
    public void A_child_numbered_under_a_roman_parent_takes_the_parents_numeral()
    {
        IReadOnlyList<OutlineSection> outline =
        [
            S("ii", "II. Kết quả đạt được",
                S("ii-1", "1. Xây dựng mô hình điểm"),
                S("ii-3", "3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề"),
                S("ii-4", "II.4. Tăng cường ứng dụng công nghệ thông tin")),
            S("iii", "III. Đánh giá chung", S("iii-3", "3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề")),
        ];

        var titles = UnitReports.NumberedTitles(outline);

        Assert.Equal("II. Kết quả đạt được", titles["ii"]);
        Assert.Equal("II.1. Xây dựng mô hình điểm", titles["ii-1"]);
        Assert.Equal("II.3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề", titles["ii-3"]);
        Assert.Equal("II.4. Tăng cường ứng dụng công nghệ thông tin", titles["ii-4"]); // already numbered in full: unchanged
        Assert.Equal("III.3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề", titles["iii-3"]);
        Assert.Equal("II.3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề", UnitReports.NumberedTitle(outline, "ii-3"));
        Assert.Equal("khong-co", UnitReports.NumberedTitle(outline, "khong-co"));
    }

    [Fact]
    public void Arabic_parents_and_deeper_levels_chain_their_numerals()
    {
        IReadOnlyList<OutlineSection> outline =
        [
            S("1", "1. Công tác chỉ đạo",
                S("1-2", "2. Kiểm tra, giám sát",
                    S("1-2-a", "a) Kiểm tra định kỳ"),
                    S("1-2-b", "b. Kiểm tra đột xuất"))),
            S("i", "I. Tổ chức thực hiện", S("i-1", "1. Ban hành văn bản", S("i-1-1", "1.1. Văn bản của Phòng"))),
        ];

        var titles = UnitReports.NumberedTitles(outline);

        Assert.Equal("1.2. Kiểm tra, giám sát", titles["1-2"]);
        Assert.Equal("1.2.a) Kiểm tra định kỳ", titles["1-2-a"]);
        Assert.Equal("1.2.b. Kiểm tra đột xuất", titles["1-2-b"]);
        Assert.Equal("I.1. Ban hành văn bản", titles["i-1"]);
        Assert.Equal("I.1.1. Văn bản của Phòng", titles["i-1-1"]); // already carries "1." of its parent: not I.1.1.1
    }

    [Fact]
    public void Unnumbered_titles_stay_as_they_are_and_are_named_after_their_parent()
    {
        IReadOnlyList<OutlineSection> outline =
        [
            S("mo-dau", "Mở đầu", S("muc-dich", "Mục đích"), S("so-1", "1. Yêu cầu")),
            S("ii", "II. Kết quả", S("nhan-xet", "Nhận xét chung", S("nx-1", "1. Ưu điểm"))),
            S("c", "Cơ sở vật chất: 1.5 tỷ đồng"),
        ];

        var titles = UnitReports.NumberedTitles(outline);

        Assert.Equal("Mở đầu", titles["mo-dau"]);
        Assert.Equal("Mở đầu › Mục đích", titles["muc-dich"]);
        Assert.Equal("Mở đầu › 1. Yêu cầu", titles["so-1"]); // no numeral to take from the parent
        Assert.Equal("II. Kết quả › Nhận xét chung", titles["nhan-xet"]);
        Assert.Equal("II. Kết quả › Nhận xét chung › 1. Ưu điểm", titles["nx-1"]);
        Assert.Equal("Cơ sở vật chất: 1.5 tỷ đồng", titles["c"]);
        Assert.Equal(["mo-dau", "muc-dich", "so-1", "ii", "nhan-xet", "nx-1", "c"], titles.Keys);
    }
}
