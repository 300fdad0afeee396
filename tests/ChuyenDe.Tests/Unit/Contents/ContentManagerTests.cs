using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Contents;

/// <summary>Orchard Core's version semantics, validation, routes and events with the setup recipe's types.</summary>
public sealed class ContentManagerTests
{
    private static readonly ContentActor Lan = new("user-lan", "lan.nguyen");

    private static async Task<TestHost> CreateHostAsync(Action<IServiceCollection>? configure = null)
    {
        var host = await TestHost.CreateAsync(configureServices: configure);
        await host.RunSetupRecipeAsync();
        return host;
    }

    private static Task<T> WithContents<T>(TestHost host, Func<IContentManager, Task<T>> work)
        => host.InScopeAsync(sp => work(sp.GetRequiredService<IContentManager>()));

    private static async Task<ContentItem> SaveAsync(TestHost host, Func<IContentManager, Task<ContentItem>> build, bool publish)
    {
        var result = await WithContents(host, async contents =>
        {
            var item = await build(contents);
            return publish ? await contents.PublishAsync(item, Lan) : await contents.SaveDraftAsync(item, Lan);
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Message}")));
        return result.Item!;
    }

    private static string? Title(ContentItem? item) => item?.Part("TitlePart")?["Title"]?.GetValue<string>();

    private static string? RoutePath(ContentItem? item) => item?.Part("AutoroutePart")?["Path"]?.GetValue<string>();

    private static void UseVietnamese() => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("vi-VN");

    [Fact]
    public async Task A_new_item_saved_as_draft_is_the_latest_version_but_not_published()
    {
        await using var host = await CreateHostAsync();

        var draft = await SaveAsync(host, c => Items.NewArticleAsync(c, "Bé vui đến trường"), publish: false);

        Assert.True(draft.Latest);
        Assert.False(draft.Published);
        Assert.Equal("user-lan", draft.Owner);
        Assert.Equal("lan.nguyen", draft.Author);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, draft.CreatedUtc);
        await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = await contents.GetAsync(draft.ContentItemId, VersionOptions.Latest);
            Assert.NotNull(latest);
            Assert.Equal("Bé vui đến trường", latest.DisplayText);
            Assert.False(latest.Published);
            Assert.Null(await contents.GetAsync(draft.ContentItemId, VersionOptions.Published));
            Assert.Null(await contents.GetAsync(draft.ContentItemId));
            Assert.Single(await contents.ListVersionsAsync(draft.ContentItemId));
            Assert.Null(await sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync(RoutePath(latest)!));
        });
    }

    [Fact]
    public async Task Publishing_makes_the_item_visible_with_its_publication_time()
    {
        await using var host = await CreateHostAsync();
        var draft = await SaveAsync(host, c => Items.NewArticleAsync(c, "Hội thi bé khỏe"), publish: false);
        host.Clock.Advance(TimeSpan.FromHours(2));

        var result = await WithContents(host, c => c.PublishLatestAsync(draft.ContentItemId, Lan));

        Assert.True(result.Succeeded);
        await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var published = await contents.GetAsync(draft.ContentItemId);
            Assert.NotNull(published);
            Assert.True(published.Published);
            Assert.True(published.Latest);
            Assert.Equal(draft.ContentItemVersionId, published.ContentItemVersionId);
            Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, published.PublishedUtc);
            var byPath = await sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("tin-tuc/hoi-thi-be-khoe");
            Assert.Equal(draft.ContentItemId, byPath?.ContentItemId);
        });
    }

    [Fact]
    public async Task Editing_a_published_item_makes_a_new_draft_version_and_the_published_one_stays_until_the_draft_is_published()
    {
        await using var host = await CreateHostAsync();
        var v1 = await SaveAsync(host, c => Items.NewInitiativeAsync(c, "Bé tự phục vụ trong giờ ăn"), publish: true);
        var id = v1.ContentItemId;

        host.Clock.Advance(TimeSpan.FromDays(1));
        var v2 = await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(id, VersionOptions.Latest))!;
            copy.GetOrCreatePart("TitlePart")["Title"] = "Bé tự phục vụ trong giờ ăn (bản sửa)";
            copy.GetOrCreateField("Initiative", "Summary")["Text"] = "Tóm tắt mới.";
            return copy;
        }, publish: false);

        Assert.NotEqual(v1.ContentItemVersionId, v2.ContentItemVersionId);
        Assert.Equal(id, v2.ContentItemId);
        await WithContents(host, async c =>
        {
            var published = await c.GetAsync(id, VersionOptions.Published);
            Assert.NotNull(published);
            Assert.Equal(v1.ContentItemVersionId, published.ContentItemVersionId);
            Assert.Equal("Bé tự phục vụ trong giờ ăn", published.DisplayText);
            Assert.Equal("Trẻ tự chọn món, tự xúc cơm và dọn bàn sau bữa ăn.", published.Field("Initiative", "Summary")!["Text"]!.GetValue<string>());
            Assert.True(published.Published);
            Assert.False(published.Latest);

            var latest = await c.GetAsync(id, VersionOptions.Latest);
            Assert.NotNull(latest);
            Assert.Equal(v2.ContentItemVersionId, latest.ContentItemVersionId);
            Assert.Equal("Bé tự phục vụ trong giờ ăn (bản sửa)", latest.DisplayText);
            Assert.False(latest.Published);
            Assert.Equal(2, (await c.ListVersionsAsync(id)).Count);
            return 0;
        });

        var publishResult = await WithContents(host, c => c.PublishLatestAsync(id, Lan));
        Assert.True(publishResult.Succeeded);

        await WithContents(host, async c =>
        {
            var published = await c.GetAsync(id);
            Assert.Equal(v2.ContentItemVersionId, published?.ContentItemVersionId);
            Assert.Equal("Tóm tắt mới.", published!.Field("Initiative", "Summary")!["Text"]!.GetValue<string>());
            var old = await c.GetVersionAsync(v1.ContentItemVersionId);
            Assert.NotNull(old);
            Assert.False(old.Published);
            Assert.False(old.Latest);

            var versions = await c.ListVersionsAsync(id);
            Assert.Equal(2, versions.Count);
            Assert.Equal([v2.ContentItemVersionId, v1.ContentItemVersionId], versions.Select(v => v.ContentItemVersionId));
            Assert.Single(versions, v => v.Published);
            Assert.Single(versions, v => v.Latest);
            return 0;
        });
    }

    [Fact]
    public async Task Publishing_an_edited_copy_replaces_the_published_version()
    {
        await using var host = await CreateHostAsync();
        var v1 = await SaveAsync(host, c => Items.NewArticleAsync(c, "Tập huấn giáo viên"), publish: true);

        var v2 = await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(v1.ContentItemId, VersionOptions.Latest))!;
            copy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Nội dung đã cập nhật.";
            return copy;
        }, publish: true);

        await WithContents(host, async c =>
        {
            var versions = await c.ListVersionsAsync(v1.ContentItemId);
            Assert.Equal(v2.ContentItemVersionId, versions[0].ContentItemVersionId);
            var published = Assert.Single(versions, v => v.Published);
            Assert.Equal(v2.ContentItemVersionId, published.ContentItemVersionId);
            Assert.Equal("Nội dung đã cập nhật.", published.Part("MarkdownBodyPart")!["Markdown"]!.GetValue<string>());
            Assert.False(versions.Single(v => v.ContentItemVersionId == v1.ContentItemVersionId).Published);
            return 0;
        });
    }

    [Fact]
    public async Task Unpublishing_hides_the_item_but_keeps_it_as_a_draft()
    {
        await using var host = await CreateHostAsync();
        var item = await SaveAsync(host, c => Items.NewArticleAsync(c, "Ngày hội đến trường"), publish: true);

        Assert.True(await WithContents(host, c => c.UnpublishAsync(item.ContentItemId, Lan)));

        await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            Assert.Null(await contents.GetAsync(item.ContentItemId));
            var latest = await contents.GetAsync(item.ContentItemId, VersionOptions.Latest);
            Assert.NotNull(latest);
            Assert.False(latest.Published);
            Assert.Null(await sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("tin-tuc/ngay-hoi-den-truong"));
        });
        Assert.False(await WithContents(host, c => c.UnpublishAsync(item.ContentItemId, Lan)));
    }

    [Fact]
    public async Task Discarding_a_draft_makes_the_published_version_the_latest_again()
    {
        await using var host = await CreateHostAsync();
        var v1 = await SaveAsync(host, c => Items.NewArticleAsync(c, "Vườn rau của bé"), publish: true);
        var draft = await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(v1.ContentItemId, VersionOptions.Latest))!;
            copy.GetOrCreatePart("TitlePart")["Title"] = "Vườn rau của bé – bản nháp";
            return copy;
        }, publish: false);

        Assert.True(await WithContents(host, c => c.DiscardDraftAsync(v1.ContentItemId, Lan)));

        await WithContents(host, async c =>
        {
            var latest = await c.GetAsync(v1.ContentItemId, VersionOptions.Latest);
            Assert.NotNull(latest);
            Assert.Equal(v1.ContentItemVersionId, latest.ContentItemVersionId);
            Assert.Equal("Vườn rau của bé", latest.DisplayText);
            Assert.True(latest.Published);
            Assert.True(latest.Latest);
            Assert.Equal(v1.ContentItemVersionId, (await c.GetAsync(v1.ContentItemId))?.ContentItemVersionId);
            var discarded = await c.GetVersionAsync(draft.ContentItemVersionId);
            Assert.False(discarded!.Latest);
            Assert.False(discarded.Published);
            Assert.DoesNotContain(await c.ListVersionsAsync(v1.ContentItemId), v => v.Latest && v.DisplayText.Contains("bản nháp", StringComparison.Ordinal));
            return 0;
        });
        Assert.False(await WithContents(host, c => c.DiscardDraftAsync(v1.ContentItemId, Lan)));
    }

    [Fact]
    public async Task Removing_an_item_hides_every_version_but_keeps_the_rows()
    {
        await using var host = await CreateHostAsync();
        var v1 = await SaveAsync(host, c => Items.NewArticleAsync(c, "Bé với giao thông"), publish: true);
        await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(v1.ContentItemId, VersionOptions.Latest))!;
            copy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Nháp.";
            return copy;
        }, publish: false);

        Assert.True(await WithContents(host, c => c.RemoveAsync(v1.ContentItemId, Lan)));

        await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            Assert.Null(await contents.GetAsync(v1.ContentItemId, VersionOptions.Latest));
            Assert.Null(await contents.GetAsync(v1.ContentItemId, VersionOptions.Published));
            var versions = await contents.ListVersionsAsync(v1.ContentItemId);
            Assert.Equal(2, versions.Count);
            Assert.All(versions, v => Assert.False(v.Latest || v.Published));
            Assert.Null(await sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("tin-tuc/be-voi-giao-thong"));
            var page = await sp.GetRequiredService<IContentQueryService>().QueryAsync(new ContentQuery { ContentTypes = ["Article"] });
            Assert.DoesNotContain(page.Items, i => i.ContentItemId == v1.ContentItemId);
        });
        Assert.False(await WithContents(host, c => c.RemoveAsync(v1.ContentItemId, Lan)));
    }

    [Fact]
    public async Task Cloning_makes_a_new_draft_item_with_its_own_route()
    {
        await using var host = await CreateHostAsync();
        var source = await SaveAsync(host, c => Items.NewArticleAsync(c, "Góc thiên nhiên"), publish: true);

        var result = await WithContents(host, c => c.CloneAsync(source.ContentItemId, new ContentActor("user-mai", "mai.tran")));

        Assert.True(result.Succeeded);
        var clone = result.Item!;
        Assert.NotEqual(source.ContentItemId, clone.ContentItemId);
        Assert.False(clone.Published);
        Assert.True(clone.Latest);
        Assert.Equal("Góc thiên nhiên", clone.DisplayText);
        Assert.Equal("user-mai", clone.Owner);
        Assert.Equal("tin-tuc/goc-thien-nhien", RoutePath(source));
        Assert.NotEqual(RoutePath(source), RoutePath(clone));
        Assert.Equal("tin-tuc/goc-thien-nhien-2", RoutePath(clone));
        await WithContents(host, async c =>
        {
            Assert.Null(await c.GetAsync(clone.ContentItemId));
            Assert.Equal(source.ContentItemVersionId, (await c.GetAsync(source.ContentItemId))?.ContentItemVersionId);
            return 0;
        });
    }

    [Fact]
    public async Task A_scheduled_draft_is_published_only_once_its_time_has_come()
    {
        await using var host = await CreateHostAsync();
        var due = host.Clock.GetUtcNow().AddDays(1);
        var draft = await SaveAsync(host, async c =>
        {
            var item = await Items.NewArticleAsync(c, "Thông báo tuyển sinh");
            item.GetOrCreatePart("PublishLaterPart")["ScheduledPublishUtc"] = due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return item;
        }, publish: false);

        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<IScheduledPublisher>().PublishDueAsync()));
        Assert.Null(await WithContents(host, c => c.GetAsync(draft.ContentItemId)));

        host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<IScheduledPublisher>().PublishDueAsync()));

        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<IScheduledPublisher>().PublishDueAsync()));

        var published = await WithContents(host, c => c.GetAsync(draft.ContentItemId));
        Assert.NotNull(published);
        Assert.Equal(draft.ContentItemVersionId, published.ContentItemVersionId);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, published.PublishedUtc);
        Assert.Null(published.Part("PublishLaterPart")?["ScheduledPublishUtc"]);
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<IScheduledPublisher>().PublishDueAsync()));
    }

    [Fact]
    public async Task Missing_required_fields_are_reported_in_Vietnamese_and_nothing_is_saved()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();
        var before = await host.SnapshotAsync();

        var (id, result) = await WithContents(host, async c =>
        {
            var item = await c.NewAsync("Initiative");
            item.GetOrCreatePart("TitlePart")["Title"] = "Sáng kiến chưa đủ thông tin";
            return (item.ContentItemId, await c.SaveDraftAsync(item, Lan));
        });

        Assert.False(result.Succeeded);
        Assert.Null(result.Item);
        var keys = result.Errors.Select(e => e.Key).ToHashSet();
        Assert.Contains("Initiative.Summary", keys);
        Assert.Contains("Initiative.Authors", keys);
        Assert.Contains("Initiative.SchoolYear", keys);
        Assert.Contains("Initiative.Criteria", keys);
        Assert.All(result.Errors, e => Assert.Contains("Vui lòng", e.Message, StringComparison.Ordinal));
        Assert.Equal("Vui lòng nhập Tóm tắt.", result.Errors.Single(e => e.Key == "Initiative.Summary").Message);
        Assert.Equal("Vui lòng chọn Nội dung chuyên đề.", result.Errors.Single(e => e.Key == "Initiative.Criteria").Message);

        Assert.Empty(await WithContents(host, c => c.ListVersionsAsync(id)));
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task A_missing_title_is_reported_in_Vietnamese()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var result = await WithContents(host, async c =>
        {
            var item = await Items.NewArticleAsync(c, "   ");
            return await c.PublishAsync(item, Lan);
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal("TitlePart.Title", error.Key);
        Assert.Equal("Vui lòng nhập tiêu đề.", error.Message);
    }

    public static TheoryData<string, string> InvalidModelSites => new()
    {
        { "latitude-out-of-range", "ModelSite.Latitude" },
        { "term-of-another-taxonomy", "ModelSite.Theme" },
        { "two-terms-on-unique-field", "ModelSite.Level" },
        { "javascript-link", "ModelSite.Website" },
        { "negative-children-count", "ModelSite.ChildrenCount" },
    };

    [Theory]
    [MemberData(nameof(InvalidModelSites))]
    public async Task An_invalid_field_is_rejected_with_its_key_and_nothing_is_saved(string problem, string expectedKey)
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        // The same item without the problem is valid: the error below comes from the problem alone.
        var valid = await WithContents(host, async c => await c.ValidateAsync(await Items.NewModelSiteAsync(c, "Trường Mầm non Bến Thành")));
        Assert.Empty(valid);
        var before = await host.SnapshotAsync();

        var (id, result) = await WithContents(host, async c =>
        {
            var item = await Items.NewModelSiteAsync(c, "Trường Mầm non Bến Thành");
            switch (problem)
            {
                case "latitude-out-of-range":
                    item.GetOrCreateField("ModelSite", "Latitude")["Value"] = 120;
                    break;
                case "term-of-another-taxonomy":
                    item.GetOrCreateField("ModelSite", "Theme")["TermContentItemIds"] = new JsonArray("crit-1");
                    break;
                case "two-terms-on-unique-field":
                    item.GetOrCreateField("ModelSite", "Level")["TermContentItemIds"] = new JsonArray("level-truong", "level-quan-huyen");
                    break;
                case "javascript-link":
                    item.GetOrCreateField("ModelSite", "Website")["Url"] = "javascript:alert(1)";
                    break;
                case "negative-children-count":
                    item.GetOrCreateField("ModelSite", "ChildrenCount")["Value"] = -5;
                    break;
            }

            return (item.ContentItemId, await c.PublishAsync(item, Lan));
        });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedKey, error.Key);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Empty(await WithContents(host, c => c.ListVersionsAsync(id)));
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task Validation_messages_name_the_field_and_the_limit_in_Vietnamese()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var errors = await WithContents(host, async c =>
        {
            var item = await Items.NewModelSiteAsync(c, "Trường Mầm non Tân Định");
            item.GetOrCreateField("ModelSite", "Latitude")["Value"] = 120;
            item.GetOrCreateField("ModelSite", "Website")["Url"] = "javascript:alert(1)";
            return await c.ValidateAsync(item);
        });

        Assert.Equal("Vĩ độ phải nhỏ hơn hoặc bằng 90.", errors.Single(e => e.Key == "ModelSite.Latitude").Message);
        Assert.Equal("Trang web của trường phải là địa chỉ web bắt đầu bằng http:// hoặc https://.",
            errors.Single(e => e.Key == "ModelSite.Website").Message);
    }

    [Theory]
    [InlineData("//evil.example/dang-nhap")]
    [InlineData("/\\evil.example/dang-nhap")]
    [InlineData("\\\\evil.example/dang-nhap")]
    [InlineData("/\t/evil.example")]
    public async Task A_link_field_refuses_an_address_that_leads_to_another_host_without_a_scheme(string url)
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var errors = await WithContents(host, async c =>
        {
            var item = await Items.NewModelSiteAsync(c, "Trường Mầm non Tân Định");
            item.GetOrCreateField("ModelSite", "Website")["Url"] = url;
            return await c.ValidateAsync(item);
        });

        Assert.Equal("Trang web của trường: địa chỉ bắt đầu bằng // hoặc dấu \\ sẽ dẫn sang một trang web khác; hãy ghi đầy đủ địa chỉ bắt đầu bằng https://.",
            errors.Single(e => e.Key == "ModelSite.Website").Message);
    }

    [Fact]
    public async Task Whole_numbers_set_in_code_are_accepted_and_huge_numbers_are_rejected_not_thrown()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var saved = await SaveAsync(host, async c =>
        {
            var item = await Items.NewModelSiteAsync(c, "Trường Mầm non Hoa Lư");
            item.GetOrCreateField("ModelSite", "ChildrenCount")["Value"] = 350;
            item.GetOrCreateField("ModelSite", "ClassCount")["Value"] = 12L;
            item.GetOrCreateField("ModelSite", "Longitude")["Value"] = 106.7;
            return item;
        }, publish: true);
        var read = await WithContents(host, c => c.GetAsync(saved.ContentItemId));
        Assert.Equal(350, read!.Field("ModelSite", "ChildrenCount")!["Value"]!.GetValue<int>());

        var errors = await WithContents(host, async c =>
        {
            var item = await Items.NewModelSiteAsync(c, "Trường Mầm non Số Lớn");
            item.GetOrCreateField("ModelSite", "Latitude")["Value"] = 1e300;
            item.GetOrCreateField("ModelSite", "ChildrenCount")["Value"] = 12.5f;
            return await c.ValidateAsync(item);
        });
        Assert.Equal("Vĩ độ phải là một số.", errors.Single(e => e.Key == "ModelSite.Latitude").Message);
        Assert.Equal("Số trẻ chỉ cho phép tối đa 0 chữ số sau dấu phẩy.", errors.Single(e => e.Key == "ModelSite.ChildrenCount").Message);
    }

    [Fact]
    public async Task Initiative_terms_must_come_from_the_field_taxonomy_and_unique_fields_take_one_term()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var result = await WithContents(host, async c =>
        {
            var item = await Items.NewInitiativeAsync(c, "Sáng kiến góc chơi");
            item.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-2", "age-3-4");
            item.GetOrCreateField("Initiative", "SchoolYear")["TermContentItemIds"] = new JsonArray("sy-2023-2024", "sy-2024-2025");
            return await c.SaveDraftAsync(item, Lan);
        });

        Assert.False(result.Succeeded);
        Assert.Equal(["Initiative.Criteria", "Initiative.SchoolYear"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Nội dung chuyên đề: mục đã chọn không thuộc danh mục này.", result.Errors.Single(e => e.Key == "Initiative.Criteria").Message);
        Assert.Equal("Năm học chỉ cho phép chọn một mục.", result.Errors.Single(e => e.Key == "Initiative.SchoolYear").Message);
    }

    [Fact]
    public async Task Article_routes_follow_the_pattern_and_are_unique()
    {
        await using var host = await CreateHostAsync();

        var first = await SaveAsync(host, c => Items.NewArticleAsync(c, "Đổi mới giờ ăn cho trẻ"), publish: true);
        var second = await SaveAsync(host, c => Items.NewArticleAsync(c, "Đổi mới giờ ăn cho trẻ"), publish: false);

        Assert.Equal("tin-tuc/doi-moi-gio-an-cho-tre", RoutePath(first));
        Assert.Equal("tin-tuc/doi-moi-gio-an-cho-tre-2", RoutePath(second));
        await host.InScopeAsync(async sp =>
        {
            var query = sp.GetRequiredService<IContentQueryService>();
            Assert.Equal(first.ContentItemId, (await query.GetPublishedByPathAsync("tin-tuc/doi-moi-gio-an-cho-tre"))?.ContentItemId);
            Assert.Equal(first.ContentItemId, (await query.GetPublishedByPathAsync("/tin-tuc/doi-moi-gio-an-cho-tre/"))?.ContentItemId);
            Assert.Null(await query.GetPublishedByPathAsync("tin-tuc/doi-moi-gio-an-cho-tre-2"));
        });

        Assert.True((await WithContents(host, c => c.PublishLatestAsync(second.ContentItemId, Lan))).Succeeded);
        var found = await host.InScopeAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("tin-tuc/doi-moi-gio-an-cho-tre-2"));
        Assert.Equal(second.ContentItemId, found?.ContentItemId);
    }

    [Fact]
    public async Task A_typed_page_address_becomes_a_slug_path_and_must_be_free()
    {
        UseVietnamese();
        await using var host = await CreateHostAsync();

        var taken = await WithContents(host, async c =>
        {
            var page = await c.NewAsync("Page");
            page.GetOrCreatePart("TitlePart")["Title"] = "Giới thiệu khác";
            page.GetOrCreatePart("AutoroutePart")["Path"] = "gioi-thieu";
            return await c.PublishAsync(page, Lan);
        });
        var error = Assert.Single(taken.Errors);
        Assert.Equal("AutoroutePart.Path", error.Key);
        Assert.Equal("Đường dẫn gioi-thieu đã được dùng cho một nội dung khác.", error.Message);
        var original = await host.InScopeAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("gioi-thieu"));
        Assert.Equal("page-gioi-thieu", original?.ContentItemId);

        var typed = await WithContents(host, async c =>
        {
            var page = await c.NewAsync("Page");
            page.GetOrCreatePart("TitlePart")["Title"] = "Liên hệ";
            page.GetOrCreatePart("AutoroutePart")["Path"] = "Liên Hệ/Phòng Giáo dục";
            page.GetOrCreatePart("HtmlBodyPart")["Html"] = "<p>Địa chỉ liên hệ.</p>";
            return await c.PublishAsync(page, Lan);
        });
        Assert.True(typed.Succeeded);
        Assert.Equal("lien-he/phong-giao-duc", RoutePath(typed.Item));

        var again = await WithContents(host, async c =>
        {
            var page = await c.NewAsync("Page");
            page.GetOrCreatePart("TitlePart")["Title"] = "Liên hệ lại";
            page.GetOrCreatePart("AutoroutePart")["Path"] = "lien-he/phong-giao-duc";
            return await c.PublishAsync(page, Lan);
        });
        Assert.Equal("AutoroutePart.Path", Assert.Single(again.Errors).Key);
        Assert.Equal("Đường dẫn lien-he/phong-giao-duc đã được dùng cho một nội dung khác.", again.Errors[0].Message);

        var shown = await host.InScopeAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("lien-he/phong-giao-duc"));
        Assert.Equal(typed.Item!.ContentItemId, shown?.ContentItemId);
    }

    [Fact]
    public async Task A_draft_of_a_published_item_does_not_change_what_its_address_shows()
    {
        await using var host = await CreateHostAsync();
        var published = await SaveAsync(host, c => Items.NewArticleAsync(c, "Sân chơi cát nước"), publish: true);
        await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(published.ContentItemId, VersionOptions.Latest))!;
            copy.GetOrCreatePart("TitlePart")["Title"] = "Sân chơi cát nước (đang sửa)";
            return copy;
        }, publish: false);

        var shown = await host.InScopeAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync("tin-tuc/san-choi-cat-nuoc"));

        Assert.NotNull(shown);
        Assert.Equal(published.ContentItemVersionId, shown.ContentItemVersionId);
        Assert.Equal("Sân chơi cát nước", shown.DisplayText);
    }

    [Fact]
    public async Task Text_written_in_NFD_is_stored_in_NFC()
    {
        await using var host = await CreateHostAsync();
        const string title = "Đổi mới giờ ăn cho trẻ";
        const string summary = "Trẻ được lựa chọn, tự phục vụ và chia sẻ.";
        var decomposed = title.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(title, decomposed);

        var saved = await SaveAsync(host, async c =>
        {
            var item = await Items.NewArticleAsync(c, decomposed);
            item.GetOrCreateField("Article", "Summary")["Text"] = summary.Normalize(NormalizationForm.FormD);
            return item;
        }, publish: true);

        var read = await WithContents(host, c => c.GetAsync(saved.ContentItemId));
        Assert.NotNull(read);
        Assert.Equal(title, Title(read));
        Assert.Equal(title, read.DisplayText);
        Assert.True(read.DisplayText.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(summary, read.Field("Article", "Summary")!["Text"]!.GetValue<string>());
        Assert.Equal("tin-tuc/doi-moi-gio-an-cho-tre", RoutePath(read));
        var page = await host.InScopeAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Article"], TitleContains = "giờ ăn" }));
        Assert.Contains(page.Items, i => i.ContentItemId == saved.ContentItemId);
    }

    [Fact]
    public async Task Each_operation_raises_its_event_once()
    {
        var recorder = new RecordingEventHandler();
        await using var host = await CreateHostAsync(s => s.AddSingleton<IContentEventHandler>(recorder));
        recorder.Clear();

        var draft = await SaveAsync(host, c => Items.NewArticleAsync(c, "Bé làm nội trợ"), publish: false);
        var id = draft.ContentItemId;
        Assert.Equal([("Created", id)], recorder.Take());

        Assert.True((await WithContents(host, c => c.PublishLatestAsync(id, Lan))).Succeeded);
        Assert.Equal([("Published", id)], recorder.Take());

        await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(id, VersionOptions.Latest))!;
            copy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Sửa lần một.";
            return copy;
        }, publish: false);
        Assert.Equal([("Updated", id)], recorder.Take());

        await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(id, VersionOptions.Latest))!;
            copy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Sửa lần hai.";
            return copy;
        }, publish: true);
        Assert.Equal([("Updated", id), ("Published", id)], recorder.Take());

        Assert.True(await WithContents(host, c => c.UnpublishAsync(id, Lan)));
        Assert.Equal([("Unpublished", id)], recorder.Take());

        Assert.True(await WithContents(host, c => c.RemoveAsync(id, Lan)));
        Assert.Equal([("Removed", id)], recorder.Take());

        var other = await SaveAsync(host, c => Items.NewArticleAsync(c, "Bé chơi với cát"), publish: true);
        Assert.Equal([("Created", other.ContentItemId), ("Published", other.ContentItemId)], recorder.Take());

        var failed = await WithContents(host, async c => await c.SaveDraftAsync(await Items.NewArticleAsync(c, ""), Lan));
        Assert.False(failed.Succeeded);
        Assert.Empty(recorder.Take());
    }

    [Fact]
    public async Task Events_carry_the_actor_and_the_version_replaced()
    {
        var recorder = new RecordingEventHandler();
        await using var host = await CreateHostAsync(s => s.AddSingleton<IContentEventHandler>(recorder));
        var v1 = await SaveAsync(host, c => Items.NewArticleAsync(c, "Phụ huynh cùng bé"), publish: true);
        recorder.Clear();

        var v2 = await SaveAsync(host, async c =>
        {
            var copy = (await c.GetAsync(v1.ContentItemId, VersionOptions.Latest))!;
            copy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Sửa.";
            return copy;
        }, publish: true);

        var published = recorder.Events.Single(e => e.Name == "Published").Event;
        Assert.Equal(Lan, published.Actor);
        Assert.Equal(v2.ContentItemVersionId, published.Item.ContentItemVersionId);
        Assert.Equal(v1.ContentItemVersionId, published.PreviousVersionId);
    }
}

/// <summary>Remembers every content event, in order.</summary>
public sealed class RecordingEventHandler : IContentEventHandler
{
    private readonly List<(string Name, ContentEvent Event)> _events = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<(string Name, ContentEvent Event)> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }

    /// <summary>The events recorded since the last call, as (name, content item id), and forgets them.</summary>
    public List<(string, string)> Take()
    {
        lock (_lock)
        {
            var taken = _events.Select(e => (e.Name, e.Event.Item.ContentItemId)).ToList();
            _events.Clear();
            return taken;
        }
    }

    private Task Record(string name, ContentEvent e)
    {
        lock (_lock)
        {
            _events.Add((name, e));
        }

        return Task.CompletedTask;
    }

    public Task CreatedAsync(ContentEvent e, CancellationToken ct) => Record("Created", e);
    public Task UpdatedAsync(ContentEvent e, CancellationToken ct) => Record("Updated", e);
    public Task PublishedAsync(ContentEvent e, CancellationToken ct) => Record("Published", e);
    public Task UnpublishedAsync(ContentEvent e, CancellationToken ct) => Record("Unpublished", e);
    public Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct) => Record("DraftDiscarded", e);
    public Task RemovedAsync(ContentEvent e, CancellationToken ct) => Record("Removed", e);
}
