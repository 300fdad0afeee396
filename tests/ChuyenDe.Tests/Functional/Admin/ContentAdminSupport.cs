using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>Shortcuts of the content editor tests: reading items from the running site and making test items.</summary>
public static class ContentAdminSupport
{
    public const string BenThanh = "truong-mn-ben-thanh";
    public const string CuuLong = "truong-mn-cuu-long";

    /// <summary>A photo in Bến Thành's media library (an upload with its record), made by <see cref="SchoolImageAsync"/>.</summary>
    public const string BenThanhImage = "u/truong-mn-ben-thanh/2026/01/goc-thien-nhien.jpg";

    /// <summary>
    /// Puts a copy of a sample photo into an organisation's media library as an upload would (the file and its
    /// <c>MediaFiles</c> record), once per site; returns its path <c>u/{organisation}/2026/01/goc-thien-nhien.jpg</c>.
    /// Recipe files have no record, and only administrators may choose those.
    /// </summary>
    public static Task<string> SchoolImageAsync(SiteFixture fixture, string organizationId = BenThanh)
        => SchoolImageAsync(fixture.Factory, organizationId);

    /// <inheritdoc cref="SchoolImageAsync(SiteFixture, string)"/>
    public static async Task<string> SchoolImageAsync(CmsAppFactory factory, string organizationId = BenThanh)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        {
            var path = $"u/{organizationId}/2026/01/goc-thien-nhien.jpg";
            var store = sp.GetRequiredService<Modules.Media.IMediaStore>();
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            if (!await store.ExistsAsync(path))
            {
                await using var sample = (await store.OpenReadAsync("mau/goc-thien-nhien.jpg"))!;
                (await store.StageAsync(path, sample)).Commit();
            }

            if (!db.Set<Modules.Media.MediaFileRecord>().Any(f => f.Path == path))
            {
                db.Add(new Modules.Media.MediaFileRecord
                {
                    Path = path, OriginalName = "goc-thien-nhien.jpg", OrganizationId = organizationId, Kind = "Image",
                    ContentType = "image/jpeg", Sha256 = new string('0', 64), UploadedBy = "test", UploadedUtc = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            return path;
        }
    }

    /// <summary>A title no other test uses, with Vietnamese letters.</summary>
    public static string FreshTitle(string words) => $"{words} {Guid.NewGuid().ToString("N")[..8]}";

    public static Task<ContentItem?> LatestAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));

    public static Task<ContentItem?> PublishedAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published));

    public static Task<ContentPage> FindByTitleAsync(SiteFixture fixture, string title)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { LatestInsteadOfPublished = true, TitleContains = title, PageSize = 50 }));

    public static async Task<string> UserIdAsync(SiteFixture fixture, string userName)
        => await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))?.Id
            ?? throw new InvalidOperationException($"No user {userName}."));

    /// <summary>The id of the item a form redirected to (<c>/admin/noi-dung/{id}/sua</c>).</summary>
    public static string EditedId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["admin", "noi-dung"], parts[..2]);
        Assert.Equal("sua", parts[^1]);
        return parts[2];
    }

    public static string Text(ContentItem item, string part, string field, string property = "Text")
        => item.Field(part, field)?[property]?.GetValue<string>() ?? "";

    public static IReadOnlyList<string> Strings(ContentItem item, string part, string field, string property)
        => (item.Field(part, field)?[property] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

    /// <summary>A valid Initiative saved (and maybe published) through the engine, owned by the given user.</summary>
    /// <remarks>
    /// Publishing goes through an administrator, who may publish without the editorial review; the owner (and author
    /// of the first version) stays the given user.
    /// </remarks>
    public static async Task<ContentItem> CreateInitiativeAsync(SiteFixture fixture, string title, string organizationId, string ownerUserName, bool publish)
    {
        var ownerId = await UserIdAsync(fixture, ownerUserName);
        var adminId = await UserIdAsync(fixture, Accounts.Administrator);
        return await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("Initiative");
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Nội dung ban đầu của sáng kiến.";
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = organizationId;
            item.GetOrCreateField("Initiative", "Summary")["Text"] = "Tóm tắt ban đầu.";
            item.GetOrCreateField("Initiative", "Authors")["Text"] = "Nguyễn Thị Lan";
            item.GetOrCreateField("Initiative", "SchoolYear")["TermContentItemIds"] = new JsonArray("sy-2024-2025");
            item.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-2");
            var actor = new ContentActor(ownerId, ownerUserName);
            var result = await contents.SaveDraftAsync(item, actor);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            if (publish)
            {
                result = await contents.PublishLatestAsync(result.Item!.ContentItemId, new ContentActor(adminId, Accounts.Administrator));
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            }

            return result.Item!;
        });
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CmsAppFactory, Dictionary<string, AdminClient>> Sessions = new();

    /// <summary>
    /// One signed-in client per user and site, shared by the tests of a class (they run one after another): the site
    /// slows down more than 20 sign-ins a minute from one address, as it should.
    /// </summary>
    public static async Task<AdminClient> SessionAsync(SiteFixture fixture, string userName)
    {
        var sessions = Sessions.GetOrCreateValue(fixture.Factory);
        lock (sessions)
        {
            if (sessions.TryGetValue(userName, out var existing))
            {
                return existing;
            }
        }

        var client = await AdminClient.SignedInAsync(fixture.Factory, userName);
        lock (sessions)
        {
            sessions[userName] = client;
        }

        return client;
    }

    public static async Task<EditorForm> EditFormAsync(AdminClient client, string url)
    {
        var (status, page) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return EditorForm.Of(page);
    }

    /// <summary>The error message shown beside a field (inside its wrapper), or null.</summary>
    public static string? ErrorBeside(IHtmlDocument page, string key)
    {
        var id = "f-" + new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return page.GetElementById(id + "-error")?.TextContent.Trim();
    }
}
