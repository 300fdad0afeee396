using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
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
/// <c>POST /admin/tep/tai-len</c> and the media library <c>/admin/tep</c>: allowed kinds are stored and downloaded
/// (documents byte-identical, photos without GPS), hostile files are refused with their Vietnamese message and leave
/// nothing behind, and files are reachable only inside the user's organisation subtree.
/// </summary>
public sealed class MediaUploadTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    public sealed record Result(string Name, bool Ok, string? Path, string? Message);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static async Task<HttpResponseMessage> PostFilesAsync(AdminClient client, string? token, bool json, string? organizationId, string? folder,
        params (string Name, byte[] Bytes)[] files)
        => await PostFilesAsync(client, token, json, organizationId, folder, tokenInForm: false, files);

    internal static async Task<HttpResponseMessage> PostFilesAsync(AdminClient client, string? token, bool json, string? organizationId, string? folder,
        bool tokenInForm, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        if (tokenInForm && token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        if (organizationId is not null)
        {
            content.Add(new StringContent(organizationId), "OrganizationId");
        }

        if (folder is not null)
        {
            content.Add(new StringContent(folder), "Folder");
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // The name as browsers send it: UTF-8 in the quoted filename.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"" + name + "\"" };
            content.Add(part);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/tep/tai-len") { Content = content };
        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        if (token is not null && !tokenInForm)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return await client.Http.SendAsync(request);
    }

    internal static async Task<List<Result>> UploadAsync(AdminClient client, string? organizationId, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await PostFilesAsync(client, await client.GetTokenAsync("/admin/tep"), true, organizationId, null, files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<List<Result>>(body, Json)!;
    }

    private static async Task<T> WithDbAsync<T>(CmsAppFactory factory, Func<DbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DbContext>());
    }

    private static Task<MediaFileRecord?> RecordAsync(CmsAppFactory factory, string path)
        => WithDbAsync(factory, db => db.Set<MediaFileRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Path == path));

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
        // As a browser: downloads without a User-Agent are not counted (issue 10, item 7).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/" + path);
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Each_allowed_kind_uploads_and_downloads_with_documents_identical_and_photos_without_GPS()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var pdf = SampleFiles.Pdf("Sang kien kinh nghiem");
        var docx = SampleFiles.Docx(["Sáng kiến: dạy trẻ mầm non qua trò chơi dân gian."]);
        var jpeg = ImageTestFiles.GeotaggedJpeg();
        Assert.NotNull(Image.Load(jpeg).Metadata.ExifProfile);
        var png = SampleFiles.Png();
        var mp4 = SampleFiles.Mp4();

        var results = await UploadAsync(admin, ContentAdminSupport.BenThanh,
            ("Báo cáo tổng kết.pdf", pdf), ("Sáng kiến kinh nghiệm.docx", docx), ("Ảnh lớp học.jpg", jpeg), ("Sơ đồ.png", png), ("Giờ ra chơi.mp4", mp4));

        Assert.All(results, r => Assert.True(r.Ok, r.Name + ": " + r.Message));
        Assert.Equal(["Báo cáo tổng kết.pdf", "Sáng kiến kinh nghiệm.docx", "Ảnh lớp học.jpg", "Sơ đồ.png", "Giờ ra chơi.mp4"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.Matches(@"^u/truong-mn-ben-thanh/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|docx|jpg|png|mp4)$", r.Path));

        Assert.Equal(pdf, await DownloadAsync(admin, results[0].Path!));
        Assert.Equal(docx, await DownloadAsync(admin, results[1].Path!));
        Assert.Equal(mp4, await DownloadAsync(admin, results[4].Path!));
        using (var photo = Image.Load(await DownloadAsync(admin, results[2].Path!)))
        {
            Assert.Null(photo.Metadata.ExifProfile);
            Assert.Null(photo.Metadata.XmpProfile);
        }

        using (var diagram = Image.Load(await DownloadAsync(admin, results[3].Path!)))
        {
            Assert.True(diagram.Width > 0);
        }

        var docxRecord = await RecordAsync(fixture.Factory, results[1].Path!);
        Assert.NotNull(docxRecord);
        Assert.Equal("Sáng kiến kinh nghiệm.docx", docxRecord.OriginalName);
        Assert.Contains("trò chơi dân gian", docxRecord.ExtractedText);
        Assert.Equal(docx.Length, docxRecord.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), docxRecord.Sha256);
        Assert.Equal(1, docxRecord.DownloadCount);
        Assert.Equal(1, (await RecordAsync(fixture.Factory, results[0].Path!))!.PageCount);
        var photoRecord = await RecordAsync(fixture.Factory, results[2].Path!);
        Assert.NotNull(photoRecord!.Width);
        Assert.Equal(0, photoRecord.DownloadCount);
    }

    [Fact]
    public async Task The_download_carries_the_Vietnamese_original_name()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var path = (await UploadAsync(admin, ContentAdminSupport.BenThanh, ("Kế hoạch năm học.docx", SampleFiles.Docx(["Kế hoạch"]))))[0].Path!;

        using var response = await admin.GetAsync("/media/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!.ToString();
        Assert.StartsWith("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("Kế hoạch năm học.docx"), disposition, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Hostile() => new()
    {
        { "ke-hoach.pdf", "exe", "nội dung thực là tệp chạy được" },
        { "anh-lop.jpg", "polyglot", "bên trong có giấu" },
        { "hinh.svg", "svg", "ảnh SVG có chứa mã lệnh" },
        { "../../wwwroot/trang.pdf", "html", "nội dung thực là trang web" },
        { "anh-hong.jpg", "truncated", "bị hỏng hoặc không đầy đủ" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_upload_is_refused_with_its_message_and_nothing_is_stored(string name, string kind, string reason)
    {
        var bytes = kind switch
        {
            "exe" => SampleFiles.WindowsExecutable(),
            "polyglot" => SampleFiles.Concat(SampleFiles.Jpeg(), SampleFiles.Utf8("<SCRIPT>alert(document.cookie)</SCRIPT>")),
            "svg" => SampleFiles.Utf8("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""),
            "html" => SampleFiles.Utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            _ => ImageTestFiles.Noise(600, 400)[..6000],
        };
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var rows = await RowCountAsync(fixture.Factory);
        var files = FilesOnDisk(fixture.Factory);

        var result = Assert.Single(await UploadAsync(admin, ContentAdminSupport.BenThanh, (name, bytes)));

        Assert.False(result.Ok);
        Assert.Null(result.Path);
        var shown = name[(name.LastIndexOf('/') + 1)..];
        Assert.Contains(shown, result.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Equal(rows, await RowCountAsync(fixture.Factory));
        Assert.Equal(files, FilesOnDisk(fixture.Factory));
    }

    [Fact]
    public async Task A_path_traversal_name_is_stored_under_a_generated_path_only()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);

        var result = Assert.Single(await UploadAsync(admin, ContentAdminSupport.BenThanh, ("../../../Media/mau/lop-hoc.pdf", SampleFiles.Pdf())));

        Assert.True(result.Ok, result.Message);
        Assert.Equal("lop-hoc.pdf", result.Name);
        Assert.DoesNotContain("lop-hoc", result.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("..", result.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_size_file_is_refused_against_the_configured_limit()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new CmsAppFactory(database, new Dictionary<string, string?> { ["ChuyenDe:Media:Uploads:MaxDocumentBytes"] = "200" });
        var admin = await SystemAdmin.SignInAsync(factory, Accounts.Administrator, CmsAppFactory.AdminPassword);
        var files = FilesOnDisk(factory);

        var result = Assert.Single(await UploadAsync(admin, ContentAdminSupport.BenThanh, ("Báo cáo dài.pdf", SampleFiles.Pdf("Bao cao dai"))));

        Assert.False(result.Ok);
        Assert.Contains("Báo cáo dài.pdf", result.Message, StringComparison.Ordinal);
        Assert.Contains("vượt quá giới hạn", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RowCountAsync(factory));
        Assert.Equal(files, FilesOnDisk(factory));
    }

    [Fact]
    public async Task An_upload_aborted_half_way_leaves_no_file_and_no_record()
    {
        var rows = await RowCountAsync(fixture.Factory);
        var files = FilesOnDisk(fixture.Factory);
        var userId = await ContentAdminSupport.UserIdAsync(fixture, Accounts.Contributor);

        await Assert.ThrowsAnyAsync<IOException>(() => fixture.WithServicesAsync(async sp =>
        {
            var pdf = SampleFiles.Pdf("Bi ngat giua chung");
            await using var broken = new BrokenStream(pdf, failAfter: pdf.Length / 2);
            return await sp.GetRequiredService<IMediaUploadService>().UploadAsync(broken, "Bị ngắt.pdf", null,
                new MediaUploadTarget(ContentAdminSupport.BenThanh, "", userId));
        }));

        Assert.Equal(rows, await RowCountAsync(fixture.Factory));
        Assert.Equal(files, FilesOnDisk(fixture.Factory));
    }

    [Fact]
    public async Task Files_of_another_school_are_404_and_a_colleague_s_files_are_403_with_only_ManageOwnMedia()
    {
        var owner = await SystemAdmin.As(fixture.Factory, Accounts.Contributor);
        var result = Assert.Single(await UploadAsync(owner, null, ("Giáo án tuần 1.docx", SampleFiles.Docx(["Giáo án"]))));
        Assert.True(result.Ok, result.Message);
        Assert.StartsWith("u/" + ContentAdminSupport.BenThanh + "/", result.Path, StringComparison.Ordinal);
        var id = (await RecordAsync(fixture.Factory, result.Path!))!.Id;

        var (ownPage, ownDoc) = await owner.GetPageAsync("/admin/tep");
        Assert.Equal(HttpStatusCode.OK, ownPage);
        Assert.Contains("Giáo án tuần 1.docx", ownDoc.Body!.TextContent, StringComparison.Ordinal);

        var stranger = await SystemAdmin.As(fixture.Factory, Accounts.OtherSchoolContributor);
        var (_, strangerDoc) = await stranger.GetPageAsync("/admin/tep");
        Assert.DoesNotContain("Giáo án tuần 1.docx", strangerDoc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/tep/{id}")).StatusCode);
        var strangerToken = await stranger.GetTokenAsync("/admin/tep");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormWithTokenAsync($"/admin/tep/{id}/doi-ten", [new("Name", "x.docx")], strangerToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormWithTokenAsync($"/admin/tep/{id}/xoa", [new("Confirm", "true")], strangerToken)).StatusCode);

        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var colleagueName = SystemAdmin.Unique("dongnghiep.");
        await SystemAdmin.CreateUserAsync(admin, colleagueName, ContentAdminSupport.BenThanh, "SchoolContributor");
        var colleague = await SystemAdmin.As(fixture.Factory, colleagueName, SystemAdmin.Password);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/admin/tep/{id}")).StatusCode);
        var colleagueToken = await colleague.GetTokenAsync("/admin/tep");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostFormWithTokenAsync($"/admin/tep/{id}/doi-ten", [new("Name", "x.docx")], colleagueToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostFormWithTokenAsync($"/admin/tep/{id}/chuyen", [new("Folder", "khac")], colleagueToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostFormWithTokenAsync($"/admin/tep/{id}/xoa", [new("Confirm", "true")], colleagueToken)).StatusCode);

        // The owner renames and moves their own file.
        var ownerToken = await owner.GetTokenAsync("/admin/tep");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormWithTokenAsync($"/admin/tep/{id}/doi-ten", [new("Name", "Giáo án tuần 2")], ownerToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormWithTokenAsync($"/admin/tep/{id}/chuyen", [new("Folder", "Giáo án/../Tuần 2")], ownerToken)).StatusCode);
        var record = (await RecordAsync(fixture.Factory, result.Path!))!;
        Assert.Equal("Giáo án tuần 2.docx", record.OriginalName);
        Assert.Equal("Giáo án/Tuần 2", record.Folder);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_post_without_token_is_400()
    {
        using var anonymous = fixture.CreateClient();
        using var page = await anonymous.GetAsync("/admin/tep");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/admin/dang-nhap", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var rows = await RowCountAsync(fixture.Factory);
        using var response = await PostFilesAsync(admin, null, false, ContentAdminSupport.BenThanh, null, ("a.pdf", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(rows, await RowCountAsync(fixture.Factory));
    }

    [Fact]
    public async Task A_form_post_redirects_to_the_library_with_the_results_and_no_file_is_a_problem()
    {
        var owner = await SystemAdmin.As(fixture.Factory, Accounts.Contributor);
        var token = await owner.GetTokenAsync("/admin/tep");
        var (_, library) = await owner.GetPageAsync("/admin/tep");
        Assert.NotNull(library.QuerySelector("a[href='/admin/tep']"));
        Assert.Contains("Tệp tin", library.QuerySelector("a[href='/admin/tep']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(library.QuerySelector("form[action='/admin/tep/tai-len'][enctype='multipart/form-data'] input[type=file][multiple]"));
        Assert.NotNull(library.QuerySelector("script[src^='/js/admin-media.'][src$='.js']"));

        // A browser without script: the token is a field of the multipart form.
        using var response = await PostFilesAsync(owner, token, false, null, "Hoạt động", tokenInForm: true,
            ("Ảnh sân trường.png", SampleFiles.Png()), ("virus.pdf", SampleFiles.WindowsExecutable()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/tep", SystemAdmin.Location(response));
        var (_, page) = await owner.GetPageAsync("/admin/tep");
        var text = page.Body!.TextContent;
        Assert.Contains("Đã tải lên tệp “Ảnh sân trường.png”", text, StringComparison.Ordinal);
        Assert.Contains("Tệp “virus.pdf” không được chấp nhận", text, StringComparison.Ordinal);

        // Filters: folder, text of the name; images have a thumbnail.
        var (_, inFolder) = await owner.GetPageAsync("/admin/tep?folder=" + Uri.EscapeDataString("Hoạt động"));
        Assert.Contains("Ảnh sân trường.png", inFolder.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(inFolder.QuerySelector(".media-list img[src^='/media/u/truong-mn-ben-thanh/']"));
        var (_, top) = await owner.GetPageAsync("/admin/tep?folder=/");
        Assert.DoesNotContain("Ảnh sân trường.png", top.Body!.TextContent, StringComparison.Ordinal);
        var (_, byName) = await owner.GetPageAsync("/admin/tep?q=" + Uri.EscapeDataString("sân trường"));
        Assert.Contains("Ảnh sân trường.png", byName.Body!.TextContent, StringComparison.Ordinal);
        var (_, otherName) = await owner.GetPageAsync("/admin/tep?q=khongcotep");
        Assert.DoesNotContain("Ảnh sân trường.png", otherName.Body!.TextContent, StringComparison.Ordinal);

        using var empty = await PostFilesAsync(owner, await owner.GetTokenAsync("/admin/tep"), true, null, null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Deleting_a_used_file_warns_first_then_removes_file_and_row()
    {
        var owner = await SystemAdmin.As(fixture.Factory, Accounts.Contributor);
        var path = Assert.Single(await UploadAsync(owner, null, ("Ảnh hội thi.jpg", SampleFiles.Jpeg()))).Path!;
        var id = (await RecordAsync(fixture.Factory, path))!.Id;
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến dùng ảnh"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetImages(i, path), publish: false);
        var token = await owner.GetTokenAsync("/admin/tep");

        using var warning = await owner.PostFormWithTokenAsync($"/admin/tep/{id}/xoa", [], token);
        Assert.Equal(HttpStatusCode.OK, warning.StatusCode);
        var page = await AdminClient.ParseAsync(warning);
        Assert.Contains(item.ContentItemId, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name=Confirm][value=true]"));
        Assert.NotNull(await RecordAsync(fixture.Factory, path));
        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IMediaStore>().ExistsAsync(path)));

        using var deleted = await owner.PostFormWithTokenAsync($"/admin/tep/{id}/xoa", [new("Confirm", "true")], token);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await RecordAsync(fixture.Factory, path));
        Assert.False(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IMediaStore>().ExistsAsync(path)));
    }

    /// <summary>Gives some bytes, then fails as a dropped connection does (not seekable, like a request body).</summary>
    private sealed class BrokenStream(byte[] bytes, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The client disconnected.");
            }

            var n = Math.Min(count, Math.Min(failAfter, bytes.Length) - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
