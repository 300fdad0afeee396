using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Images;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// <c>POST /admin/tep/tai-len</c> for every allowed kind not covered by <see cref="MediaUploadTests"/>' round trip,
/// and a PNG decompression bomb refused through the endpoint with nothing stored.
/// </summary>
public sealed class MediaUploadKindsTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    public static TheoryData<string, string> Kinds() => new()
    {
        { "Bảng điểm.xls", "xls" },
        { "Bảng điểm mới.xlsx", "xlsx" },
        { "Giáo án cũ.doc", "doc" },
        { "Trình chiếu cũ.ppt", "ppt" },
        { "Trình chiếu.pptx", "pptx" },
        { "Văn bản.odt", "odt" },
        { "Sáng kiến.docx", "docx" },
        { "Báo cáo.pdf", "pdf" },
        { "Giờ ra chơi.mp4", "mp4" },
        { "Bài hát.mp3", "mp3" },
        { "Ảnh lớp.webp", "webp" },
        { "Hình động.gif", "gif" },
    };

    private static byte[] Build(string kind) => kind switch
    {
        "xls" => SampleFiles.Ole("Workbook", null),
        "xlsx" => SampleFiles.Xlsx(),
        "doc" => SampleFiles.Ole("WordDocument", null),
        "ppt" => SampleFiles.Ole("PowerPoint Document", null),
        "pptx" => SampleFiles.Pptx(["Trang một"]),
        "odt" => SampleFiles.Odt(),
        "docx" => SampleFiles.Docx(["Sáng kiến kinh nghiệm"]),
        "pdf" => SampleFiles.Pdf("Bao cao"),
        "mp4" => SampleFiles.Mp4(),
        "mp3" => SampleFiles.Mp3(),
        "webp" => SampleFiles.WebP(),
        "gif" => SampleFiles.Gif(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<T> WithDbAsync<T>(CmsAppFactory factory, Func<DbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DbContext>());
    }

    private static Task<int> RowCountAsync(CmsAppFactory factory) => WithDbAsync(factory, db => db.Set<MediaFileRecord>().CountAsync());

    /// <summary>Every file under the media folder, staging included.</summary>
    private static List<string> FilesOnDisk(CmsAppFactory factory)
    {
        var root = factory.Services.GetRequiredService<DataOptions>().MediaFolder;
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static async Task<byte[]> DownloadAsync(AdminClient client, string path)
    {
        using var response = await client.GetAsync("/media/" + path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_other_allowed_kind_uploads_and_downloads(string name, string kind)
    {
        var bytes = Build(kind);
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);

        var result = Assert.Single(await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, (name, bytes)));

        Assert.True(result.Ok, result.Name + ": " + result.Message);
        Assert.Equal(name, result.Name);
        Assert.Matches(@"^u/truong-mn-ben-thanh/\d{4}/\d{2}/[0-9a-f]{32}\." + kind + "$", result.Path);
        var downloaded = await DownloadAsync(admin, result.Path!);
        if (kind is "webp" or "gif")
        {
            using var image = Image.Load(downloaded);
            Assert.True(image.Width > 0);
            Assert.Null(image.Metadata.ExifProfile);
        }
        else
        {
            Assert.Equal(bytes, downloaded);
        }
    }

    [Fact]
    public async Task A_decompression_bomb_png_is_refused_with_its_message_and_nothing_is_stored()
    {
        const string name = "Ảnh khổng lồ.png";
        var bomb = ImageTestFiles.PngBomb(50_000, 50_000);
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var rows = await RowCountAsync(fixture.Factory);
        var files = FilesOnDisk(fixture.Factory);

        var result = Assert.Single(await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, (name, bomb)));

        Assert.False(result.Ok);
        Assert.Null(result.Path);
        Assert.Contains(name, result.Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều điểm ảnh", result.Message, StringComparison.Ordinal);
        Assert.Equal(rows, await RowCountAsync(fixture.Factory));
        Assert.Equal(files, FilesOnDisk(fixture.Factory));
    }
}
