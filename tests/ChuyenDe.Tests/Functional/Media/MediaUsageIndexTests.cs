using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.HtmlBodyPart;
using ChuyenDe.Modules.Fields.MarkdownBodyPart;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Media;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// The media usage index follows every change of content: rows for the latest and published versions, from media fields
/// and from <c>/media/…</c> links in bodies, rewritten on save, publish, unpublish, discard and remove.
/// </summary>
public abstract class MediaUsageIndexTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static string Fresh(string name) => $"thu-nghiem/{name}-{Guid.NewGuid():N}.jpg";

    /// <summary>The rows of one item for these paths, each as <c>path:flags</c> (L latest, P published), in path order.</summary>
    private async Task<List<string>> RowsAsync(string contentItemId, params string[] paths)
    {
        var rows = new List<string>();
        foreach (var path in paths)
        {
            foreach (var entry in (await MediaTestSupport.UsageAsync(fixture, path)).Items.Where(i => i.ContentItemId == contentItemId))
            {
                rows.Add($"{path}:{(entry.Latest ? "L" : "")}{(entry.Published ? "P" : "")}");
            }
        }

        return rows;
    }

    [SkippableFact]
    public async Task Rows_follow_save_publish_discard_unpublish_and_remove()
    {
        fixture.SkipUnlessAvailable();
        var (a, b, c) = (Fresh("a"), Fresh("b"), Fresh("c nội dung"));
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến chỉ mục ảnh"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        var id = item.ContentItemId;
        Assert.Empty(await RowsAsync(id, a, b, c));

        await MediaTestSupport.SaveAsync(fixture, id, i => MediaTestSupport.SetImages(i, a), publish: false);
        Assert.Equal(new List<string> { a + ":L" }, await RowsAsync(id, a, b, c));

        await MediaTestSupport.SaveAsync(fixture, id, _ => { }, publish: true);
        Assert.Equal(new List<string> { a + ":LP" }, await RowsAsync(id, a, b, c));

        // A draft over the published version: b in a field, c linked from the Markdown body (percent-encoded).
        await MediaTestSupport.SaveAsync(fixture, id, i =>
        {
            MediaTestSupport.SetImages(i, b);
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"Xem ảnh ![lớp học]({MediaTestSupport.Url(c)}) và [tệp](https://example.org/media/khac.jpg).";
        }, publish: false);
        Assert.Equal(new List<string> { a + ":P", b + ":L", c + ":L" }, await RowsAsync(id, a, b, c));
        Assert.True((await MediaTestSupport.UsageAsync(fixture, a)).IsPublished);
        Assert.False((await MediaTestSupport.UsageAsync(fixture, b)).IsPublished);
        Assert.False((await MediaTestSupport.UsageAsync(fixture, "khac.jpg")).IsUsed);

        Assert.True(await MediaTestSupport.RunAsync(fixture, m => m.DiscardDraftAsync(id, ContentActor.System)));
        Assert.Equal(new List<string> { a + ":LP" }, await RowsAsync(id, a, b, c));

        await MediaTestSupport.SaveAsync(fixture, id, i => MediaTestSupport.SetImages(i, b), publish: true);
        Assert.Equal(new List<string> { b + ":LP" }, await RowsAsync(id, a, b, c));

        Assert.True(await MediaTestSupport.RunAsync(fixture, m => m.UnpublishAsync(id, ContentActor.System)));
        Assert.Equal(new List<string> { b + ":L" }, await RowsAsync(id, a, b, c));

        Assert.True(await MediaTestSupport.RunAsync(fixture, m => m.RemoveAsync(id, ContentActor.System)));
        Assert.Empty(await RowsAsync(id, a, b, c));
    }

    [SkippableFact]
    public async Task Every_sample_image_is_indexed_as_used_by_published_items_at_setup()
    {
        fixture.SkipUnlessAvailable();
        var samples = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IMediaStore>().ListAsync()))
            .Where(p => p.StartsWith("mau/", StringComparison.Ordinal) && p.EndsWith(".jpg", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(samples);
        // The sample's other file, the Hòa Bình round's plan document, is a report round's attachment, not an item's.

        foreach (var path in samples)
        {
            Assert.True((await MediaTestSupport.UsageAsync(fixture, path)).IsPublished, $"{path} is not used by a published item.");
        }
    }

    [SkippableFact]
    public async Task An_empty_index_is_filled_once_from_the_stored_content()
    {
        fixture.SkipUnlessAvailable();
        var (indexed, usage, again) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Set<MediaUsageRecord>().ExecuteDeleteAsync();
            Assert.Equal(0, await db.Set<MediaUsageRecord>().CountAsync());
            var indexed = await MediaUsageBackfill.RunAsync(sp, CancellationToken.None);
            var usage = await sp.GetRequiredService<IMediaUsage>().GetAsync(MediaTestSupport.SampleImage);
            var again = await MediaUsageBackfill.RunAsync(sp, CancellationToken.None);
            await transaction.RollbackAsync();
            return (indexed, usage, again);
        });

        Assert.True(indexed >= 40, $"{indexed} items indexed");
        Assert.True(usage.IsPublished);
        Assert.Equal(0, again);
        Assert.True((await MediaTestSupport.UsageAsync(fixture, MediaTestSupport.SampleImage)).IsPublished);
    }

    [Fact]
    public void Links_in_bodies_are_found_in_Markdown_and_HTML_and_unsafe_ones_left_out()
    {
        var type = new ContentTypeDefinition
        {
            Name = "Page",
            DisplayName = "Trang",
            Settings = new(),
            Parts =
            [
                new() { Name = "MarkdownBodyPart", PartName = "MarkdownBodyPart", Settings = new(), PartDefinition = new() { Name = "MarkdownBodyPart", Settings = new(), Fields = [] } },
                new() { Name = "HtmlBodyPart", PartName = "HtmlBodyPart", Settings = new(), PartDefinition = new() { Name = "HtmlBodyPart", Settings = new(), Fields = [] } },
            ],
        };
        var item = new ContentItem { ContentType = "Page" };
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] =
            "![a](/media/mau/a.jpg) [b](</media/tai%20lieu/k%E1%BA%BF.pdf>) ![x](/media/../x.jpg) ![y](/media/.derivatives/y.jpg) [z](/mediax/z.jpg)\n[ref]: /media/mau/ref.png";
        item.GetOrCreatePart("HtmlBodyPart")["Html"] =
            "<img src=\"/media/mau/h.webp?v=2\" alt=\"\"><a href='/media/mau/a&amp;b.docx#p'>t</a><img src=\"//evil.example/media/e.jpg\">";

        var renderer = new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();
        var localizer = new StringLocalizer<FieldsResources>(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var kinds = ContentKindRules.Of([], [new MarkdownBodyPartDriver(renderer, localizer, null!), new HtmlBodyPartDriver(renderer, localizer, null!)]);

        var paths = MediaUsageIndexer.PathsOf(kinds, item, type).ToList();

        Assert.Equal(["mau/a&b.docx", "mau/a.jpg", "mau/h.webp", "mau/ref.png", "tai lieu/kế.pdf"], paths);
    }
}

public sealed class MediaUsageIndexSqliteTests(SqliteSiteFixture fixture) : MediaUsageIndexTests<SqliteSiteFixture>(fixture);

public sealed class MediaUsageIndexPostgresTests(PostgresSiteFixture fixture) : MediaUsageIndexTests<PostgresSiteFixture>(fixture);
