using System.IO.Compression;
using System.Text;
using ChuyenDe.Modules.Reports.Consolidation;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The nominations ZIP: a folder per unit with its files, and an index CSV listing every nomination.</summary>
public sealed class NominationsZipWriterTests
{
    private readonly NominationsZipWriter _writer = new(Localizer<ConsolidationResources>());

    private static readonly byte[] Report = Encoding.UTF8.GetBytes("Báo cáo thành tích của tập thể");

    private static IReadOnlyList<Nomination> Nominations() =>
    [
        new()
        {
            UnitKey = "pgd-lac-son", UnitName = "Phòng GD&ĐT Lạc Sơn", Kind = NominationKind.Collective, Name = "Trường MN Hoa Sen",
            Files = [NominationFile.FromBytes("bao-cao-thanh-tich.docx", Report)],
        },
        new()
        {
            UnitKey = "pgd-lac-son", UnitName = "Phòng GD&ĐT Lạc Sơn", Kind = NominationKind.Individual, Name = "Bùi Thị Hạnh",
            Position = "Giáo viên", Organisation = "Trường MN Sơn Ca",
            Files = [NominationFile.FromBytes("bao-cao-thanh-tich.docx", [1, 2, 3]), NominationFile.FromBytes("../minh:chung?.pdf", [4])],
        },
        new()
        {
            UnitKey = "pgd-mai-chau", UnitName = "Phòng GD&ĐT Mai Châu", Kind = NominationKind.Individual, Name = "=Hà Văn Tâm",
            Position = "Hiệu trưởng", Organisation = "Trường MN Họa Mi",
        },
    ];

    private async Task<ZipArchive> WriteAsync(IReadOnlyList<Nomination> nominations)
    {
        var stream = new MemoryStream();
        await _writer.WriteAsync(nominations, stream);
        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }

    [Fact]
    public async Task Each_unit_has_a_folder_with_its_files_and_the_index_is_at_the_root()
    {
        using var zip = await WriteAsync(Nominations());

        Assert.Equal(
            [
                "01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich.docx",
                "01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich (2).docx",
                "01 - Phòng GD&ĐT Lạc Sơn/-minh-chung-.pdf",
                "danh-sach-de-nghi-khen-thuong.csv",
            ],
            zip.Entries.Select(e => e.FullName));

        using var reader = new StreamReader(zip.GetEntry("01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich.docx")!.Open());
        Assert.Equal("Báo cáo thành tích của tập thể", await reader.ReadToEndAsync());
        Assert.Equal(3, zip.GetEntry("01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich (2).docx")!.Length);
    }

    [Fact]
    public async Task The_index_lists_every_nomination_with_its_files()
    {
        using var zip = await WriteAsync(Nominations());
        await using var stream = zip.GetEntry(NominationsZipWriter.IndexFileName)!.Open();
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        var bytes = memory.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["STT", "Đơn vị", "Tập thể/Cá nhân", "Tên tập thể hoặc họ và tên", "Chức vụ", "Đơn vị công tác", "Tệp đính kèm"], rows[0]);
        Assert.Equal(["1", "Phòng GD&ĐT Lạc Sơn", "Tập thể", "Trường MN Hoa Sen", "", "Trường MN Hoa Sen", "01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich.docx"], rows[1]);
        Assert.Equal(["2", "Phòng GD&ĐT Lạc Sơn", "Cá nhân", "Bùi Thị Hạnh", "Giáo viên", "Trường MN Sơn Ca", "01 - Phòng GD&ĐT Lạc Sơn/bao-cao-thanh-tich (2).docx; 01 - Phòng GD&ĐT Lạc Sơn/-minh-chung-.pdf"], rows[2]);
        Assert.Equal(["3", "Phòng GD&ĐT Mai Châu", "Cá nhân", "'=Hà Văn Tâm", "Hiệu trưởng", "Trường MN Họa Mi", ""], rows[3]);
    }

    [Fact]
    public async Task No_nominations_make_a_ZIP_with_only_the_index()
    {
        using var zip = await WriteAsync([]);
        Assert.Equal(["danh-sach-de-nghi-khen-thuong.csv"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Each_file_stream_is_opened_once_and_disposed()
    {
        var opened = new List<TrackedStream>();
        var nomination = new Nomination
        {
            UnitKey = "u", UnitName = "Đơn vị", Name = "A",
            Files = [new NominationFile("a.pdf", _ => { var s = new TrackedStream([7, 8]); opened.Add(s); return Task.FromResult<Stream>(s); })],
        };

        using var zip = await WriteAsync([nomination]);
        Assert.Single(opened);
        Assert.True(opened[0].Disposed);
        Assert.Equal(2, zip.GetEntry("01 - Đơn vị/a.pdf")!.Length);
    }

    [Theory]
    [InlineData("báo cáo.docx", "báo cáo.docx")]
    [InlineData("a/b\\c.pdf", "a-b-c.pdf")]
    [InlineData("  ..ẩn.txt. ", "ẩn.txt")]
    [InlineData("", "tep")]
    [InlineData("<>:\"|?*", "-------")]
    public void Names_are_made_safe_for_every_file_system(string name, string safe)
        => Assert.Equal(safe, NominationsZipWriter.SafeName(name, 120));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var cut = NominationsZipWriter.SafeName(new string('a', 200) + ".docx", 120);
        Assert.Equal(120, cut.Length);
        Assert.EndsWith("a.docx", cut);
    }

    private sealed class TrackedStream(byte[] content) : MemoryStream(content)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
