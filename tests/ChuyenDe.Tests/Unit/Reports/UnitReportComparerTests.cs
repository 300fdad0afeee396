using ChuyenDe.Modules.History;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>Two versions of a unit's report compared: sections as a line/word diff, figures old → new as people read them.</summary>
public sealed class UnitReportComparerTests
{
    private readonly UnitReportComparer _comparer = new(new IndicatorEntryValidator(Localizer<IndicatorResources>()));

    private static readonly IReadOnlyList<OutlineSection> Outline =
    [
        new() { Key = "ket-qua", Title = "Kết quả", Children = [new() { Key = "co-so-vat-chat", Title = "Cơ sở vật chất" }, new() { Key = "doi-ngu", Title = "Đội ngũ" }] },
        new() { Key = "de-xuat", Title = "Đề xuất" },
    ];

    private static readonly IReadOnlyList<IndicatorDefinition> Figures =
    [
        Whole("truong-tham-gia", "Số trường tham gia"),
        Percent("ty-le", "Tỷ lệ đạt"),
        YesNo("mo-hinh", "Có mô hình điểm"),
        Text("ghi-chu", "Ghi chú"),
    ];

    private static UnitReportVersion Version(int number, Dictionary<string, string> sections, Dictionary<string, string> values)
        => new() { Number = number, SectionsJson = UnitReports.WriteMap(sections), ValuesJson = UnitReports.WriteMap(values) };

    [Fact]
    public void Changed_sections_get_a_word_diff_in_outline_order_and_unchanged_ones_stay_unchanged()
    {
        var from = Version(2, new() { ["co-so-vat-chat"] = "Đã xây 3 phòng học.\nĐã mua đồ chơi.", ["doi-ngu"] = "Đủ giáo viên.", ["de-xuat"] = "Không." },
            new() { ["truong-tham-gia"] = "12" });
        var to = Version(4, new() { ["co-so-vat-chat"] = "Đã xây 5 phòng học.\nĐã mua đồ chơi.", ["doi-ngu"] = "Đủ giáo viên.", ["de-xuat"] = "Không." },
            new() { ["truong-tham-gia"] = "12" });

        var comparison = _comparer.Compare(Outline, Figures, from, to);
        var sections = comparison.Part(UnitReportComparer.SectionsPart);

        Assert.Equal(["ket-qua", "co-so-vat-chat", "doi-ngu", "de-xuat"], sections.Entries.Select(e => e.Key));
        Assert.Equal([0, 1, 1, 0], sections.Entries.Select(e => e.Depth));
        var changed = Assert.Single(sections.Changed);
        Assert.Equal(("co-so-vat-chat", "Kết quả › Cơ sở vật chất"), (changed.Key, changed.Label));
        Assert.Equal([DiffKind.Modified, DiffKind.Unchanged], changed.Diff.Select(l => l.Kind));
        var segments = changed.Diff[0].Segments;
        Assert.Contains(new DiffSegment(DiffKind.Deleted, "3"), segments);
        Assert.Contains(new DiffSegment(DiffKind.Inserted, "5"), segments);
        Assert.Empty(comparison.Part(UnitReportComparer.FiguresPart).Changed);
        Assert.True(comparison.AnyChange);
    }

