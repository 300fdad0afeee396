using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// <c>/mo-hinh-diem</c> filtered by theme and level as a visitor uses it: a GET form with labels, the matching model
/// sites only (alone and combined), a Vietnamese sentence when none match, the filters kept in the canonical address
/// in a fixed order and by the pager; the feed stays the whole list.
/// </summary>
public abstract class ModelSiteFilterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PageAsync(string url)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(url);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static IReadOnlyList<string> CardTitles(IHtmlDocument page)
        => page.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

    private async Task<IReadOnlyList<string>> ModelSitesChoosingAsync(params string[] termIds)
    {
        var page = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery
        {
            ContentTypes = ["ModelSite"], TermGroups = termIds.Select(t => (IReadOnlyCollection<string>)[t]).ToList(), PageSize = 100,
        }));
        return page.Items.Select(i => i.DisplayText).Order(StringComparer.Ordinal).ToList();
    }

    [SkippableFact]
    public async Task The_filter_form_is_a_labelled_GET_form_of_themes_and_levels()
    {
        fixture.SkipUnlessAvailable();
        var (response, page) = await PageAsync("/mo-hinh-diem?theme=theme-steam");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form.list-filters")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/mo-hinh-diem", form.GetAttribute("action"));
        foreach (var (name, label) in new[] { ("theme", "Nội dung mô hình"), ("level", "Cấp công nhận") })
        {
            var select = form.QuerySelector($"select[name={name}]")!;
            Assert.Equal(label, form.QuerySelector($"label[for='{select.Id}']")!.TextContent.Trim());
            Assert.Equal("Tất cả", select.QuerySelector("option")!.TextContent.Trim());
        }

        Assert.Equal("theme-steam", form.QuerySelector("select[name=theme] option[selected]")!.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("select[name=level] option"), o => o.GetAttribute("value") == "level-tinh-thanh" && o.TextContent.Trim().Length > 0);
        Assert.Null(form.QuerySelector("select[name=level] option[selected]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [SkippableFact]
    public async Task Filtering_by_theme_by_level_and_by_both_lists_the_matching_model_sites()
    {
        fixture.SkipUnlessAvailable();
        var steam = await ModelSitesChoosingAsync("theme-steam");
        Assert.Equal(2, steam.Count);
        Assert.Equal(steam, CardTitles((await PageAsync("/mo-hinh-diem?theme=theme-steam")).Page));

        var province = await ModelSitesChoosingAsync("level-tinh-thanh");
        Assert.Equal(3, province.Count);
        Assert.Equal(province, CardTitles((await PageAsync("/mo-hinh-diem?level=level-tinh-thanh")).Page));

        var both = await ModelSitesChoosingAsync("theme-steam", "level-truong");
        Assert.Single(both);
        var (_, page) = await PageAsync("/mo-hinh-diem?level=level-truong&theme=theme-steam");
        Assert.Equal(both, CardTitles(page));
        Assert.Equal("1 nội dung", page.QuerySelector(".results-count")!.TextContent.Trim());

        var all = CardTitles((await PageAsync("/mo-hinh-diem")).Page);
        Assert.True(all.Count > both.Count);
    }

    [SkippableFact]
    public async Task A_combination_that_matches_nothing_says_so_in_Vietnamese()
    {
        fixture.SkipUnlessAvailable();
        Assert.Empty(await ModelSitesChoosingAsync("theme-chuyen-doi-so", "level-truong"));
        var (response, page) = await PageAsync("/mo-hinh-diem?theme=theme-chuyen-doi-so&level=level-truong");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(CardTitles(page));
        Assert.Equal("Không có mô hình điểm nào phù hợp với bộ lọc. Hãy chọn nội dung hoặc cấp khác, hoặc bỏ lọc.", page.QuerySelector(".empty")!.TextContent.Trim());
        Assert.Equal("/mo-hinh-diem", page.QuerySelectorAll("form.list-filters a").Single().GetAttribute("href"));
    }

    [SkippableFact]
    public async Task The_canonical_address_keeps_the_filters_in_a_fixed_order_and_drops_the_rest()
    {
        fixture.SkipUnlessAvailable();
        var (_, page) = await PageAsync("/mo-hinh-diem?utm_source=zalo&level=level-truong&theme=theme-steam");
        Assert.Equal("http://localhost/mo-hinh-diem?theme=theme-steam&level=level-truong", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        // A value that is no theme is ignored: the whole list, with the list's own address.
        var (unknown, unknownPage) = await PageAsync("/mo-hinh-diem?theme=khong-co");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("http://localhost/mo-hinh-diem", unknownPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Paging_keeps_the_filters_and_the_feed_stays_the_whole_list()
    {
        fixture.SkipUnlessAvailable();
        // Enough district-level model sites for two pages.
        var district = await ModelSitesChoosingAsync("level-quan-huyen");
        for (var i = district.Count; i < 13; i++)
        {
            await fixture.WithServicesAsync(async sp =>
            {
                var contents = sp.GetRequiredService<IContentManager>();
                var site = await contents.NewAsync("ModelSite");
                site.GetOrCreatePart("TitlePart")["Title"] = Admin.ContentAdminSupport.FreshTitle("Trường Mầm non mô hình quận");
                site.GetOrCreateField("ModelSite", "Summary")["Text"] = "Mô hình điểm cấp quận.";
                site.GetOrCreateField("ModelSite", "Theme")["TermContentItemIds"] = new System.Text.Json.Nodes.JsonArray("theme-moi-truong-hoc-tap");
                site.GetOrCreateField("ModelSite", "Level")["TermContentItemIds"] = new System.Text.Json.Nodes.JsonArray("level-quan-huyen");
                site.GetOrCreateField("ModelSite", "Address")["Text"] = "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh";
                var result = await contents.PublishAsync(site, ContentActor.System);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
                return result;
            });
        }

        var (_, first) = await PageAsync("/mo-hinh-diem?level=level-quan-huyen");
        Assert.Equal(12, first.QuerySelectorAll(".card-title a").Length);
        Assert.Equal("/mo-hinh-diem?level=level-quan-huyen&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var (second, secondPage) = await PageAsync("/mo-hinh-diem?level=level-quan-huyen&page=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("http://localhost/mo-hinh-diem?level=level-quan-huyen&page=2", secondPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var shown = CardTitles(first).Concat(CardTitles(secondPage)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(await ModelSitesChoosingAsync("level-quan-huyen"), shown);

        using var client = fixture.CreateClient();
        async Task<IReadOnlyList<string>> FeedTitlesAsync(string url)
        {
            using var reader = System.Xml.XmlReader.Create(await client.GetStreamAsync(url));
            return System.ServiceModel.Syndication.SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text).ToList();
        }

        var whole = await FeedTitlesAsync("/mo-hinh-diem/feed");
        Assert.Equal(whole, await FeedTitlesAsync("/mo-hinh-diem/feed?level=level-truong"));
        Assert.Contains(whole, t => t.Contains("Cửu Long", StringComparison.Ordinal)); // a provincial model site, whatever the filter
    }
}

public sealed class ModelSiteFilterSqliteTests(SqliteSiteFixture fixture) : ModelSiteFilterTests<SqliteSiteFixture>(fixture);

public sealed class ModelSiteFilterPostgresTests(PostgresSiteFixture fixture) : ModelSiteFilterTests<PostgresSiteFixture>(fixture);
