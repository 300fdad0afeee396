using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// Licences as URIs on the running site (issue 15): item pages show the licence's Vietnamese name, a
/// <c>rel="license"</c> link for Creative Commons and none for all rights reserved, and the attribution text; feeds
/// carry each entry's licence; the site's default licence is a setting the administrator edits; the licence field
/// accepts the codes stored before URIs (normalised) and refuses values outside the catalogue in Vietnamese.
/// </summary>
public abstract class LicenseTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();
    private const string CreateInitiative = "/admin/noi-dung/tao/Initiative";

    private async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>A published item of the sample content whose licence field stores the value.</summary>
    private Task<ContentItem> PublishedWithLicenseAsync(string type, string value)
        => fixture.WithServicesAsync(async sp =>
        {
            var items = await sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 100 });
            return items.Items.First(i => i.Field(type, "License")?["Text"]?.GetValue<string>() == value);
        });

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    [SkippableFact]
    public async Task A_Creative_Commons_item_links_its_licence_with_rel_license_its_Vietnamese_name_and_the_attribution()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedWithLicenseAsync("Initiative", LicenseCatalog.CcBy.Value);
        var authors = item.Field("Initiative", "Authors")!["Text"]!.GetValue<string>();

        var (status, page) = await GetAsync(PathOf(item));

        Assert.Equal(HttpStatusCode.OK, status);
        var link = Assert.Single(page.QuerySelectorAll("a[rel~=license]"));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", link.GetAttribute("href"));
        Assert.Equal("CC BY 4.0 – ghi công tác giả", link.TextContent.Trim());
        var box = page.QuerySelector("section.license")!;
        Assert.Equal("Giấy phép", box.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotNull(box.QuerySelector("svg.license-badge[aria-hidden=true]"));
        var attribution = (IHtmlTextAreaElement)page.GetElementById("attribution-text")!;
        Assert.True(attribution.IsReadOnly);
        Assert.Equal("Thông tin ghi nguồn để sao chép", page.QuerySelector("label[for=attribution-text]")!.TextContent.Trim());
        Assert.StartsWith($"Tác giả: {authors}, đơn vị: ", attribution.Value);
        Assert.Contains($", nguồn: http://localhost{PathOf(item)}, giấy phép: CC BY 4.0 – ghi công tác giả (https://creativecommons.org/licenses/by/4.0/)", attribution.Value);
        // The copy button is for the script to show; without it the text area is selectable.
        Assert.True(page.QuerySelector("button.attribution-copy")!.HasAttribute("hidden"));
        // The licence is in its box, not repeated among the details.
        Assert.DoesNotContain(page.QuerySelectorAll(".item-fields dt"), dt => dt.TextContent.Trim() == "Giấy phép");
    }

    [SkippableFact]
    public async Task An_all_rights_reserved_item_says_so_without_a_licence_link()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedWithLicenseAsync("Initiative", LicenseCatalog.AllRightsReservedValue);

        var (status, page) = await GetAsync(PathOf(item));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(page.QuerySelectorAll("[rel~=license]"));
        var box = page.QuerySelector("section.license")!;
        Assert.Contains("Bản quyền thuộc tác giả", box.QuerySelector(".license-name")!.TextContent);
        Assert.EndsWith("giấy phép: Bản quyền thuộc tác giả", ((IHtmlTextAreaElement)page.GetElementById("attribution-text")!).Value);
    }

    [SkippableFact]
    public async Task Feeds_carry_each_entrys_licence_as_Atom_rel_license_and_RSS_creativeCommons_license()
    {
        fixture.SkipUnlessAvailable();
        var byItem = await PublishedWithLicenseAsync("Initiative", LicenseCatalog.CcBy.Value);
        var reserved = await PublishedWithLicenseAsync("Initiative", LicenseCatalog.AllRightsReservedValue);
        using var client = fixture.CreateClient();

        var atomBody = await client.GetByteArrayAsync("/sang-kien/feed/atom");
        using (var reader = XmlReader.Create(new MemoryStream(atomBody)))
        {
            var feed = SyndicationFeed.Load(reader);
            SyndicationItem Entry(ContentItem item) => feed.Items.Single(i => i.Title.Text == item.DisplayText);
            var by = Entry(byItem);
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Assert.Single(by.Links, l => l.RelationshipType == "license").Uri.AbsoluteUri);
            Assert.Equal("CC BY 4.0 – ghi công tác giả", ((TextSyndicationContent)by.Copyright).Text);
            var arr = Entry(reserved);
            Assert.DoesNotContain(arr.Links, l => l.RelationshipType == "license");
            Assert.Equal("Bản quyền thuộc tác giả", ((TextSyndicationContent)arr.Copyright).Text);
        }

        var rss = XDocument.Load(new MemoryStream(await client.GetByteArrayAsync("/sang-kien/feed")));
        XNamespace cc = "http://backend.userland.com/creativeCommonsRssModule";
        var items = rss.Root!.Element("channel")!.Elements("item").ToList();
        XElement Item(ContentItem item) => items.Single(i => i.Element("title")!.Value == item.DisplayText);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Item(byItem).Element(cc + "license")!.Value);
        Assert.Null(Item(reserved).Element(cc + "license"));
    }

    [SkippableFact]
    public async Task The_default_licence_is_a_setting_the_administrator_edits_for_news_and_new_items()
    {
        fixture.SkipUnlessAvailable();
        var news = await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery { ContentTypes = ["Article"], PageSize = 1 })).Items.Single());
        var admin = await SessionAsync(fixture, Accounts.Administrator);

        // The setup recipe's default: all rights reserved, on pages of types without a licence field.
        var (_, before) = await GetAsync(PathOf(news));
        Assert.Equal("Giấy phép của trang này", before.QuerySelector("section.license h2")!.TextContent.Trim());
        Assert.Empty(before.QuerySelectorAll("[rel~=license]"));
        var (status, settingsPage) = await admin.GetPageAsync("/admin/cai-dat");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Giấy phép mặc định", settingsPage.QuerySelector("label[for=DefaultLicense]")!.TextContent.Trim());
        Assert.Equal("all-rights-reserved", settingsPage.QuerySelector("#DefaultLicense option[selected]")!.GetAttribute("value"));

        try
        {
            // A legacy code is accepted and stored as the catalogue's URI.
            using (var saved = await SystemAdmin.PostAsync(admin, "/admin/cai-dat", "/admin/cai-dat", ("DefaultLicense", "CC0-1.0")))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var stored = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).DefaultLicense);
            Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", stored);

            var (_, after) = await GetAsync(PathOf(news));
            var link = Assert.Single(after.QuerySelectorAll("a[rel~=license]"));
            Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", link.GetAttribute("href"));
            Assert.Contains("CC0 1.0", link.TextContent);

            // A new item's licence field starts with the default.
            var form = await EditFormAsync(admin, CreateInitiative);
            Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", form.Get("Initiative.License"));

            // A value outside the catalogue is refused in Vietnamese, and nothing changes.
            using var refused = await SystemAdmin.PostAsync(admin, "/admin/cai-dat", "/admin/cai-dat", ("DefaultLicense", "GPL-3.0"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await AdminClient.ParseAsync(refused);
            Assert.Contains("Vui lòng chọn một giấy phép trong danh sách.", page.QuerySelector(".error-summary")!.TextContent);
            Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/",
                await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).DefaultLicense));
        }
        finally
        {
            await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>()
                .MergeAsync(new JsonObject { ["DefaultLicense"] = LicenseCatalog.AllRightsReservedValue }));
        }
    }

    [SkippableFact]
    public async Task The_settings_page_is_denied_to_users_without_ManageSettings_and_to_visitors()
    {
        fixture.SkipUnlessAvailable();
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        using (var denied = await contributor.GetAsync("/admin/cai-dat"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var post = await contributor.PostFormWithTokenAsync("/admin/cai-dat",
                   [KeyValuePair.Create("DefaultLicense", LicenseCatalog.CcBy.Value)], await contributor.GetTokenAsync("/admin")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(LicenseCatalog.AllRightsReservedValue,
            await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).DefaultLicense));
        using var visitor = fixture.CreateClient();
        using var anonymous = await visitor.GetAsync("/admin/cai-dat");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/dang-nhap", anonymous.Headers.Location!.PathAndQuery);
    }

    [SkippableFact]
    public async Task The_licence_field_normalises_a_legacy_code_and_refuses_a_value_outside_the_catalogue_in_Vietnamese()
    {
        fixture.SkipUnlessAvailable();
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        EditorForm Fill(EditorForm form, string title, string license) => form
            .Set("TitlePart.Title", title)
            .Set("Initiative.Summary", "Trẻ tự chọn góc chơi.")
            .Set("Initiative.Authors", "Nguyễn Thị Lan")
            .Set("Initiative.SchoolYear", "sy-2024-2025")
            .Set("Initiative.Criteria", "crit-2")
            .Set("Initiative.AgeGroups", "age-4-5")
            .Set("Initiative.AppliedOn", "2024-09-05")
            .Set("Initiative.License", license);

        using var refused = await Fill(await EditFormAsync(contributor, CreateInitiative), FreshTitle("Giấy phép lạ"), "GPL-3.0").SubmitAsync(contributor);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AdminClient.ParseAsync(refused);
        Assert.Contains("Giấy phép phải là một trong các giấy phép của kho học liệu", ErrorBeside(page, "Initiative.License"));

        var title = FreshTitle("Giấy phép mã cũ");
        using var saved = await Fill(await EditFormAsync(contributor, CreateInitiative), title, "CC-BY-SA-4.0").SubmitAsync(contributor);
        var draft = (await LatestAsync(fixture, EditedId(saved)))!;
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", Text(draft, "Initiative", "License"));
    }

    [SkippableFact]
    public async Task An_imported_item_with_a_legacy_code_or_an_http_URI_is_stored_with_the_catalogues_value()
    {
        fixture.SkipUnlessAvailable();
        var stored = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var values = new List<string>();
            foreach (var (id, legacy) in new[] { ("license-import-1", "CC-BY-NC-4.0"), ("license-import-2", "http://creativecommons.org/licenses/by/4.0") })
            {
                var item = await contents.NewAsync("Initiative");
                item.ContentItemId = id + Guid.NewGuid().ToString("N")[..6];
                item.GetOrCreatePart("TitlePart")["Title"] = FreshTitle("Nhập từ công thức");
                item.GetOrCreateField("Initiative", "License")["Text"] = legacy;
                item.Latest = true;
                await contents.ImportAsync(item, ContentActor.System);
                values.Add((await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!.Field("Initiative", "License")!["Text"]!.GetValue<string>());
            }

            return values;
        });

        Assert.Equal(["https://creativecommons.org/licenses/by-nc/4.0/", "https://creativecommons.org/licenses/by/4.0/"], stored);
    }
}

public sealed class LicenseSqliteTests(SqliteSiteFixture fixture) : LicenseTests<SqliteSiteFixture>(fixture);

public sealed class LicensePostgresTests(PostgresSiteFixture fixture) : LicenseTests<PostgresSiteFixture>(fixture);
