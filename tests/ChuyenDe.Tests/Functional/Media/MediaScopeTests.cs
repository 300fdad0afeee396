using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Search;
using ChuyenDe.Tests.Unit;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// Issue 10, item 1: the files of one school stay inside its organisation. A contributor of another school (Cửu Long,
/// another district) cannot list Bến Thành's uploads, fetch them, attach them by a forged form post or a body link, nor
/// read them through an item of her own; a file's text enters only the search document of its own items.
/// </summary>
public abstract class MediaScopeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string CreateInitiative = "/admin/noi-dung/tao/Initiative";

    /// <summary>A photo uploaded to Bến Thành's library (a file and its record), attached to nothing.</summary>
    private Task<string> BenThanhPhotoAsync()
        => MediaTestSupport.PutFileAsync(fixture, $"u/{BenThanh}/2026/11/{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes(), BenThanh);

    private static EditorForm FillInitiative(EditorForm form, string title) => form
        .Set("TitlePart.Title", title)
        .Set("Initiative.Summary", "Trẻ tự chăm sóc cây xanh.")
        .Set("Initiative.Authors", "Lê Thị Hoa")
        .Set("Initiative.SchoolYear", "sy-2024-2025")
        .Set("Initiative.Criteria", "crit-2")
        .Set("MarkdownBodyPart.Markdown", "Mỗi sáng trẻ tưới cây.");

    private static string ImageText(string path) => $"Initiative.Images.MediaText[{path}]";

    [SkippableFact]
    public async Task The_chooser_offers_only_the_files_of_the_user_s_organisations()
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();

        var other = await SessionAsync(fixture, Accounts.OtherSchoolContributor);
        var (status, page) = await other.GetPageAsync(CreateInitiative);
        Assert.Equal(HttpStatusCode.OK, status);
        var offered = page.QuerySelectorAll("#f-Initiative-Images input[type=checkbox]").Select(i => i.GetAttribute("value")).ToList();
        Assert.DoesNotContain(photo, offered);
        Assert.DoesNotContain(MediaTestSupport.SampleImage, offered);
        Assert.All(offered, p => Assert.StartsWith($"u/{CuuLong}/", p));

        var own = await SessionAsync(fixture, Accounts.Contributor);
        (_, page) = await own.GetPageAsync(CreateInitiative);
        offered = page.QuerySelectorAll("#f-Initiative-Images input[type=checkbox]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(photo, offered);

        // Administrators choose from every upload and from the recipes' files.
        var admin = await SessionAsync(fixture, Accounts.Administrator);
        (_, page) = await admin.GetPageAsync(CreateInitiative);
        offered = page.QuerySelectorAll("#f-Initiative-Images input[type=checkbox]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(photo, offered);
        Assert.Contains(MediaTestSupport.SampleImage, offered);
    }

    [SkippableFact]
    public async Task The_media_library_neither_lists_nor_opens_another_school_s_file()
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();
        var id = await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<MediaFileRecord>().Where(f => f.Path == photo).Select(f => f.Id).SingleAsync());
        var other = await SessionAsync(fixture, Accounts.OtherSchoolContributor);

        var (status, page) = await other.GetPageAsync("/admin/tep?org=" + BenThanh);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(photo, page.Body!.InnerHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/tep/{id}")).StatusCode);

        var own = await SessionAsync(fixture, Accounts.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/admin/tep/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task An_unattached_upload_is_served_only_to_users_whose_scope_includes_its_organisation()
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();
        var original = MediaTestSupport.Url(photo);
        var derivative = "/media/_anh/the/webp/" + string.Join('/', photo.Split('/').Select(Uri.EscapeDataString));

        foreach (var denied in new[] { Accounts.OtherSchoolContributor, Accounts.OtherDistrictCurator })
        {
            var client = await SessionAsync(fixture, denied);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(original)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(derivative)).StatusCode);
        }

        using var anonymous = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(original)).StatusCode);

        foreach (var allowed in new[] { Accounts.Contributor, Accounts.DistrictCurator, Accounts.DepartmentCurator, Accounts.Administrator })
        {
            var client = await SessionAsync(fixture, allowed);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(original)).StatusCode);
        }
    }

    [SkippableFact]
    public async Task A_forged_form_post_cannot_attach_another_school_s_file_or_a_recipe_file()
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();
        var other = await SessionAsync(fixture, Accounts.OtherSchoolContributor);
        var form = await EditFormAsync(other, CreateInitiative);

        foreach (var forged in new[] { photo, MediaTestSupport.SampleImage })
        {
            var title = FreshTitle("Ảnh của trường khác");
            using var response = await FillInitiative(form, title)
                .Set("Initiative.Images", forged).Set(ImageText(forged), "Trẻ tưới cây").SubmitAsync(other);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await AdminClient.ParseAsync(response);
            Assert.Contains("không có trong thư viện tệp", ErrorBeside(page, "Initiative.Images"));
            Assert.Empty((await FindByTitleAsync(fixture, title)).Items);
        }

        // An existing item of her school cannot be given the file either, and keeps what it had.
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến Cửu Long"), CuuLong, Accounts.OtherSchoolContributor, publish: false);
        var edit = await EditFormAsync(other, $"/admin/noi-dung/{item.ContentItemId}/sua");
        using (var refused = await edit.Set("Initiative.Images", photo).Set(ImageText(photo), "Trẻ tưới cây").SubmitAsync(other))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("không có trong thư viện tệp", ErrorBeside(await AdminClient.ParseAsync(refused), "Initiative.Images"));
        }

        var latest = (await LatestAsync(fixture, item.ContentItemId))!;
        Assert.Equal(item.ContentItemVersionId, latest.ContentItemVersionId);
        Assert.False((await MediaTestSupport.UsageAsync(fixture, photo)).IsUsed);

        // Her own school's upload is accepted through the same form.
        var ownPhoto = await MediaTestSupport.PutFileAsync(fixture, $"u/{CuuLong}/2026/11/{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes(), CuuLong);
        var ownTitle = FreshTitle("Ảnh của trường mình");
        using var saved = await FillInitiative(await EditFormAsync(other, CreateInitiative), ownTitle)
            .Set("Initiative.Images", ownPhoto).Set(ImageText(ownPhoto), "Trẻ tưới cây").SubmitAsync(other);
        var savedId = EditedId(saved);
        Assert.Equal([ownPhoto], Strings((await LatestAsync(fixture, savedId))!, "Initiative", "Images", "Paths"));
    }

    [SkippableTheory]
    [InlineData("![Ảnh lớp học](/media/{0})")]
    [InlineData("[Tải về](/media/{0} \"tệp\")")]
    [InlineData("<img src=\"/media/_anh/lon/webp/{0}\" alt=\"ảnh\">")]
    public async Task A_body_link_to_another_school_s_file_is_a_field_error_in_Vietnamese(string link)
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();
        var other = await SessionAsync(fixture, Accounts.OtherSchoolContributor);
        var title = FreshTitle("Liên kết tới ảnh trường khác");
        var body = "Mỗi sáng trẻ tưới cây.\n\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, link, photo);

        using var response = await FillInitiative(await EditFormAsync(other, CreateInitiative), title)
            .Set("MarkdownBodyPart.Markdown", body).SubmitAsync(other);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        var error = ErrorBeside(page, "MarkdownBodyPart.Markdown");
        Assert.Contains("không được liên kết tới tệp /media/" + photo, error);
        Assert.Contains("chỉ liên kết tới tệp trong thư viện tệp của đơn vị bạn", error);
        // What she typed is kept, nothing is saved.
        Assert.Equal(body.Replace("\r\n", "\n"), EditorForm.Of(page).Get("MarkdownBodyPart.Markdown")!.Replace("\r\n", "\n"));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // The school that owns the file may link it.
        var own = await SessionAsync(fixture, Accounts.Contributor);
        var ownTitle = FreshTitle("Liên kết tới ảnh của trường");
        using var saved = await FillInitiative(await EditFormAsync(own, CreateInitiative), ownTitle)
            .Set("MarkdownBodyPart.Markdown", body).SubmitAsync(own);
        EditedId(saved);
    }

    [SkippableFact]
    public async Task Using_a_file_in_an_item_does_not_grant_reading_it_to_those_who_see_the_item()
    {
        fixture.SkipUnlessAvailable();
        var photo = await BenThanhPhotoAsync();
        // Data from before the fix: Bến Thành's photo on a draft of Cửu Long, written past the editors.
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp Cửu Long có ảnh lạ"), CuuLong, Accounts.OtherSchoolContributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetImages(i, photo), publish: false);
        Assert.True((await MediaTestSupport.UsageAsync(fixture, photo)).IsUsed);

        var other = await SessionAsync(fixture, Accounts.OtherSchoolContributor);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/admin/noi-dung/{item.ContentItemId}/sua")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(MediaTestSupport.Url(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/media/_anh/nho/jpg/" + photo)).StatusCode);

        // The owner's own draft still shows its photo to those who may view it (the district's reviewer included).
        var ownItem = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp Bến Thành có ảnh"), BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, ownItem.ContentItemId, i => MediaTestSupport.SetImages(i, photo), publish: false);
        var own = await SessionAsync(fixture, Accounts.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(MediaTestSupport.Url(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(MediaTestSupport.Url(photo))).StatusCode);
    }

    [SkippableFact]
    public async Task A_recipe_file_used_by_no_published_item_is_for_administrators_only()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"mau/thu-nghiem-{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes());
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Bản nháp có ảnh mẫu"), BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetImages(i, path), publish: false);

        var own = await SessionAsync(fixture, Accounts.Contributor);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync(MediaTestSupport.Url(path))).StatusCode);
        var admin = await SessionAsync(fixture, Accounts.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(MediaTestSupport.Url(path))).StatusCode);

        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, _ => { }, publish: true);
        using var anonymous = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(MediaTestSupport.Url(path))).StatusCode);
    }

    [SkippableFact]
    public async Task Another_school_s_document_does_not_lend_its_words_to_an_item_in_search()
    {
        fixture.SkipUnlessAvailable();
        var foreign = "cayxuongrong" + Guid.NewGuid().ToString("N")[..6];
        var ownWord = "bonghoagiay" + Guid.NewGuid().ToString("N")[..6];
        var foreignTitle = FreshTitle("Sáng kiến Cửu Long có văn bản lạ");
        var ownTitle = FreshTitle("Sáng kiến Bến Thành có văn bản");

        await fixture.WithServicesAsync(async sp =>
        {
            var admin = (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Accounts.Administrator))!;
            var uploads = sp.GetRequiredService<IMediaUploadService>();
            async Task<string> UploadAsync(string word)
            {
                var docx = SampleFiles.Docx([$"Trẻ quan sát {word} trong vườn trường."]);
                using var stream = new MemoryStream(docx);
                var upload = await uploads.UploadAsync(stream, "Kế hoạch.docx", docx.Length, new MediaUploadTarget(BenThanh, "", admin.Id));
                Assert.True(upload.Ok, upload.Message);
                return upload.Path!;
            }

            var contents = sp.GetRequiredService<IContentManager>();
            async Task PublishAsync(string title, string organizationId, string document, string bodyWord)
            {
                var item = await Items.NewInitiativeAsync(contents, title);
                item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = organizationId;
                item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Trẻ tự khám phá " + bodyWord + ".";
                item.GetOrCreateField("Initiative", "Attachments")["Paths"] = new JsonArray(document);
                var published = await contents.PublishAsync(item, new ContentActor(admin.Id, admin.UserName!));
                Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            }

            // Written past the editors, as data from before the fix would be: Bến Thành's document on Cửu Long's item.
            await PublishAsync(foreignTitle, CuuLong, await UploadAsync(foreign), "cây xanh");
            await PublishAsync(ownTitle, BenThanh, await UploadAsync(ownWord), "hoa giấy");
            return true;
        });

        using var client = fixture.CreateClient();
        // Both items are in the index (their titles are found), the own document's word finds its item…
        Assert.Contains(foreignTitle, await SearchWaiting.SearchUntilAsync(client, foreignTitle, foreignTitle));
        Assert.Contains(ownTitle, await SearchWaiting.SearchUntilAsync(client, ownWord, ownTitle));
        // …and the other school's document's word does not find the item it was attached to.
        using var again = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(foreign));
        Assert.DoesNotContain(foreignTitle, await again.Content.ReadAsStringAsync());
    }
}

public sealed class MediaScopeSqliteTests(SqliteSiteFixture fixture) : MediaScopeTests<SqliteSiteFixture>(fixture);

public sealed class MediaScopePostgresTests(PostgresSiteFixture fixture) : MediaScopeTests<PostgresSiteFixture>(fixture);
