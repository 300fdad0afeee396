using System.Text.RegularExpressions;
using ChuyenDe.Modules.Media.Uploads;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

/// <summary>Every allowed kind is accepted from its real content; every hostile upload is refused with its code and a Vietnamese message naming the file.</summary>
[UseVietnamese]
public sealed partial class UploadValidatorTests
{
    private static UploadValidator Validator(Action<MediaUploadOptions>? configure = null)
    {
        var options = new MediaUploadOptions();
        configure?.Invoke(options);
        var localizer = new StringLocalizer<MediaUploadResources>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        return new UploadValidator(new FileTypeDetector(), Options.Create(options), localizer);
    }

    private static async Task<UploadCheck> CheckAsync(string name, byte[] bytes, Action<MediaUploadOptions>? configure = null, long? declared = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var check = await Validator(configure).ValidateAsync(name, stream, declared ?? bytes.Length, CancellationToken.None);
        Assert.Equal(0, stream.Position);
        return check;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z0-9]+$")]
    private static partial Regex StorageNamePattern();

    public static TheoryData<string, string, FileKind, string, string> AllowedKinds() => new()
    {
        { "sang-kien.pdf", "pdf", FileKind.Pdf, ".pdf", "application/pdf" },
        { "Báo cáo.docx", "docx", FileKind.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "so-lieu.xlsx", "xlsx", FileKind.Xlsx, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "trinh-chieu.pptx", "pptx", FileKind.Pptx, ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "van-ban.odt", "odt", FileKind.Odt, ".odt", "application/vnd.oasis.opendocument.text" },
        { "cu.doc", "doc", FileKind.OleCompound, ".doc", "application/msword" },
        { "cu.xls", "doc", FileKind.OleCompound, ".xls", "application/vnd.ms-excel" },
        { "cu.ppt", "doc", FileKind.OleCompound, ".ppt", "application/vnd.ms-powerpoint" },
        { "lớp học.jpg", "jpeg", FileKind.Jpeg, ".jpg", "image/jpeg" },
        { "LOP-HOC.JPEG", "jpeg", FileKind.Jpeg, ".jpg", "image/jpeg" },
        { "san-choi.png", "png", FileKind.Png, ".png", "image/png" },
        { "hoat-hinh.gif", "gif", FileKind.Gif, ".gif", "image/gif" },
        { "anh.webp", "webp", FileKind.WebP, ".webp", "image/webp" },
        { "tiet-hoc.mp4", "mp4", FileKind.Mp4, ".mp4", "video/mp4" },
        { "bai-hat.mp3", "mp3", FileKind.Mp3, ".mp3", "audio/mpeg" },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "docx" => SampleFiles.Docx(["Xin chào"]),
        "xlsx" => SampleFiles.Xlsx(),
        "pptx" => SampleFiles.Pptx(["Trang một"]),
        "odt" => SampleFiles.Odt(),
        "doc" => SampleFiles.Doc(),
        "jpeg" => SampleFiles.Jpeg(),
        "png" => SampleFiles.Png(),
        "gif" => SampleFiles.Gif(),
        "webp" => SampleFiles.WebP(),
        "mp4" => SampleFiles.Mp4(),
        "mp3" => SampleFiles.Mp3(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(AllowedKinds))]
    public async Task Every_allowed_kind_is_accepted_from_its_real_content(string name, string sample, FileKind kind, string extension, string contentType)
    {
        var bytes = Sample(sample);
        var check = await CheckAsync(name, bytes);

        Assert.True(check.Accepted, check.Message);
        Assert.Null(check.Code);
        Assert.Null(check.Message);
        Assert.Equal(kind, check.Kind);
        Assert.Equal(extension, check.Extension);
        Assert.Equal(contentType, check.ContentType);
        Assert.Equal(name.Normalize(), check.DisplayName);
        Assert.Equal(bytes.Length, check.Length);
        Assert.Matches(StorageNamePattern(), check.StorageName);
        Assert.EndsWith(extension, check.StorageName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_accepted_file_gets_a_new_storage_name()
    {
        var first = await CheckAsync("a.png", SampleFiles.Png());
        var second = await CheckAsync("a.png", SampleFiles.Png());

        Assert.NotEqual(first.StorageName, second.StorageName);
    }

    private static void AssertRefused(UploadCheck check, UploadRefusalCode code, string fileName, params string[] messageParts)
    {
        Assert.False(check.Accepted);
        Assert.Equal(code, check.Code);
        Assert.Null(check.StorageName);
        Assert.NotNull(check.Message);
        Assert.StartsWith($"Tệp “{fileName}” ", check.Message);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, check.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_renamed_Windows_executable_is_refused()
    {
        var check = await CheckAsync("ke-hoach.pdf", SampleFiles.WindowsExecutable());

        AssertRefused(check, UploadRefusalCode.Executable, "ke-hoach.pdf");
        Assert.Equal("Tệp “ke-hoach.pdf” không được chấp nhận: nội dung thực là tệp chạy được (.exe), không phải .pdf.", check.Message);
    }

    [Fact]
    public async Task An_ELF_program_named_docx_is_refused()
        => AssertRefused(await CheckAsync("bao-cao.docx", SampleFiles.Elf()), UploadRefusalCode.Executable, "bao-cao.docx", "tệp chạy được (ELF)", "không phải .docx");

    [Fact]
    public async Task A_Windows_Installer_package_named_doc_is_refused()
        => AssertRefused(await CheckAsync("tai-lieu.doc", SampleFiles.Ole("Property", SampleFiles.MsiClass)), UploadRefusalCode.Executable,
            "tai-lieu.doc", "tệp chạy được (.msi), không phải .doc");

    [Theory]
    [InlineData("WordDocument", "bai.doc", true)]
    [InlineData("Workbook", "bang.xls", true)]
    [InlineData("PowerPoint Document", "trinh-chieu.ppt", true)]
    [InlineData("WordDocument", "bang.xls", false)]
    [InlineData("Workbook", "bai.doc", false)]
    public async Task Old_Office_documents_must_carry_the_extension_of_their_streams(string stream, string name, bool accepted)
    {
        var check = await CheckAsync(name, SampleFiles.Ole(stream, null));

        Assert.Equal(accepted, check.Accepted);
        if (!accepted)
        {
            AssertRefused(check, UploadRefusalCode.ExtensionMismatch, name);
        }
    }

    [Fact]
    public async Task A_shell_script_is_refused_as_an_executable()
        => AssertRefused(await CheckAsync("ghi-chu.pdf", SampleFiles.Utf8("#!/bin/sh\nrm -rf /\n")), UploadRefusalCode.Executable, "ghi-chu.pdf");

    [Fact]
    public async Task A_JPEG_with_HTML_inside_is_refused_as_a_polyglot()
    {
        var bytes = SampleFiles.Concat(SampleFiles.Jpeg(), SampleFiles.Utf8("<SCRIPT>alert(document.cookie)</SCRIPT>"));

        AssertRefused(await CheckAsync("anh-lop.jpg", bytes), UploadRefusalCode.Polyglot, "anh-lop.jpg", "tệp .jpg hợp lệ", "mã trang web");
    }

    [Fact]
    public async Task A_JPEG_with_a_Windows_program_inside_is_refused_as_a_polyglot()
    {
        var bytes = SampleFiles.Concat(SampleFiles.Jpeg(), new byte[100], SampleFiles.WindowsExecutable());

        AssertRefused(await CheckAsync("anh.jpg", bytes), UploadRefusalCode.Polyglot, "anh.jpg", "mã chạy được");
    }

    [Fact]
    public async Task A_JPEG_with_a_ZIP_appended_is_refused_as_a_polyglot()
    {
        var bytes = SampleFiles.Concat(SampleFiles.Jpeg(), SampleFiles.Zip(("run.txt", "hello")));

        AssertRefused(await CheckAsync("anh.jpg", bytes), UploadRefusalCode.Polyglot, "anh.jpg", "tệp nén ZIP");
    }

    [Fact]
    public async Task A_JPEG_with_a_ZIP_and_trailing_bytes_appended_is_refused_as_a_polyglot()
    {
        var bytes = SampleFiles.Concat(SampleFiles.Jpeg(), new byte[70_000], SampleFiles.Zip(("run.txt", "hello")), new byte[300]);

        AssertRefused(await CheckAsync("anh.jpg", bytes), UploadRefusalCode.Polyglot, "anh.jpg", "tệp nén ZIP");
    }

    [Fact]
    public async Task A_PDF_with_a_ZIP_appended_far_after_the_start_is_refused_as_a_polyglot()
    {
        var bytes = SampleFiles.Concat(SampleFiles.Pdf(), new byte[200_000], SampleFiles.Zip(("a.txt", "x")));

        AssertRefused(await CheckAsync("tai-lieu.pdf", bytes), UploadRefusalCode.Polyglot, "tai-lieu.pdf", "tệp .pdf hợp lệ", "tệp nén ZIP");
    }

    [Fact]
    public async Task An_SVG_with_script_is_refused()
    {
        var svg = SampleFiles.Utf8("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""");

        AssertRefused(await CheckAsync("hinh.svg", svg), UploadRefusalCode.SvgScript, "hinh.svg", "ảnh SVG có chứa mã lệnh");
        AssertRefused(await CheckAsync("hinh.svg", svg, o => o.AllowSvg = true), UploadRefusalCode.SvgScript, "hinh.svg");
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="JavaScript:alert(1)"><text>x</text></a></svg>""")]
    public async Task An_SVG_with_event_attributes_or_javascript_links_is_refused_even_when_SVG_is_allowed(string svg)
        => AssertRefused(await CheckAsync("hinh.svg", SampleFiles.Utf8(svg), o => o.AllowSvg = true), UploadRefusalCode.SvgScript, "hinh.svg");

    [Fact]
    public async Task A_clean_SVG_is_refused_by_default_and_accepted_when_allowed()
    {
        var svg = SampleFiles.Utf8("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c00"/></svg>""");

        AssertRefused(await CheckAsync("logo.svg", svg), UploadRefusalCode.NotAllowedType, "logo.svg");
        var allowed = await CheckAsync("logo.svg", svg, o => o.AllowSvg = true);
        Assert.True(allowed.Accepted, allowed.Message);
        Assert.Equal("image/svg+xml", allowed.ContentType);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Xin chào</body></html>")]
    [InlineData("\uFEFF  \r\n <html><script>alert(1)</script></html>")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_HTML_file_named_jpg_is_refused(string html)
        => AssertRefused(await CheckAsync("anh-dep.jpg", SampleFiles.Utf8(html)), UploadRefusalCode.Html, "anh-dep.jpg", "trang web (HTML), không phải .jpg");

    [Fact]
    public async Task A_plain_ZIP_is_refused_as_an_archive_whatever_its_name()
    {
        var zip = SampleFiles.Zip(("bai-1.docx", "x"), ("bai-2.pdf", "y"));

        AssertRefused(await CheckAsync("tai-lieu.zip", zip), UploadRefusalCode.Archive, "tai-lieu.zip", "tệp nén (ZIP)");
        AssertRefused(await CheckAsync("tai-lieu.docx", zip), UploadRefusalCode.Archive, "tai-lieu.docx");
    }

    [Fact]
    public async Task A_RAR_archive_is_refused()
        => AssertRefused(await CheckAsync("tai-lieu.pdf", SampleFiles.Rar()), UploadRefusalCode.Archive, "tai-lieu.pdf", "tệp nén (RAR)");

    [Theory]
    [InlineData("7z", new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4 })]
    [InlineData("gzip", new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 })]
    public async Task Other_archives_are_refused(string detail, byte[] start)
        => AssertRefused(await CheckAsync("nen.pdf", SampleFiles.Concat(start, new byte[100])), UploadRefusalCode.Archive, "nen.pdf", $"({detail})");

    [Fact]
    public async Task A_tar_archive_is_refused()
    {
        var tar = new byte[1024];
        SampleFiles.Utf8("ke-hoach.pdf").CopyTo(tar, 0);
        SampleFiles.Utf8("ustar\0").CopyTo(tar, 257);

        AssertRefused(await CheckAsync("ke-hoach.pdf", tar), UploadRefusalCode.Archive, "ke-hoach.pdf", "tệp nén (tar)");
    }

    [Fact]
    public async Task A_path_traversal_name_is_reduced_to_a_safe_name_and_stored_under_a_guid()
    {
        var check = await CheckAsync("../../etc/passwd.pdf", SampleFiles.Pdf());

        Assert.True(check.Accepted, check.Message);
        Assert.Equal("passwd.pdf", check.DisplayName);
        Assert.Matches(StorageNamePattern(), check.StorageName);
        Assert.DoesNotContain("passwd", check.StorageName!, StringComparison.Ordinal);

        var windows = await CheckAsync(@"C:\Users\a\..\..\Windows\kế hoạch.pdf", SampleFiles.Pdf());
        Assert.Equal("kế hoạch.pdf", windows.DisplayName);
    }

    [Fact]
    public async Task An_over_size_file_is_refused_with_the_limit_of_its_kind()
    {
        var pdf = SampleFiles.Pdf();
        var check = await CheckAsync("lon.pdf", pdf, o => o.MaxDocumentBytes = 100);

        AssertRefused(check, UploadRefusalCode.TooLarge, "lon.pdf", "vượt quá giới hạn 100 byte cho một tài liệu");

        // The images' limit does not apply to documents.
        Assert.True((await CheckAsync("lon.pdf", pdf, o => o.MaxImageBytes = 100)).Accepted);
    }

    [Fact]
    public async Task A_file_announced_too_large_is_refused_unread()
    {
        var check = await CheckAsync("phim.mp4", SampleFiles.Mp4(), declared: 600L * 1024 * 1024);

        AssertRefused(check, UploadRefusalCode.TooLarge, "phim.mp4", "(600 MB)", "500 MB cho một video");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
        => AssertRefused(await CheckAsync("trong.pdf", []), UploadRefusalCode.Empty, "trong.pdf", "tệp trống");

    [Fact]
    public async Task A_document_whose_extension_lies_is_refused()
    {
        var check = await CheckAsync("bao-cao.pdf", SampleFiles.Docx(["Xin chào"]));

        AssertRefused(check, UploadRefusalCode.ExtensionMismatch, "bao-cao.pdf");
        Assert.Equal("Tệp “bao-cao.pdf” không được chấp nhận: nội dung thực là tệp .docx, không phải .pdf.", check.Message);
        AssertRefused(await CheckAsync("anh.png", SampleFiles.Jpeg()), UploadRefusalCode.ExtensionMismatch, "anh.png", "tệp .jpg/.jpeg, không phải .png");
    }

    [Fact]
    public async Task Content_of_no_known_kind_is_refused()
        => AssertRefused(await CheckAsync("ghi-chu.pdf", SampleFiles.Utf8("Chỉ là văn bản.")), UploadRefusalCode.NotAllowedType, "ghi-chu.pdf");

    [Fact]
    public async Task Extensions_outside_the_configured_list_are_refused()
    {
        AssertRefused(await CheckAsync("ghi-chu.txt", SampleFiles.Utf8("Văn bản")), UploadRefusalCode.NotAllowedType, "ghi-chu.txt", "loại .txt", ".pdf");

        var onlyPdf = await CheckAsync("anh.png", SampleFiles.Png(), o => o.AllowedExtensions = ["pdf"]);
        AssertRefused(onlyPdf, UploadRefusalCode.NotAllowedType, "anh.png", "Các loại được phép: .pdf.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("README")]
    [InlineData("../..")]
    public async Task A_name_without_an_extension_is_refused(string name)
    {
        var check = await CheckAsync(name, SampleFiles.Pdf());

        Assert.Equal(UploadRefusalCode.BadName, check.Code);
        Assert.Contains("tên tệp cần có phần mở rộng", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_rejected_by_contract()
    {
        await using var pipe = new NonSeekableStream(SampleFiles.Pdf());

        await Assert.ThrowsAsync<ArgumentException>(() => Validator().ValidateAsync("a.pdf", pipe, null, CancellationToken.None));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
