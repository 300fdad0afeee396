using System.Net;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Text;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// <c>POST /admin/tep/tai-len</c> with documents that would exhaust the server or carry code: decompression bombs
/// (DOCX, PDF), macros, a program wrapped as a DOCX are refused with their Vietnamese message and leave nothing behind;
/// a document longer than the text limit is kept, with a Vietnamese note that only part of its text was indexed.
/// </summary>
public sealed class DocumentSafetyUploadTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private async Task<T> WithDbAsync<T>(Func<DbContext, Task<T>> work)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DbContext>());
    }

    private Task<int> RowCountAsync() => WithDbAsync(db => db.Set<MediaFileRecord>().CountAsync());

    private List<string> FilesOnDisk()
    {
        var root = fixture.Factory.Services.GetRequiredService<DataOptions>().MediaFolder;
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "docx-bomb", "Sáng kiến.docx", "bom giải nén" },
        { "pdf-bomb", "Báo cáo.pdf", "bom giải nén" },
        { "docx-macro", "Giáo án.docx", "có chứa macro (word/vbaProject.bin)" },
        { "exe-in-docx", "Kế hoạch.docx", "nhúng chương trình hoặc đối tượng (word/setup.exe)" },
        { "xls-macro", "Bảng điểm.xls", "có chứa macro (_VBA_PROJECT_CUR)" },
    };

    private static byte[] Build(string kind) => kind switch
    {
        "docx-bomb" => BombFiles.Docx(BombFiles.GiB),
        "pdf-bomb" => BombFiles.Pdf(2 * BombFiles.GiB),
        "docx-macro" => OfficeContentTests.Docx(more: [("word/vbaProject.bin", SampleFiles.Ole("VBA", null))]),
        "exe-in-docx" => OfficeContentTests.Package(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
            ("word/document.xml", "<w:document/>"u8.ToArray()),
            ("word/setup.exe", SampleFiles.WindowsExecutable())),
        "xls-macro" => OfficeContentTests.Cfb(fillerSectors: 16, ("Workbook", 2), ("_VBA_PROJECT_CUR", 1), ("VBA", 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_hostile_document_is_refused_with_its_Vietnamese_reason_and_nothing_is_stored(string kind, string name, string reason)
    {
        var bytes = Build(kind);
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var rows = await RowCountAsync();
        var files = FilesOnDisk();

        var result = Assert.Single(await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, (name, bytes)));

        Assert.False(result.Ok);
        Assert.Null(result.Path);
        Assert.StartsWith($"Tệp “{name}” không được chấp nhận: ", result.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Equal(rows, await RowCountAsync());
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task A_bomb_PDF_sent_by_a_plain_form_shows_its_reason_in_the_library()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var token = await admin.GetTokenAsync("/admin/tep");

        using var response = await MediaUploadTests.PostFilesAsync(admin, token, false, ContentAdminSupport.BenThanh, null, tokenInForm: true,
            ("Tài liệu hỏng.pdf", BombFiles.Pdf(2 * BombFiles.GiB)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.GetPageAsync(SystemAdmin.Location(response)!);
        Assert.Contains("Tệp “Tài liệu hỏng.pdf” không được chấp nhận: một phần nén bên trong tệp khi giải nén lớn hơn 32 MB",
            page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_longer_than_the_text_limit_is_kept_with_a_note_that_only_part_was_indexed()
    {
        const string name = "Tuyển tập sáng kiến.docx";
        var paragraphs = Enumerable.Range(1, 20_000).Select(i => $"Sáng kiến số {i}: cho trẻ khám phá góc thiên nhiên của lớp học mỗi sáng.");
        var docx = SampleFiles.Docx(paragraphs);
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var rows = await RowCountAsync();

        var result = Assert.Single(await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, (name, docx)));

        Assert.True(result.Ok, result.Message);
        Assert.NotNull(result.Path);
        Assert.Equal($"Tệp “{name}” đã được tải lên, nhưng chỉ một phần văn bản của tệp được đưa vào tìm kiếm: văn bản dài hơn 1.000.000 ký tự.", result.Message);
        Assert.Equal(rows + 1, await RowCountAsync());
        var text = await WithDbAsync(db => db.Set<MediaFileRecord>().Where(f => f.Path == result.Path).Select(f => f.ExtractedText).SingleAsync());
        Assert.Equal(1_000_000, text!.Length);
        Assert.StartsWith("Sáng kiến số 1: cho trẻ", text, StringComparison.Ordinal);
    }
}
