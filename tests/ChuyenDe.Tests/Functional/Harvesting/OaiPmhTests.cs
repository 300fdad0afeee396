using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Harvesting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Harvesting.OaiSchemaChecks;

namespace ChuyenDe.Tests.Functional.Harvesting;

/// <summary>
/// OAI-PMH 2.0 at <c>/oai</c> (issue 15 part 1) through the test server on the real setup and sample recipes: the six
/// verbs over GET and POST, every error, harvests through resumption tokens while items are published, unpublished and
/// removed, <c>from</c>/<c>until</c>, tombstones, sets, and every answer checked against the schemas' structure
/// (<see cref="OaiSchemaChecks"/>). Lists carry <see cref="PageSize"/> records a page.
/// </summary>
public abstract class OaiPmhTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    public const int PageSize = 5;

    private const string Host = "localhost";
    private const string BenThanhInitiative = "initiative-doi-moi-gio-an";

    private static string Identifier(string contentItemId) => $"oai:{Host}:{contentItemId}";

    private static string IdOf(string identifier) => identifier[$"oai:{Host}:".Length..];

    private async Task<XDocument> GetAsync(string query)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/oai?" + query);
        return await ReadAsync(response);
    }

    private async Task<XDocument> PostAsync(params (string Name, string Value)[] form)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync("/oai", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        return await ReadAsync(response);
    }

    private static async Task<XDocument> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte-order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.OrdinalIgnoreCase);
        var document = XDocument.Parse(text);
        Check(document);
        return document;
    }

    private static XElement Request(XDocument document) => document.Root!.Element(Oai + "request")!;

    private static void AssertError(XDocument document, string code, bool requestAttributes = true)
    {
        var error = Assert.Single(document.Root!.Elements(Oai + "error"));
        Assert.Equal(code, (string?)error.Attribute("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Value));
        Assert.Equal("http://localhost/oai", Request(document).Value);
        if (!requestAttributes)
        {
            Assert.Empty(Request(document).Attributes());
        }
        else
        {
            Assert.NotEmpty(Request(document).Attributes());
        }
    }

    private sealed record Harvested(string Id, bool Deleted, string Datestamp, XElement Header, XElement? Dc);

    private sealed record HarvestPage(List<Harvested> Records, XElement? Token);

    private static HarvestPage Page(XDocument document, string verb)
    {
        var list = document.Root!.Element(Oai + verb)!;
        var records = verb == "ListRecords"
            ? list.Elements(Oai + "record").Select(r => Harvest(r.Element(Oai + "header")!, r.Element(Oai + "metadata")?.Element(OaiDc + "dc"))).ToList()
            : list.Elements(Oai + "header").Select(h => Harvest(h, null)).ToList();
        return new HarvestPage(records, list.Element(Oai + "resumptionToken"));
    }

    private static Harvested Harvest(XElement header, XElement? dc)
        => new(IdOf(header.Element(Oai + "identifier")!.Value), (string?)header.Attribute("status") == "deleted",
            header.Element(Oai + "datestamp")!.Value, header, dc);

    /// <summary>Follows a list through all its tokens; <paramref name="between"/> runs after each page (its number from 1).</summary>
    private async Task<List<HarvestPage>> HarvestAsync(string query, string verb = "ListRecords", Func<int, Task>? between = null)
    {
        var pages = new List<HarvestPage>();
        var document = await GetAsync($"verb={verb}&{query}");
        while (true)
        {
            var page = Page(document, verb);
            pages.Add(page);
            var cursor = int.Parse((string?)page.Token?.Attribute("cursor") ?? "0");
            Assert.Equal(pages.Take(pages.Count - 1).Sum(p => p.Records.Count), cursor);
            if (page.Token is null || page.Token.Value.Length == 0)
            {
                return pages;
            }

            Assert.Equal(PageSize, page.Records.Count);
            if (between is not null)
            {
                await between(pages.Count);
            }

            document = await GetAsync($"verb={verb}&resumptionToken={Uri.EscapeDataString(page.Token.Value)}");
            Assert.Equal(page.Token.Value, (string?)Request(document).Attribute("resumptionToken"));
        }
    }

    /// <summary>The ids of the published items OAI-PMH gives out, from the content store.</summary>
    private Task<List<string>> PublishedIdsAsync()
        => fixture.WithServicesAsync(async sp =>
        {
            var ids = new List<string>();
            var queries = sp.GetRequiredService<IContentQueryService>();
            for (var page = 1; ; page++)
            {
                var found = await queries.QueryAsync(new ContentQuery { ContentTypes = HarvestedTypes.All.ToList(), PageSize = 100, Page = page });
                ids.AddRange(found.Items.Select(i => i.ContentItemId));
                if (page * 100 >= found.Total)
                {
                    return ids;
                }
            }
        });

    private Task<List<string>> TombstoneIdsAsync()
        => fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<OaiTombstone>().Select(t => t.ContentItemId).ToListAsync());

    /// <summary>A published notice of the Department (an official document), as the official documents' tests make them.</summary>
    private Task<string> PublishNoticeAsync(string title, bool draftOnly = false)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("OfficialDocument");
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "so-hcm";
            item.GetOrCreateField("OfficialDocument", "Number")["Text"] = "01/TB-OAI";
            item.GetOrCreateField("OfficialDocument", "IssuedOn")["Value"] = "2026-03-02T00:00:00";
            item.GetOrCreateField("OfficialDocument", "Kind")["TermContentItemIds"] = new JsonArray("doc-thong-bao");
            item.GetOrCreateField("OfficialDocument", "Summary")["Text"] = "Thông báo thử cho OAI-PMH.";
            item.GetOrCreateField("OfficialDocument", "Status")["Text"] = "in-force";
            var result = draftOnly ? await contents.SaveDraftAsync(item, ContentActor.System) : await contents.PublishAsync(item, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return item.ContentItemId;
        });

    private Task<bool> UnpublishAsync(string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id, ContentActor.System));

    private Task<bool> RemoveAsync(string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().RemoveAsync(id, ContentActor.System));

    private Task RepublishAsync(string id)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.GetAsync(id, VersionOptions.Latest);
            if ((await sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync(item!.ContentType))!.HasPart("ConsentPart"))
            {
                item.GetOrCreatePart("ConsentPart")["Confirmed"] = true; // the photos' consent, asked again when publishing
            }

            var result = await contents.PublishAsync(item!, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return 0;
        });

    [SkippableFact]
    public async Task Identify_names_the_repository_from_the_settings_with_an_oai_identifier_description()
    {
        fixture.SkipUnlessAvailable();
        foreach (var document in new[] { await GetAsync("verb=Identify"), await PostAsync(("verb", "Identify")) })
        {
            var identify = document.Root!.Element(Oai + "Identify")!;
            Assert.Equal("Kho học liệu chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm”", identify.Element(Oai + "repositoryName")!.Value);
            Assert.Equal("http://localhost/oai", identify.Element(Oai + "baseURL")!.Value);
            Assert.Equal("kho-hoc-lieu@example.edu.vn", identify.Element(Oai + "adminEmail")!.Value);
            Assert.Equal("persistent", identify.Element(Oai + "deletedRecord")!.Value);
            Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
            var oaiIdentifier = identify.Element(Oai + "description")!.Element(OaiIdentifier + "oai-identifier")!;
            Assert.Equal("oai", oaiIdentifier.Element(OaiIdentifier + "scheme")!.Value);
            Assert.Equal(Host, oaiIdentifier.Element(OaiIdentifier + "repositoryIdentifier")!.Value);
            Assert.Equal(":", oaiIdentifier.Element(OaiIdentifier + "delimiter")!.Value);
            Assert.StartsWith($"oai:{Host}:", oaiIdentifier.Element(OaiIdentifier + "sampleIdentifier")!.Value);
            Assert.Equal(new XAttribute("verb", "Identify").ToString(), Assert.Single(Request(document).Attributes()).ToString());

            // The earliest datestamp is the earliest of the records: no record is older.
            var earliest = identify.Element(Oai + "earliestDatestamp")!.Value;
            var older = await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&until=" + DateTime.Parse(earliest).ToUniversalTime().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            AssertError(older, "noRecordsMatch");
            Assert.NotEmpty(Page(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&until=" + earliest), "ListIdentifiers").Records);
        }

        var responseDate = DateTime.Parse((await GetAsync("verb=Identify")).Root!.Element(Oai + "responseDate")!.Value).ToUniversalTime();
        Assert.InRange(responseDate, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2));
    }

    [SkippableFact]
    public async Task A_full_harvest_returns_every_published_item_exactly_once_with_its_Dublin_Core()
    {
        fixture.SkipUnlessAvailable();
        var published = await PublishedIdsAsync();
        var tombstones = await TombstoneIdsAsync();
        Assert.True(published.Count > 3 * PageSize, "the sample crosses more than three pages");

        var pages = await HarvestAsync("metadataPrefix=oai_dc");
        Assert.True(pages.Count > 3);
        var records = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(published.Order(StringComparer.Ordinal), records.Where(r => !r.Deleted).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(tombstones.Order(StringComparer.Ordinal), records.Where(r => r.Deleted).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(records.Select(r => r.Datestamp).Order(StringComparer.Ordinal), records.Select(r => r.Datestamp));
        Assert.All(pages.Take(pages.Count - 1), p => Assert.Equal(records.Count.ToString(), p.Token!.Attribute("completeListSize")!.Value));

        // The last page ends with an empty token giving the list's size and where the page started.
        var last = pages[^1].Token!;
        Assert.Equal("", last.Value);
        Assert.Null(last.Attribute("expirationDate"));
        Assert.Equal(records.Count.ToString(), last.Attribute("completeListSize")!.Value);
        Assert.Equal((records.Count - pages[^1].Records.Count).ToString(), last.Attribute("cursor")!.Value);

        // The Dublin Core of an initiative of Trường Mầm non Bến Thành (sample recipe).
        var dc = records.Single(r => r.Id == BenThanhInitiative).Dc!;
        List<string> Values(string name) => dc.Elements(Dc + name).Select(e => e.Value).ToList();
        Assert.Equal(["Đổi mới giờ ăn cho trẻ"], Values("title"));
        Assert.Equal(["Nguyễn Thị Lan", "Võ Thị Ngọc Hân", "Lê Thị Mỹ Dung"], Values("creator"));
        Assert.Contains("Tổ chức các hoạt động giáo dục tăng cường tính chủ động, tích cực của trẻ", Values("subject"));
        Assert.Contains("Thể chất", Values("subject"));
        Assert.StartsWith("Trẻ mẫu giáo ở Trường Mầm non Bến Thành tự lấy khay", Assert.Single(Values("description")));
        Assert.Equal(["Sở Giáo dục và Đào tạo TP. Hồ Chí Minh"], Values("publisher"));
        Assert.Equal(["Trường Mầm non Bến Thành"], Values("contributor"));
        Assert.Equal(["2023-05-22"], Values("date"));
        Assert.Equal(["Text", "Sáng kiến"], Values("type"));
        Assert.Contains("image/jpeg", Values("format"));
        Assert.Equal(["http://localhost/sang-kien/doi-moi-gio-an-cho-tre"], Values("identifier"));
        Assert.Equal(["vi"], Values("language"));
        Assert.Equal(["Phòng Giáo dục và Đào tạo Quận 1", "2022–2023"], Values("coverage"));
        Assert.Single(Values("rights"));
        Assert.StartsWith("https://creativecommons.org/", Values("rights")[0]);
        var header = records.Single(r => r.Id == BenThanhInitiative).Header;
        Assert.Equal("2023-05-22T03:00:00Z", header.Element(Oai + "datestamp")!.Value);
        var specs = header.Elements(Oai + "setSpec").Select(s => s.Value).ToList();
        Assert.Contains("type:Initiative", specs);
        Assert.Contains("donvi:so-hcm:phong-quan-1:truong-mn-ben-thanh", specs);
        Assert.Contains("namhoc:2022-2023", specs);
        Assert.Contains(specs, s => s.StartsWith("tieuchi:", StringComparison.Ordinal));

        // ListIdentifiers gives the same headers.
        var identifiers = (await HarvestAsync("metadataPrefix=oai_dc", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        Assert.Equal(records.Select(r => (r.Id, r.Deleted, r.Datestamp)), identifiers.Select(r => (r.Id, r.Deleted, r.Datestamp)));
    }

    [SkippableFact]
    public async Task Items_published_and_deleted_during_a_harvest_are_neither_lost_nor_repeated_and_an_incremental_harvest_shows_the_deletion()
    {
        fixture.SkipUnlessAvailable();
        var before = (await HarvestAsync("metadataPrefix=oai_dc", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        var live = before.Where(r => !r.Deleted).ToList();
        var harvestedEarly = live[1].Id;               // on the first page
        var notYetHarvested = live[^2].Id;             // near the end of the list
        string? added = null;

        var pages = await HarvestAsync("metadataPrefix=oai_dc", between: async page =>
        {
            switch (page)
            {
                case 2:
                    added = await PublishNoticeAsync("Thông báo đăng trong khi thu thập " + Guid.NewGuid().ToString("N")[..6]);
                    Assert.True(await UnpublishAsync(harvestedEarly));
                    break;
                case 3:
                    Assert.True(await RemoveAsync(notYetHarvested));
                    break;
            }
        });
        Assert.True(pages.Count > 3);
        var records = pages.SelectMany(p => p.Records).ToList();

        // Each (record, state) once; the only record seen twice is the one unpublished after it was harvested: live, then deleted.
        Assert.Equal(records.Count, records.Select(r => (r.Id, r.Deleted)).Distinct().Count());
        Assert.Equal([(harvestedEarly, false), (harvestedEarly, true)], records.Where(r => r.Id == harvestedEarly).Select(r => (r.Id, r.Deleted)));
        Assert.Equal([(notYetHarvested, true)], records.Where(r => r.Id == notYetHarvested).Select(r => (r.Id, r.Deleted)));
        Assert.Equal([(added!, false)], records.Where(r => r.Id == added).Select(r => (r.Id, r.Deleted)));
        Assert.NotNull(records.Single(r => r.Id == added).Dc);
        foreach (var record in before.Where(r => r.Id != notYetHarvested))
        {
            Assert.Contains(records, r => r.Id == record.Id);
        }

        // The incremental harvest from the last answer's time shows an item unpublished meanwhile as deleted.
        var since = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var withdrawn = live[3].Id;
        Assert.True(await UnpublishAsync(withdrawn));
        var incremental = (await HarvestAsync("metadataPrefix=oai_dc&from=" + since)).SelectMany(p => p.Records).ToList();
        var deleted = Assert.Single(incremental, r => r.Id == withdrawn);
        Assert.True(deleted.Deleted);
        Assert.Null(deleted.Dc);
        Assert.True(string.CompareOrdinal(deleted.Datestamp, since) >= 0);
        Assert.DoesNotContain(incremental, r => r.Id == BenThanhInitiative);

        await RepublishAsync(harvestedEarly);
        await RepublishAsync(withdrawn);
    }

    [SkippableFact]
    public async Task Tombstones_follow_unpublishing_publishing_again_and_removal()
    {
        fixture.SkipUnlessAvailable();
        var id = await PublishNoticeAsync("Thông báo để gỡ " + Guid.NewGuid().ToString("N")[..6]);
        var live = await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(id)}");
        var record = live.Root!.Element(Oai + "GetRecord")!.Element(Oai + "record")!;
        Assert.Null(record.Element(Oai + "header")!.Attribute("status"));
        Assert.Contains("type:OfficialDocument", record.Element(Oai + "header")!.Elements(Oai + "setSpec").Select(s => s.Value));
        Assert.NotNull(record.Element(Oai + "metadata"));

        Assert.True(await UnpublishAsync(id));
        var unpublishedAt = DateTime.UtcNow;
        var deleted = (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(id)}")).Root!.Element(Oai + "GetRecord")!.Element(Oai + "record")!;
        var header = deleted.Element(Oai + "header")!;
        Assert.Equal("deleted", (string?)header.Attribute("status"));
        Assert.Null(deleted.Element(Oai + "metadata"));
        Assert.InRange(DateTime.Parse(header.Element(Oai + "datestamp")!.Value).ToUniversalTime(), unpublishedAt.AddMinutes(-1), unpublishedAt.AddSeconds(1));
        Assert.Contains("donvi:so-hcm", header.Elements(Oai + "setSpec").Select(s => s.Value));
        Assert.Contains(id, await TombstoneIdsAsync());

        // A deleted record still has its formats, and selective harvests by its sets list it as deleted.
        Assert.NotNull((await GetAsync($"verb=ListMetadataFormats&identifier={Identifier(id)}")).Root!.Element(Oai + "ListMetadataFormats"));
        var bySet = (await HarvestAsync("metadataPrefix=oai_dc&set=donvi:so-hcm", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        Assert.True(Assert.Single(bySet, r => r.Id == id).Deleted);

        // Published again: live again, without a tombstone.
        await RepublishAsync(id);
        Assert.DoesNotContain(id, await TombstoneIdsAsync());
        var again = (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(id)}")).Root!.Element(Oai + "GetRecord")!.Element(Oai + "record")!;
        Assert.Null(again.Element(Oai + "header")!.Attribute("status"));

        // Removed: deleted for ever.
        Assert.True(await RemoveAsync(id));
        var removed = (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(id)}")).Root!.Element(Oai + "GetRecord")!.Element(Oai + "record")!;
        Assert.Equal("deleted", (string?)removed.Element(Oai + "header")!.Attribute("status"));

        // A draft that was never published leaves no record when removed.
        var draft = await PublishNoticeAsync("Bản nháp chưa đăng", draftOnly: true);
        Assert.True(await RemoveAsync(draft));
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(draft)}"), "idDoesNotExist");
    }

    [SkippableFact]
    public async Task From_and_until_select_by_datestamp_at_both_granularities_and_bad_values_are_refused()
    {
        fixture.SkipUnlessAvailable();
        string Ids(XDocument d) => string.Join(',', Page(d, "ListIdentifiers").Records.Select(r => r.Id));

        // The initiative was published at 2023-05-22T03:00:00Z: until is inclusive to the second and to the day.
        var day = await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-05-22&until=2023-05-22");
        Assert.Contains(BenThanhInitiative, Ids(day));
        Assert.All(Page(day, "ListIdentifiers").Records, r => Assert.StartsWith("2023-05-22T", r.Datestamp));
        Assert.Contains(BenThanhInitiative, Ids(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-05-22T03:00:00Z&until=2023-05-22T03:00:00Z")));
        var justBefore = await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-05-22T00:00:00Z&until=2023-05-22T02:59:59Z");
        Assert.DoesNotContain(BenThanhInitiative, justBefore.Root!.Element(Oai + "ListIdentifiers") is null ? "" : Ids(justBefore));
        AssertError(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-05-22T03:00:01Z&until=2023-05-22T03:00:01Z"), "noRecordsMatch");
        AssertError(await GetAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01"), "noRecordsMatch");

        // A selection in the past returns whole pages through tokens that keep the selection.
        var range = (await HarvestAsync("metadataPrefix=oai_dc&from=2018-01-01&until=2024-12-31", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        Assert.All(range, r => Assert.InRange(string.CompareOrdinal(r.Datestamp, "2018-01-01T00:00:00Z"), 0, int.MaxValue));
        Assert.All(range, r => Assert.True(string.CompareOrdinal(r.Datestamp, "2025-01-01T00:00:00Z") < 0, r.Datestamp));

        foreach (var bad in new[]
                 {
                     "from=2023-05-22&until=2023-05-22T03:00:00Z",          // mixed granularities
                     "from=2023-05-23&until=2023-05-22",                    // from after until
                     "from=2023-05-22T03:00:01Z&until=2023-05-22T03:00:00Z",
                     "from=2023-05-22T03:00:00.000Z",                       // finer than the repository's
                     "until=2023-05-22T03:00Z",
                     "from=2023-05-22T03:00:00",                            // no Z
                     "from=22/05/2023",
                     "from=2023-13-01",
                     "until=2023-02-30",
                 })
        {
            AssertError(await GetAsync("verb=ListRecords&metadataPrefix=oai_dc&" + bad), "badArgument", requestAttributes: false);
        }
    }

    [SkippableFact]
    public async Task Every_protocol_error_is_XML_with_status_200()
    {
        fixture.SkipUnlessAvailable();
        // badVerb: missing, unknown, repeated; the request element has no attributes.
        AssertError(await GetAsync(""), "badVerb", requestAttributes: false);
        AssertError(await GetAsync("verb=ListEverything"), "badVerb", requestAttributes: false);
        AssertError(await GetAsync("verb=Identify&verb=Identify"), "badVerb", requestAttributes: false);
        AssertError(await GetAsync("verb=identify"), "badVerb", requestAttributes: false);

        // badArgument: illegal, repeated, missing, empty, and a token beside other arguments.
        foreach (var query in new[]
                 {
                     "verb=Identify&metadataPrefix=oai_dc",
                     "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
                     "verb=ListRecords&metadataPrefix=oai_dc&set=type&set=donvi",
                     "verb=ListRecords",
                     "verb=ListIdentifiers&from=2020-01-01",
                     "verb=GetRecord&metadataPrefix=oai_dc",
                     "verb=GetRecord&identifier=" + Identifier(BenThanhInitiative),
                     "verb=ListRecords&metadataPrefix=",
                     "verb=ListRecords&metadataPrefix=oai_dc&foo=bar",
                     "verb=ListSets&set=type",
                     "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc",
                     "verb=ListMetadataFormats&identifier=" + Identifier(BenThanhInitiative) + "&identifier=x",
                 })
        {
            var document = await GetAsync(query);
            AssertError(document, "badArgument", requestAttributes: false);
        }

        // badResumptionToken: not a token, a token of another verb, a token for the sets.
        AssertError(await GetAsync("verb=ListRecords&resumptionToken=not-a-token"), "badResumptionToken");
        var first = Page(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc"), "ListIdentifiers");
        var token = first.Token!.Value;
        AssertError(await GetAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token)), "badResumptionToken");
        AssertError(await GetAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token[..^4] + "AAAA")), "badResumptionToken");
        AssertError(await GetAsync("verb=ListSets&resumptionToken=" + Uri.EscapeDataString(token)), "badResumptionToken");

        // An expired token of this site (tokens are stateless: their expiry travels inside, protected with the site's keys).
        var expired = await fixture.WithServicesAsync(sp => Task.FromResult(new ResumptionToken("ListIdentifiers", "oai_dc", null, null, null,
            new DateTime(2023, 5, 22, 3, 0, 0, DateTimeKind.Utc).Ticks, BenThanhInitiative, PageSize, DateTime.UtcNow.AddMinutes(-1).Ticks)
            .Protect(sp.GetRequiredService<IDataProtectionProvider>())));
        AssertError(await GetAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(expired)), "badResumptionToken");
        var valid = await fixture.WithServicesAsync(sp => Task.FromResult(new ResumptionToken("ListIdentifiers", "oai_dc", null, null, null,
            new DateTime(2023, 5, 22, 3, 0, 0, DateTimeKind.Utc).Ticks, BenThanhInitiative, PageSize, DateTime.UtcNow.AddMinutes(5).Ticks)
            .Protect(sp.GetRequiredService<IDataProtectionProvider>())));
        var resumed = Page(await GetAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(valid)), "ListIdentifiers");
        Assert.DoesNotContain(resumed.Records, r => r.Id == BenThanhInitiative);
        Assert.All(resumed.Records, r => Assert.True(string.CompareOrdinal(r.Datestamp, "2023-05-22T03:00:00Z") >= 0, r.Datestamp));
        Assert.Equal(PageSize.ToString(), (string?)resumed.Token!.Attribute("cursor"));

        // cannotDisseminateFormat.
        AssertError(await GetAsync("verb=ListRecords&metadataPrefix=marc21"), "cannotDisseminateFormat");
        AssertError(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_DC"), "cannotDisseminateFormat");
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=mods&identifier={Identifier(BenThanhInitiative)}"), "cannotDisseminateFormat");

        // idDoesNotExist: unknown items, another repository's identifiers, items of types that are not harvested.
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier("khong-co")}"), "idDoesNotExist");
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:example.org:{BenThanhInitiative}"), "idDoesNotExist");
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={BenThanhInitiative}"), "idDoesNotExist");
        AssertError(await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier("tax-criteria")}"), "idDoesNotExist");
        AssertError(await GetAsync($"verb=ListMetadataFormats&identifier={Identifier("khong-co")}"), "idDoesNotExist");

        // noRecordsMatch: an empty selection, a set the repository does not have.
        AssertError(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=donvi:khong-co"), "noRecordsMatch");
        AssertError(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:Page"), "noRecordsMatch");
        AssertError(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=donvi:phong-quan-1"), "noRecordsMatch"); // not the unit's full path

        // POST: the same answers from a form; another body is an illegal request.
        AssertError(await PostAsync(("verb", "ListRecords"), ("metadataPrefix", "marc21")), "cannotDisseminateFormat");
        AssertError(await PostAsync(("verb", "Nothing")), "badVerb", requestAttributes: false);
        using var client = fixture.CreateClient();
        using var json = await client.PostAsync("/oai", new StringContent("{\"verb\":\"Identify\"}", Encoding.UTF8, "application/json"));
        AssertError(await ReadAsync(json), "badArgument", requestAttributes: false);
    }

    [SkippableFact]
    public async Task An_item_page_links_the_record_that_the_repository_answers_for_it()
    {
        fixture.SkipUnlessAvailable();
        var record = await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(BenThanhInitiative)}");
        var page = new Uri(record.Descendants(Dc + "identifier").First(i => i.Value.StartsWith("http", StringComparison.Ordinal)).Value);

        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync(page.PathAndQuery);
        var link = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"alternate\" type=\"application/xml\"[^>]*href=\"([^\"]+)\"");
        Assert.True(link.Success, "the item page links its OAI-PMH record");
        var href = new Uri(new Uri("http://localhost"), System.Net.WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
        Assert.StartsWith("/oai?", href, StringComparison.Ordinal);

        var linked = await GetAsync(href["/oai?".Length..]);
        Assert.Equal(Identifier(BenThanhInitiative), linked.Descendants(Oai + "header").Single().Element(Oai + "identifier")!.Value);
        Assert.Equal("Đổi mới giờ ăn cho trẻ", linked.Descendants(Dc + "title").Single().Value);
    }

    [SkippableFact]
    public async Task Formats_records_and_sets_answer_with_the_request_arguments()
    {
        fixture.SkipUnlessAvailable();
        foreach (var document in new[] { await GetAsync("verb=ListMetadataFormats"), await GetAsync($"verb=ListMetadataFormats&identifier={Identifier(BenThanhInitiative)}") })
        {
            var format = Assert.Single(document.Root!.Element(Oai + "ListMetadataFormats")!.Elements());
            Assert.Equal("oai_dc", format.Element(Oai + "metadataPrefix")!.Value);
            Assert.Equal("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", format.Element(Oai + "schema")!.Value);
            Assert.Equal("http://www.openarchives.org/OAI/2.0/oai_dc/", format.Element(Oai + "metadataNamespace")!.Value);
        }

        var record = await PostAsync(("verb", "GetRecord"), ("identifier", Identifier(BenThanhInitiative)), ("metadataPrefix", "oai_dc"));
        Assert.Equal(["verb=GetRecord", $"identifier={Identifier(BenThanhInitiative)}", "metadataPrefix=oai_dc"],
            Request(record).Attributes().Select(a => a.Name.LocalName + "=" + a.Value));
        Assert.Equal("Đổi mới giờ ăn cho trẻ", record.Descendants(Dc + "title").Single().Value);

        // The sets: types, the organisation tree, criteria and school years, with their names from the data.
        var sets = (await GetAsync("verb=ListSets")).Root!.Element(Oai + "ListSets")!.Elements(Oai + "set")
            .ToDictionary(s => s.Element(Oai + "setSpec")!.Value, s => s.Element(Oai + "setName")!.Value);
        Assert.Equal("Sáng kiến", sets["type:Initiative"]);
        Assert.Equal("Trường Mầm non Bến Thành", sets["donvi:so-hcm:phong-quan-1:truong-mn-ben-thanh"]);
        Assert.Equal("Phòng Giáo dục và Đào tạo Quận 1", sets["donvi:so-hcm:phong-quan-1"]);
        Assert.Equal("2022–2023", sets["namhoc:2022-2023"]);
        Assert.Contains("Đánh giá sự tiến bộ của từng trẻ", sets.Values);
        foreach (var root in new[] { "type", "donvi", "tieuchi", "namhoc" })
        {
            Assert.True(sets.ContainsKey(root), root);
        }

        // Selective harvests: by unit (its subtree), by type, by school year.
        var district = (await HarvestAsync("metadataPrefix=oai_dc&set=donvi:so-hcm:phong-quan-1", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        Assert.Contains(district, r => r.Id == BenThanhInitiative);
        Assert.All(district.Where(r => !r.Deleted), r => Assert.Contains(r.Header.Elements(Oai + "setSpec"), s => s.Value.StartsWith("donvi:so-hcm:phong-quan-1", StringComparison.Ordinal)));
        var events = (await HarvestAsync("metadataPrefix=oai_dc&set=type:Event", "ListIdentifiers")).SelectMany(p => p.Records).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, r => Assert.Contains("type:Event", r.Header.Elements(Oai + "setSpec").Select(s => s.Value)));
        var year = (await HarvestAsync("metadataPrefix=oai_dc&set=namhoc:2022-2023")).SelectMany(p => p.Records).ToList();
        Assert.Contains(year, r => r.Id == BenThanhInitiative);
        Assert.All(year.Where(r => !r.Deleted), r => Assert.Contains("namhoc:2022-2023", r.Header.Elements(Oai + "setSpec").Select(s => s.Value)));
    }
}

public sealed class OaiPmhSqliteTests(OaiSqliteFixture fixture) : OaiPmhTests<OaiSqliteFixture>(fixture);

public sealed class OaiPmhPostgresTests(OaiPostgresFixture fixture) : OaiPmhTests<OaiPostgresFixture>(fixture);
