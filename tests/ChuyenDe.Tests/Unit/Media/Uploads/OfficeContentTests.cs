using System.IO.Compression;
using System.Text;
using ChuyenDe.Modules.Media.Uploads;
using ChuyenDe.Tests.Unit.Media.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

/// <summary>
/// Office files are what they claim: the main part of their kind with its content type, no macros, no embedded programs
/// or OLE objects, no VBA storage in a legacy file, no decompression bomb; each refusal in Vietnamese, naming the file.
/// </summary>
[UseVietnamese]
public sealed class OfficeContentTests
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string DocumentXml = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Giáo án</w:t></w:r></w:p></w:body></w:document>""";

    private static async Task<UploadCheck> CheckAsync(string name, byte[] bytes)
    {
        var localizer = new StringLocalizer<MediaUploadResources>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var validator = new UploadValidator(new FileTypeDetector(), Options.Create(new MediaUploadOptions()), localizer);
        using var stream = new MemoryStream(bytes, writable: false);
        return await validator.ValidateAsync(name, stream, bytes.Length, CancellationToken.None);
    }

    private static void AssertRefused(UploadCheck check, string name, UploadRefusalCode code, string vietnamese)
    {
        Assert.False(check.Accepted);
        Assert.Equal(code, check.Code);
        Assert.StartsWith($"Tệp “{name}” không được chấp nhận: ", check.Message, StringComparison.Ordinal);
        Assert.Contains(vietnamese, check.Message, StringComparison.Ordinal);
    }

    /// <summary>A ZIP of the given entries, written by System.IO.Compression.</summary>
    internal static byte[] Package(params (string Name, byte[] Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A minimal valid DOCX with more entries and content types.</summary>
    internal static byte[] Docx((string Name, byte[] Bytes)[]? more = null, (string Part, string Type)[]? types = null, string mainType = WordMain)
        => Package([
            ("[Content_Types].xml", Utf8(BombFiles.ContentTypes("word/document.xml", mainType, types ?? []))),
            ("_rels/.rels", Utf8(BombFiles.PackageRels("word/document.xml"))),
            ("word/document.xml", Utf8(DocumentXml)),
            .. more ?? [],
        ]);

    [Fact]
    public async Task A_minimal_DOCX_written_by_hand_is_accepted()
    {
        var check = await CheckAsync("Giáo án.docx", Docx());

        Assert.True(check.Accepted, check.Message);
        Assert.Equal(FileKind.Docx, check.Kind);
    }

    [Fact]
    public async Task A_ZIP_with_content_types_and_a_word_folder_around_a_program_is_refused()
    {
        var zip = Package(
            ("[Content_Types].xml", Utf8("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""")),
            ("word/readme.txt", Utf8("Xem tệp cài đặt")),
            ("word/setup.exe", SampleFiles.WindowsExecutable()));

        var check = await CheckAsync("Giáo án.docx", zip);

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.EmbeddedCode, "nhúng chương trình hoặc đối tượng (word/setup.exe)");
    }

    [Fact]
    public async Task A_program_hidden_under_a_harmless_name_inside_a_DOCX_is_refused()
    {
        var docx = Docx(more: [("word/media/image1.png", SampleFiles.WindowsExecutable())]);

        var check = await CheckAsync("Kế hoạch.docx", docx);

        AssertRefused(check, "Kế hoạch.docx", UploadRefusalCode.EmbeddedCode, "(word/media/image1.png)");
    }

    [Fact]
    public async Task A_DOCX_without_its_main_part_is_refused()
    {
        var zip = Package(
            ("[Content_Types].xml", Utf8(BombFiles.ContentTypes("word/document.xml", WordMain))),
            ("_rels/.rels", Utf8(BombFiles.PackageRels("word/document.xml"))),
            ("word/styles.xml", Utf8("<styles/>")));

        var check = await CheckAsync("Báo cáo.docx", zip);

        AssertRefused(check, "Báo cáo.docx", UploadRefusalCode.InvalidDocument, "không phải tài liệu .docx hợp lệ (phần nội dung chính word/document.xml");
    }

    [Fact]
    public async Task A_DOCX_whose_main_part_has_another_content_type_is_refused()
    {
        var check = await CheckAsync("Báo cáo.docx", Docx(mainType: "application/xml"));

        AssertRefused(check, "Báo cáo.docx", UploadRefusalCode.InvalidDocument, "phần nội dung chính word/document.xml, application/xml bị thiếu hoặc không đúng loại");
    }

    [Fact]
    public async Task A_presentation_named_docx_is_refused_as_what_it_really_is()
    {
        var check = await CheckAsync("Báo cáo.docx", SampleFiles.Pptx(["Trang một"]));

        AssertRefused(check, "Báo cáo.docx", UploadRefusalCode.ExtensionMismatch, "nội dung thực là tệp .pptx");
    }

    [Fact]
    public async Task A_DOCX_with_a_VBA_project_is_refused()
    {
        var docx = Docx(more: [("word/vbaProject.bin", SampleFiles.Ole("VBA", null))]);

        var check = await CheckAsync("Giáo án.docx", docx);

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.Macros, "có chứa macro (word/vbaProject.bin)");
    }

    [Fact]
    public async Task A_macro_enabled_main_part_is_refused_even_without_a_VBA_part()
    {
        var check = await CheckAsync("Giáo án.docx", Docx(mainType: "application/vnd.ms-word.document.macroEnabled.main+xml"));

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.Macros, "macroEnabled");
    }

    [Fact]
    public async Task An_XLSX_with_an_Excel_4_macro_sheet_is_refused()
    {
        var xlsx = SampleFiles.Xlsx();
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/macrosheets/sheet1.xml").Open();
            entry.Write(Utf8("<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>"));
        }

        var check = await CheckAsync("Bảng điểm.xlsx", stream.ToArray());

        AssertRefused(check, "Bảng điểm.xlsx", UploadRefusalCode.Macros, "xl/macrosheets/sheet1.xml");
    }

    [Fact]
    public async Task A_DOCX_with_an_embedded_OLE_object_is_refused()
    {
        var docx = Docx(
            more: [("word/embeddings/oleObject1.bin", SampleFiles.Ole("\u0001Ole10Native", null))],
            types: [("word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject")]);

        var check = await CheckAsync("Giáo án.docx", docx);

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.EmbeddedCode, "application/vnd.openxmlformats-officedocument.oleObject");
    }

    [Fact]
    public async Task A_DOCX_relating_its_main_part_to_an_OLE_object_is_refused_whatever_the_object_is_named()
    {
        var rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="media/picture.emf"/></Relationships>""";
        var docx = Docx(more: [("word/_rels/document.xml.rels", Utf8(rels)), ("word/media/picture.emf", [1, 2, 3, 4])]);

        var check = await CheckAsync("Giáo án.docx", docx);

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.EmbeddedCode, "(word/media/picture.emf)");
    }

    [Fact]
    public async Task A_DOCX_whose_document_inflates_to_a_gigabyte_is_refused_from_its_declared_sizes()
    {
        var check = await CheckAsync("Sáng kiến.docx", BombFiles.Docx(BombFiles.GiB));

        AssertRefused(check, "Sáng kiến.docx", UploadRefusalCode.CompressionBomb, "bom giải nén");
    }

    [Fact]
    public async Task A_DOCX_with_more_entries_than_any_document_has_is_refused_unread()
    {
        var many = Enumerable.Range(0, 10_001).Select(i => ($"word/media/e{i}.txt", new byte[] { 1 })).ToArray();

        var check = await CheckAsync("Giáo án.docx", Docx(more: many));

        AssertRefused(check, "Giáo án.docx", UploadRefusalCode.Archive, "đây là tệp nén (ZIP)");
    }

    [Fact]
    public async Task A_legacy_Word_file_with_macros_is_refused()
    {
        var doc = Cfb(fillerSectors: 0, ("WordDocument", 2), ("Macros", 1), ("VBA", 1));

        var check = await CheckAsync("Giáo án cũ.doc", doc);

        AssertRefused(check, "Giáo án cũ.doc", UploadRefusalCode.Macros, "có chứa macro (Macros)");
    }

    [Fact]
    public async Task A_legacy_Excel_file_whose_VBA_storage_is_far_into_the_directory_is_refused()
    {
        // The directory's second sector lies beyond the first 64 KB, reached only through the FAT.
        var xls = Cfb(fillerSectors: 16, ("Workbook", 2), ("_VBA_PROJECT_CUR", 1));
        Assert.True(xls.Length > FileTypeDetector.HeadSize + 8192);

        var check = await CheckAsync("Bảng điểm cũ.xls", xls);

        AssertRefused(check, "Bảng điểm cũ.xls", UploadRefusalCode.Macros, "_VBA_PROJECT_CUR");
    }

    [Fact]
    public async Task A_legacy_file_with_an_OLE_package_is_refused()
    {
        var check = await CheckAsync("Giáo án cũ.doc", Cfb(fillerSectors: 0, ("WordDocument", 2), ("ObjectPool", 1), ("\u0001Ole10Native", 2)));

        AssertRefused(check, "Giáo án cũ.doc", UploadRefusalCode.EmbeddedCode, "Ole10Native");
    }

    [Fact]
    public async Task A_legacy_Word_file_without_macros_whose_directory_spans_sectors_is_accepted()
    {
        var check = await CheckAsync("Giáo án cũ.doc", Cfb(fillerSectors: 16, ("Data", 2), ("WordDocument", 2)));

        Assert.True(check.Accepted, check.Message);
        Assert.Equal(".doc", check.Extension);
    }

    [Fact]
    public async Task An_ODT_with_Basic_macros_is_refused_and_one_without_content_is_invalid()
    {
        using var withMacro = new MemoryStream();
        withMacro.Write(SampleFiles.Odt());
        using (var zip = new ZipArchive(withMacro, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("Basic/Standard/Module1.xml").Open();
            entry.Write(Utf8("<script:module/>"));
        }

        AssertRefused(await CheckAsync("Văn bản.odt", withMacro.ToArray()), "Văn bản.odt", UploadRefusalCode.Macros, "Basic/Standard/Module1.xml");

        using var withoutContent = new MemoryStream();
        withoutContent.Write(SampleFiles.Odt());
        using (var zip = new ZipArchive(withoutContent, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("content.xml")!.Delete();
        }

        AssertRefused(await CheckAsync("Văn bản.odt", withoutContent.ToArray()), "Văn bản.odt", UploadRefusalCode.InvalidDocument, "content.xml");
    }

    /// <summary>
    /// An OLE compound file with 4 KB sectors: sector 0 the FAT, sector 1 the directory's first sector (root entry and
    /// the first entry), <paramref name="fillerSectors"/> sectors of data, then the directory's second sector (the rest).
    /// </summary>
    internal static byte[] Cfb(int fillerSectors, params (string Name, byte Type)[] entries)
    {
        const int sector = 4096;
        var secondDirectory = 2 + fillerSectors;
        var bytes = new byte[(secondDirectory + 2) * sector];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        BitConverter.GetBytes((ushort)0x3E).CopyTo(bytes, 0x18);
        BitConverter.GetBytes((ushort)4).CopyTo(bytes, 0x1A);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(bytes, 0x1C);
        BitConverter.GetBytes((ushort)12).CopyTo(bytes, 0x1E);
        BitConverter.GetBytes((ushort)6).CopyTo(bytes, 0x20);
        BitConverter.GetBytes(1u).CopyTo(bytes, 0x2C);
        BitConverter.GetBytes(1u).CopyTo(bytes, 0x30);
        BitConverter.GetBytes(0x1000u).CopyTo(bytes, 0x38);
        BitConverter.GetBytes(0xFFFFFFFEu).CopyTo(bytes, 0x3C);
        BitConverter.GetBytes(0xFFFFFFFEu).CopyTo(bytes, 0x44);
        for (var i = 0; i < 109; i++)
        {
            BitConverter.GetBytes(i == 0 ? 0u : 0xFFFFFFFFu).CopyTo(bytes, 0x4C + i * 4);
        }

        // The FAT: itself, the directory chain 1 → second directory sector, the filler chain.
        var fat = sector;
        for (var i = 0; i < sector / 4; i++)
        {
            var next = i switch
            {
                0 => 0xFFFFFFFDu,
                1 => (uint)secondDirectory,
                _ when i == secondDirectory => 0xFFFFFFFEu,
                _ when i > 1 && i < secondDirectory => i + 1 < secondDirectory ? (uint)(i + 1) : 0xFFFFFFFEu,
                _ => 0xFFFFFFFFu,
            };
            BitConverter.GetBytes(next).CopyTo(bytes, fat + i * 4);
        }

        Entry((1 + 1) * sector, "Root Entry", 5);
        Entry((1 + 1) * sector + 128, entries[0].Name, entries[0].Type);
        for (var i = 1; i < entries.Length; i++)
        {
            Entry((secondDirectory + 1) * sector + (i - 1) * 128, entries[i].Name, entries[i].Type);
        }

        return bytes;

        void Entry(int offset, string name, byte type)
        {
            var encoded = Encoding.Unicode.GetBytes(name + "\0");
            encoded.CopyTo(bytes, offset);
            BitConverter.GetBytes((ushort)encoded.Length).CopyTo(bytes, offset + 0x40);
            bytes[offset + 0x42] = type;
        }
    }
}