    [Fact]
    public void Figures_are_compared_as_displayed_so_a_value_stored_the_same_is_unchanged()
    {
        var from = Version(1, [], new() { ["truong-tham-gia"] = "1250", ["ty-le"] = "85.5", ["mo-hinh"] = "false", ["ghi-chu"] = "Cũ" });
        var to = Version(3, [], new() { ["truong-tham-gia"] = "1300", ["ty-le"] = "85.5", ["mo-hinh"] = "true" });

        var figures = _comparer.Compare(Outline, Figures, from, to).Part(UnitReportComparer.FiguresPart);

        Assert.Equal(
            [("truong-tham-gia", "1.250", "1.300"), ("mo-hinh", "Không", "Có"), ("ghi-chu", "Cũ", "")],
            figures.Changed.Select(e => (e.Key, e.Old, e.New)));
        var schools = figures.Changed[0];
        Assert.Equal("Số trường tham gia (trường)", schools.Label);
        Assert.False(schools.Multiline);
        // A figure is replaced whole, never diffed word by word.
        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], schools.Diff.Select(l => l.Kind));
        Assert.True(figures.Changed[2].Removed);
        Assert.Equal("85,5%", figures.Entries.Single(e => e.Key == "ty-le").New);
    }

    [Fact]
    public void A_section_written_for_the_first_time_is_added_and_keys_no_longer_in_the_round_still_show()
    {
        var from = Version(1, new() { ["muc-cu"] = "Nội dung mục đã bỏ" }, []);
        var to = Version(2, new() { ["de-xuat"] = "Đề nghị thêm kinh phí.\nĐề nghị tập huấn." }, []);

        var sections = _comparer.Compare(Outline, Figures, from, to).Part(UnitReportComparer.SectionsPart);

        Assert.Equal(["de-xuat", "muc-cu"], sections.Changed.Select(e => e.Key));
        var added = sections.Changed[0];
        Assert.True(added.Added);
        Assert.All(added.Diff, l => Assert.Equal(DiffKind.Inserted, l.Kind));
        Assert.Equal(2, added.Diff.Count);
        var orphan = sections.Changed[1];
        Assert.Equal(("muc-cu", true), (orphan.Label, orphan.Removed));
    }

    [Fact]
    public void Two_identical_versions_have_no_change()
    {
        var sections = new Dictionary<string, string> { ["de-xuat"] = "Giống nhau." };
        var values = new Dictionary<string, string> { ["truong-tham-gia"] = "3" };
        var comparison = _comparer.Compare(Outline, Figures, Version(1, sections, values), Version(2, sections, values));
        Assert.False(comparison.AnyChange);
        Assert.All(comparison.Parts, p => Assert.Empty(p.Changed));
    }

    [Fact]
    public void Another_versioned_map_is_one_more_part_with_its_rows()
    {
        var rows = new[] { new UnitReportComparer.Row("co-so-vat-chat", "Cơ sở vật chất", 0, t => t.Replace('|', '\n')) };
        var part = UnitReportComparer.ComparePart("evidence", rows,
            new Dictionary<string, string> { ["co-so-vat-chat"] = "anh-1.jpg|bien-ban.pdf" },
            new Dictionary<string, string> { ["co-so-vat-chat"] = "anh-1.jpg|bien-ban.pdf|ke-hoach.docx" }, multiline: true);
        var entry = Assert.Single(part.Changed);
        Assert.Equal([DiffKind.Unchanged, DiffKind.Unchanged, DiffKind.Inserted], entry.Diff.Select(l => l.Kind));
        Assert.Equal("ke-hoach.docx", entry.Diff[2].NewText);
    }

    [Fact]
    public void Evidence_and_nominations_added_changed_and_removed_between_versions_are_listed_with_what_they_showed()
    {
        var from = new UnitReportVersion
        {
            Number = 2,
            EvidenceJson = UnitReportAttachments.Write([
                new EvidenceEntry { Kind = EvidenceKind.File, Target = "phong-a/anh-1.jpg", Name = "anh-1.jpg", Caption = "Góc chơi", SectionKey = "doi-ngu" },
                new EvidenceEntry { Kind = EvidenceKind.LibraryItem, Target = "item-1", Name = "Sáng kiến giờ ăn" },
            ]),
            NominationsJson = UnitReportAttachments.Write([
                new NominationEntry { Kind = NominationKind.Individual, Name = "Nguyễn Thị Lan", Position = "Giáo viên", Organisation = "Trường MN A" },
            ]),
        };
        var to = new UnitReportVersion
        {
            Number = 3,
            EvidenceJson = UnitReportAttachments.Write([
                new EvidenceEntry { Kind = EvidenceKind.File, Target = "phong-a/anh-1.jpg", Name = "anh-1.jpg", Caption = "Góc chơi ngoài trời", SectionKey = "doi-ngu" },
                new EvidenceEntry { Kind = EvidenceKind.LibraryItem, Target = "item-1", Name = "Sáng kiến giờ ăn" },
            ]),
            NominationsJson = UnitReportAttachments.Write([
                new NominationEntry { Kind = NominationKind.Individual, Name = "Nguyễn Thị Lan", Position = "Giáo viên", Organisation = "Trường MN A", FilePath = "phong-a/bao-cao-thanh-tich.docx", FileName = "bao-cao-thanh-tich.docx" },
                new NominationEntry { Kind = NominationKind.Collective, OrganizationId = "truong-a", Name = "Trường MN A" },
            ]),
        };

        var comparison = _comparer.Compare(Outline, Figures, from, to);

        var evidence = Assert.Single(comparison.Part(UnitReportComparer.EvidencePart).Changed);
        Assert.Equal(("File:phong-a/anh-1.jpg", "anh-1.jpg · Góc chơi · Kết quả › Đội ngũ", "anh-1.jpg · Góc chơi ngoài trời · Kết quả › Đội ngũ"), (evidence.Key, evidence.Old, evidence.New));
        var nominations = comparison.Part(UnitReportComparer.NominationsPart).Changed;
        Assert.Equal(
            [("Individual:Nguyễn Thị Lan|Trường MN A", "Nguyễn Thị Lan · Giáo viên · Trường MN A", "Nguyễn Thị Lan · Giáo viên · Trường MN A · bao-cao-thanh-tich.docx"),
             ("Collective:truong-a", "", "Trường MN A")],
            nominations.Select(e => (e.Key, e.Old, e.New)));
        Assert.True(nominations[1].Added);
        Assert.True(comparison.AnyChange);
        Assert.False(_comparer.Compare(Outline, Figures, to, to).AnyChange);
    }
}
