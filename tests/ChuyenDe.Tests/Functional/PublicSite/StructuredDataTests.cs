using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The schema.org JSON-LD of the public pages as a harvester reads it — every <c>application/ld+json</c> script parsed
/// with System.Text.Json — on both databases: each item type's node with its required properties, absolute addresses,
/// dates in ISO 8601 with the site's offset and the Creative Commons URI of its licence; the BreadcrumbList equal to the
/// visible trail; a title with <c>&lt;/script&gt;</c> and quotes that round-trips without ending the script; the OAI-PMH
/// record link of the items; robots.txt and the about page open to harvesters.
/// </summary>
public abstract partial class StructuredDataTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();

    private sealed record LdPage(HttpStatusCode Status, string Html, IHtmlDocument Document, IReadOnlyList<JsonObject> Nodes)
    {
        /// <summary>The one node having <paramref name="type"/> among its types.</summary>
        public JsonObject Single(string type) => Assert.Single(Nodes, n => TypesOf(n).Contains(type));
    }

    private async Task<LdPage> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        var nodes = document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => Assert.IsType<JsonObject>(JsonNode.Parse(s.TextContent)))
            .ToList();
        Assert.All(nodes, n => Assert.Equal("https://schema.org", n["@context"]!.GetValue<string>()));
        return new LdPage(response.StatusCode, html, document, nodes);
    }

    private static IReadOnlyList<string> TypesOf(JsonObject node) => node["@type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static string Str(JsonNode? node) => Assert.IsAssignableFrom<JsonValue>(node).GetValue<string>();

    private static IEnumerable<JsonNode> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n!),
        _ => [node],
    };

    /// <summary>An ISO 8601 time with the offset of Vietnam (the site's time zone).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")]
    private static partial Regex VietnamTime();

    private static void AssertDate(JsonNode? node, DateTime? utc = null)
    {
        var text = Str(node);
        Assert.Matches(VietnamTime(), text);
        if (utc is { } expected)
        {
            Assert.Equal(DateTime.SpecifyKind(expected, DateTimeKind.Utc), DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime);
        }
    }

    private static void AssertAbsolute(JsonNode? node, string prefix = "http://localhost/")
        => Assert.StartsWith(prefix, Str(node), StringComparison.Ordinal);

    private Task<ContentItem> PublishedAsync(string contentItemId)
        => fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IContentQueryService>().GetPublishedAsync([contentItemId])).Single());

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    [SkippableFact]
    public async Task An_initiative_is_a_learning_resource_report_with_authors_units_dates_licence_ages_and_alignments()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedAsync("initiative-doi-moi-gio-an");

        var page = await GetAsync(PathOf(item));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var node = page.Single("LearningResource");
        Assert.Equal(["LearningResource", "Report"], TypesOf(node));
        Assert.Equal("http://localhost" + PathOf(item), Str(node["url"]));
        Assert.Equal(item.DisplayText, Str(node["name"]));
        Assert.False(string.IsNullOrWhiteSpace(Str(node["description"])));
        Assert.Equal("vi", Str(node["inLanguage"]));
        Assert.Equal(["Nguyễn Thị Lan", "Võ Thị Ngọc Hân", "Lê Thị Mỹ Dung"], Many(node["author"]).Select(a => Str(a["name"])));
        Assert.All(Many(node["author"]), a => Assert.Equal("Person", Str(a["@type"])));

        // The school is the source; the Department above it publishes.
        Assert.Equal("Preschool", Str(node["sourceOrganization"]!["@type"]));
        Assert.Equal("http://localhost/don-vi/truong-mn-ben-thanh", Str(node["sourceOrganization"]!["url"]));
        Assert.Equal("EducationalOrganization", Str(node["publisher"]!["@type"]));
        Assert.Equal("Sở Giáo dục và Đào tạo TP. Hồ Chí Minh", Str(node["publisher"]!["name"]));

        AssertDate(node["datePublished"], item.PublishedUtc);
        AssertDate(node["dateModified"], item.ModifiedUtc);
        AssertDate(node["dateCreated"]);

        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Str(node["license"]));
        Assert.Equal("Giáo dục mầm non", Str(node["educationalLevel"]));
        Assert.Equal("3-6", Str(node["typicalAgeRange"]));
        Assert.Contains("Văn bản sáng kiến", Many(node["learningResourceType"]).Select(Str));

        var alignments = Many(node["educationalAlignment"]).ToList();
        Assert.All(alignments, a =>
        {
            Assert.Equal("AlignmentObject", Str(a["@type"]));
            Assert.Equal("educationalSubject", Str(a["alignmentType"]));
            AssertAbsolute(a["targetUrl"], "http://localhost/kho-hoc-lieu?term=");
        });
        Assert.Contains(alignments, a => Str(a["targetName"]) == "Tổ chức các hoạt động giáo dục tăng cường tính chủ động, tích cực của trẻ"
            && Str(a["educationalFramework"]).StartsWith("Chuyên đề", StringComparison.Ordinal));
        Assert.Contains(alignments, a => Str(a["targetName"]) == "Thể chất" && Str(a["educationalFramework"]) == "Chương trình giáo dục mầm non");

        Assert.Equal("ImageObject", Str(node["image"]!["@type"]));
        AssertAbsolute(node["image"]!["url"], "http://localhost/media/_anh/");
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Str(node["image"]!["url"])).PathAndQuery)).StatusCode);
    }

    [SkippableFact]
    public async Task Exemplary_products_carry_their_licence_and_the_item_without_a_creative_commons_licence_carries_none()
    {
        fixture.SkipUnlessAvailable();
        var exemplary = await GetAsync(PathOf(await PublishedAsync("exemplary-vuon-rau-quang-tan")));
        var reserved = await GetAsync(PathOf(await PublishedAsync("initiative-dem-hoi-trang-ram-cung-khu-pho")));
        var nursery = await GetAsync(PathOf(await PublishedAsync("initiative-ke-hoach-nha-tre-theo-nhip-sinh-hoat")));

        var node = exemplary.Single("LearningResource");
        Assert.Equal(["LearningResource", "CreativeWork"], TypesOf(node));
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", Str(node["license"]));
        Assert.Equal("3-6", Str(node["typicalAgeRange"]));
        Assert.Equal("Sản phẩm điển hình", Str(node["learningResourceType"]));

        // "All rights reserved" has no licence URI: the property is left out.
        Assert.Null(reserved.Single("LearningResource")["license"]);
        Assert.Equal("0-6", Str(reserved.Single("LearningResource")["typicalAgeRange"]));
        Assert.Equal("0-3", Str(nursery.Single("LearningResource")["typicalAgeRange"]));
        Assert.Equal("https://creativecommons.org/licenses/by-nc/4.0/", Str(nursery.Single("LearningResource")["license"]));
    }

    [SkippableFact]
    public async Task An_official_document_gives_its_file_as_a_media_object_with_its_mime_type_and_its_number()
    {
        fixture.SkipUnlessAvailable();
        var document = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IContentQueryService>()
                .QueryAsync(new ContentQuery { ContentTypes = ["OfficialDocument"], PageSize = 50 })).Items
            .First(i => i.Field("OfficialDocument", "File")?["Paths"] is JsonArray { Count: > 0 }));

        var page = await GetAsync(PathOf(document));

        var node = page.Single("LearningResource");
        Assert.Equal(["LearningResource", "DigitalDocument"], TypesOf(node));
        Assert.Equal(document.Field("OfficialDocument", "Number")!["Text"]!.GetValue<string>(), Str(node["identifier"]));
        Assert.Contains("Kế hoạch", Many(node["learningResourceType"]).Select(Str));
        var media = Assert.Single(Many(node["associatedMedia"]));
        Assert.Equal("MediaObject", Str(media["@type"]));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Str(media["encodingFormat"]));
        AssertAbsolute(media["contentUrl"], "http://localhost/media/");
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Str(media["contentUrl"])).PathAndQuery)).StatusCode);
        // Issued by its unit, published by the Department above it.
        Assert.Equal(Str(node["sourceOrganization"]!["name"]), Str(node["author"]!["name"]));
        Assert.Equal("EducationalOrganization", Str(node["publisher"]!["@type"]));
    }

    [SkippableFact]
    public async Task A_model_site_is_about_its_school_with_address_and_position()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedAsync("modelsite-ben-thanh");

        var node = (await GetAsync(PathOf(item))).Single("LearningResource");

        var school = node["about"]!;
        Assert.Equal("Preschool", Str(school["@type"]));
        Assert.Equal("http://localhost/don-vi/truong-mn-ben-thanh#donvi", Str(school["@id"]));
        Assert.Equal(item.Field("ModelSite", "Address")!["Text"]!.GetValue<string>(), Str(school["address"]));
        if (item.Field("ModelSite", "Latitude")?["Value"] is JsonValue latitude)
        {
            Assert.Equal(latitude.GetValue<decimal>(), school["geo"]!["latitude"]!.GetValue<decimal>());
        }
    }

    [SkippableFact]
    public async Task A_news_article_is_a_news_article_with_headline_image_dates_author_and_publisher()
    {
        fixture.SkipUnlessAvailable();
        var item = await PublishedAsync("article-quan-1-so-ket-hai-nam-chuyen-de");

        var page = await GetAsync(PathOf(item));

        var node = page.Single("NewsArticle");
        Assert.Equal(["NewsArticle"], TypesOf(node));
        Assert.Equal(item.DisplayText, Str(node["headline"]));
        AssertDate(node["datePublished"], item.PublishedUtc);
        AssertDate(node["dateModified"], item.ModifiedUtc);
        Assert.Equal("EducationalOrganization", Str(node["author"]!["@type"]));
        Assert.Equal("http://localhost/don-vi/phong-quan-1", Str(node["author"]!["url"]));
        Assert.Equal("Sở Giáo dục và Đào tạo TP. Hồ Chí Minh", Str(node["publisher"]!["name"]));
        AssertAbsolute(node["image"]!["url"], "http://localhost/media/_anh/");
        Assert.False(string.IsNullOrWhiteSpace(Str(node["articleSection"])));
    }

    [SkippableFact]
    public async Task An_event_has_its_start_and_end_in_vietnam_time_its_place_status_and_organizer()
    {
        fixture.SkipUnlessAvailable();
        var startsUtc = new DateTime(2027, 3, 29, 1, 30, 0, DateTimeKind.Utc);
        var item = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var sample = await sp.GetRequiredService<IContentQueryService>().GetPublishedAsync(["event-so-ket-quan-1-2018"]);
            var created = await contents.NewAsync("Event");
            created.Content["Event"] = sample.Single().Part("Event")!.DeepClone();
            created.Content["OrganizationPart"] = sample.Single().Part("OrganizationPart")!.DeepClone();
            created.GetOrCreatePart("ConsentPart")["Confirmed"] = true;
            created.GetOrCreatePart("TitlePart")["Title"] = "Hội nghị sơ kết " + Guid.NewGuid().ToString("N")[..6];
            created.GetOrCreateField("Event", "StartsAt")["Value"] = startsUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            created.GetOrCreateField("Event", "EndsAt")["Value"] = startsUtc.AddHours(3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            created.GetOrCreateField("Event", "Location")["Text"] = "Hội trường Trường Mầm non Bến Thành, Quận 1";
            var result = await contents.PublishAsync(created, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result.Item!;
        });

        var node = (await GetAsync(PathOf(item))).Single("Event");

        Assert.Equal(item.DisplayText, Str(node["name"]));
        Assert.Equal("2027-03-29T08:30:00+07:00", Str(node["startDate"]));
        Assert.Equal("2027-03-29T11:30:00+07:00", Str(node["endDate"]));
        Assert.Equal("Place", Str(node["location"]!["@type"]));
        Assert.Equal("Hội trường Trường Mầm non Bến Thành, Quận 1", Str(node["location"]!["name"]));
        Assert.Equal("Hội trường Trường Mầm non Bến Thành, Quận 1", Str(node["location"]!["address"]));
        Assert.Equal("https://schema.org/EventScheduled", Str(node["eventStatus"]));
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", Str(node["eventAttendanceMode"]));
        Assert.Equal("http://localhost/don-vi/phong-quan-1", Str(node["organizer"]!["url"]));
    }

    [SkippableFact]
    public async Task A_title_with_a_closing_script_tag_and_quotes_round_trips_without_ending_the_script()
    {
        fixture.SkipUnlessAvailable();
        const string title = "Sáng kiến </script><script>alert(\"x\")</script> 'trích' & \"ngoặc\" <!-- ]]>";
        var item = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var sample = (await sp.GetRequiredService<IContentQueryService>().GetPublishedAsync(["initiative-doi-moi-gio-an"])).Single();
            var created = await contents.NewAsync("Initiative");
            created.Content["Initiative"] = sample.Part("Initiative")!.DeepClone();
            created.Content["OrganizationPart"] = sample.Part("OrganizationPart")!.DeepClone();
            created.GetOrCreatePart("ConsentPart")["Confirmed"] = true;
            created.GetOrCreatePart("TitlePart")["Title"] = title;
            created.GetOrCreateField("Initiative", "Summary")["Text"] = "Tóm tắt có </SCRIPT > và \"ngoặc kép\".";
            created.GetOrCreateField("Initiative", "Authors")["Text"] = "Nguyễn Thị \"Lan\" </script>";
            var result = await contents.PublishAsync(created, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result.Item!;
        });

        var page = await GetAsync(PathOf(item));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var node = page.Single("LearningResource");
        Assert.Equal(title, Str(node["name"]));
        Assert.Equal("Tóm tắt có </SCRIPT > và \"ngoặc kép\".", Str(node["description"]));
        Assert.Equal("Nguyễn Thị \"Lan\" </script>", Str(node["author"]!["name"]));
        // No user text reaches the HTML unescaped: no script of the page but the site's own.
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</SCRIPT >", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.Scripts, s => s.TextContent.Contains("alert", StringComparison.Ordinal) && s.Type != "application/ld+json");
        foreach (var script in page.Document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            Assert.DoesNotContain("<", script.TextContent, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData("initiative-doi-moi-gio-an")]
    [InlineData("article-goc-phu-huynh-de-con-tu-xuc-com")]
    [InlineData("van-ban-quan-1-ke-hoach-so-ket-2018")]
    [InlineData("page-huong-dan")]
    public async Task The_breadcrumb_list_is_the_visible_trail(string contentItemId)
    {
        fixture.SkipUnlessAvailable();
        await AssertBreadcrumbsAsync(PathOf(await PublishedAsync(contentItemId)));
    }

    [SkippableTheory]
    [InlineData("/tin-tuc/goc-phu-huynh")]
    [InlineData("/don-vi/truong-mn-ben-thanh")]
    [InlineData("/don-vi")]
    [InlineData("/ket-qua")]
    [InlineData("/guong-dien-hinh")]
    [InlineData("/van-ban")]
    [InlineData("/kho-hoc-lieu")]
    [InlineData("/tim-kiem?q=tr%E1%BA%BB")]
    public async Task Pages_with_a_trail_have_its_breadcrumb_list(string url)
    {
        fixture.SkipUnlessAvailable();
        await AssertBreadcrumbsAsync(url);
    }

    private async Task AssertBreadcrumbsAsync(string url)
    {
        var page = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var visible = page.Document.QuerySelectorAll("nav.breadcrumbs li a")
            .Select(a => (Name: a.TextContent.Trim(), Url: "http://localhost" + a.GetAttribute("href"))).ToList();
        Assert.True(visible.Count >= 2, url);
        var list = page.Single("BreadcrumbList");
        var elements = list["itemListElement"]!.AsArray().ToList();
        Assert.Equal(visible.Count, elements.Count);
        for (var i = 0; i < visible.Count; i++)
        {
            Assert.Equal("ListItem", Str(elements[i]!["@type"]));
            Assert.Equal(i + 1, elements[i]!["position"]!.GetValue<int>());
            Assert.Equal(visible[i].Name, Str(elements[i]!["name"]));
            Assert.Equal(visible[i].Url, Str(elements[i]!["item"]));
        }

        Assert.Equal("http://localhost/", Str(elements[0]!["item"]));
    }

    [SkippableFact]
    public async Task The_home_page_has_no_trail_and_no_breadcrumb_list()
    {
        fixture.SkipUnlessAvailable();
        var page = await GetAsync("/");

        Assert.Null(page.Document.QuerySelector("nav.breadcrumbs"));
        Assert.DoesNotContain(page.Nodes, n => TypesOf(n).Contains("BreadcrumbList"));
    }

    [SkippableFact]
    public async Task Unit_pages_are_preschools_or_educational_organizations_with_the_units_around_them()
    {
        fixture.SkipUnlessAvailable();
        var school = (await GetAsync("/don-vi/truong-mn-ben-thanh")).Single("Preschool");
        var office = (await GetAsync("/don-vi/phong-quan-1")).Single("EducationalOrganization");

        Assert.Equal("http://localhost/don-vi/truong-mn-ben-thanh", Str(school["url"]));
        Assert.Contains("Bến Thành", Str(school["name"]), StringComparison.Ordinal);
        Assert.Equal("http://localhost/don-vi/phong-quan-1", Str(school["parentOrganization"]!["url"]));
        Assert.Equal("EducationalOrganization", Str(school["parentOrganization"]!["@type"]));
        Assert.Equal("http://localhost/don-vi/cum-quan-1-a", Str(school["memberOf"]!["url"]));
        Assert.Contains(Many(office["subOrganization"]), s => Str(s["url"]) == "http://localhost/don-vi/truong-mn-ben-thanh" && Str(s["@type"]) == "Preschool");
        Assert.False(string.IsNullOrWhiteSpace(Str(office["description"])));
    }

    [SkippableTheory]
    [InlineData("initiative-doi-moi-gio-an")]
    [InlineData("exemplary-gio-an-ben-thanh")]
    [InlineData("modelsite-ben-thanh")]
    [InlineData("article-quan-1-so-ket-hai-nam-chuyen-de")]
    [InlineData("event-so-ket-quan-1-2018")]
    [InlineData("van-ban-quan-1-ke-hoach-so-ket-2018")]
    public async Task Item_pages_of_the_repository_link_their_oai_pmh_record(string contentItemId)
    {
        fixture.SkipUnlessAvailable();
        var page = await GetAsync(PathOf(await PublishedAsync(contentItemId)));

        var link = Assert.Single(page.Document.QuerySelectorAll("link[rel=alternate][type='application/xml']"));
        Assert.Equal("OAI-PMH", link.GetAttribute("title"));
        var href = new Uri(link.GetAttribute("href")!);
        Assert.Equal("http://localhost/oai", href.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(href.Query);
        Assert.Equal("GetRecord", query["verb"].ToString());
        Assert.Equal("oai_dc", query["metadataPrefix"].ToString());
        Assert.Equal("oai:localhost:" + contentItemId, query["identifier"].ToString());
        Assert.Single(page.Nodes, n => !TypesOf(n).Contains("BreadcrumbList"));
    }

    [SkippableFact]
    public async Task Pages_of_the_site_are_no_records_and_link_none()
    {
        fixture.SkipUnlessAvailable();
        var page = await GetAsync("/huong-dan");

        Assert.Empty(page.Document.QuerySelectorAll("link[rel=alternate][type='application/xml']"));
        Assert.Equal(["WebPage"], TypesOf(page.Single("WebPage")));
    }

    [SkippableFact]
    public async Task The_home_page_is_the_web_site_with_its_search()
    {
        fixture.SkipUnlessAvailable();
        var node = (await GetAsync("/")).Single("WebSite");

        Assert.Equal("http://localhost/", Str(node["url"]));
        Assert.Equal("vi", Str(node["inLanguage"]));
        Assert.False(string.IsNullOrWhiteSpace(Str(node["name"])));
        Assert.Equal("http://localhost/tim-kiem?q={search_term_string}", Str(node["potentialAction"]!["target"]!["urlTemplate"]));
    }

    [SkippableFact]
    public async Task A_results_page_is_an_article_and_lists_are_web_pages_part_of_the_site()
    {
        fixture.SkipUnlessAvailable();
        var results = await GetAsync("/ket-qua/so-ket-02-nam-hoa-binh");
        var honourRoll = await GetAsync("/guong-dien-hinh");

        var article = results.Single("Article");
        Assert.Equal("http://localhost/ket-qua/so-ket-02-nam-hoa-binh", Str(article["url"]));
        Assert.Equal(results.Document.QuerySelector("h1")!.TextContent.Trim(), Str(article["headline"]));
        AssertDate(article["datePublished"]);
        Assert.Equal("http://localhost/", Str(article["isPartOf"]!["url"]));
        var page = honourRoll.Single("WebPage");
        Assert.Equal("http://localhost/guong-dien-hinh", Str(page["url"]));
        Assert.Equal(honourRoll.Document.QuerySelector("h1")!.TextContent.Trim(), Str(page["name"]));
    }

    [SkippableTheory]
    [InlineData("/tim-kiem?q=tr%E1%BA%BB")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Pages_not_indexed_carry_no_page_node(string url)
    {
        fixture.SkipUnlessAvailable();
        var page = await GetAsync(url);

        Assert.DoesNotContain(page.Nodes, n => TypesOf(n).Contains("WebPage") || TypesOf(n).Contains("Article"));
    }

    [SkippableFact]
    public async Task Robots_txt_allows_harvesting_and_the_about_page_and_footer_link_the_oai_pmh_endpoint()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var robots = (await client.GetStringAsync("/robots.txt")).Split('\n');
        var about = await GetAsync("/gioi-thieu");

        Assert.Contains("Allow: /oai", robots);
        Assert.Contains(about.Document.QuerySelectorAll(".item-body a[href]"), a => a.GetAttribute("href")!.StartsWith("/oai?", StringComparison.Ordinal));
        Assert.Contains(about.Document.QuerySelectorAll(".site-footer a[href]"), a => a.GetAttribute("href") == "/oai?verb=Identify");
    }
}

public sealed class StructuredDataSqliteTests(SqliteSiteFixture fixture) : StructuredDataTests<SqliteSiteFixture>(fixture);

public sealed class StructuredDataPostgresTests(PostgresSiteFixture fixture) : StructuredDataTests<PostgresSiteFixture>(fixture);
