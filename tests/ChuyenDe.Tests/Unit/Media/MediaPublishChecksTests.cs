using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Media;

/// <summary>The Media module's publishing rules through the content manager: alternative text and the parents' consent.</summary>
public sealed class MediaPublishChecksTests
{
    private static readonly ContentActor Lan = new("user-lan", "lan.nguyen");

    private static async Task<TestHost> CreateHostAsync()
    {
        var host = await TestHost.CreateAsync();
        await host.RunSetupRecipeAsync();
        return host;
    }

    private static Task<ContentResult> PublishAsync(TestHost host, Action<ContentItem> fill)
        => host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, "Ảnh của bé " + Guid.NewGuid().ToString("N")[..6]);
            fill(item);
            return await contents.PublishAsync(item, Lan);
        });

    private static void Images(ContentItem item, string[] paths, string[] texts)
    {
        var field = item.GetOrCreateField("Initiative", "Images");
        field["Paths"] = new JsonArray(paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        field["MediaTexts"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
    }

    private static void Confirm(ContentItem item)
    {
        item.GetOrCreatePart("ConsentPart")["Confirmed"] = true;
        item.GetOrCreatePart("ConsentPart")["ConfirmedBy"] = "lan.nguyen";
        item.GetOrCreatePart("ConsentPart")["ConfirmedUtc"] = "2026-11-25T08:00:00Z";
    }

    private static IEnumerable<string> Keys(ContentResult result) => result.Errors.Select(e => e.Key);

    [Fact]
    public async Task Every_image_needs_its_alternative_text_and_the_item_the_parents_consent()
    {
        await using var host = await CreateHostAsync();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("vi-VN");

        var missingText = await PublishAsync(host, i => { Images(i, ["mau/a.jpg", "mau/b.PNG"], ["Sân chơi", " "]); Confirm(i); });
        Assert.False(missingText.Succeeded);
        var error = Assert.Single(missingText.Errors);
        Assert.Equal("Initiative.Images", error.Key);
        Assert.Equal("Hình ảnh: vui lòng nhập mô tả (văn bản thay thế) cho ảnh mau/b.PNG trước khi xuất bản.", error.Message);

        var noConsent = await PublishAsync(host, i => Images(i, ["mau/a.jpg"], ["Sân chơi"]));
        Assert.Equal(["ConsentPart.Confirmed"], Keys(noConsent));
        Assert.Equal("Vui lòng xác nhận đã có sự đồng ý của cha mẹ trẻ cho việc đăng ảnh trước khi xuất bản.", noConsent.Errors[0].Message);

        var bodyImage = await PublishAsync(host, i => i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Giờ ăn: ![Trẻ ăn trưa](/media/mau/bua-trua.webp)");
        Assert.Equal(["ConsentPart.Confirmed"], Keys(bodyImage));

        Assert.True((await PublishAsync(host, i => { Images(i, ["mau/a.jpg"], ["Sân chơi"]); Confirm(i); })).Succeeded);
        Assert.True((await PublishAsync(host, i => i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Tài liệu: [kế hoạch](/media/mau/ke-hoach.pdf)")).Succeeded);

        // A document is not an image: no text or consent needed.
        Assert.True((await PublishAsync(host, i => i.GetOrCreateField("Initiative", "Attachments")["Paths"] = new JsonArray("mau/ke-hoach.pdf"))).Succeeded);
    }

    [Fact]
    public async Task When_the_site_does_not_require_consent_only_the_alternative_text_is_checked()
    {
        await using var host = await CreateHostAsync();
        await host.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsService>().MergeAsync(new JsonObject { ["RequireParentalConsent"] = false }));
        Assert.False((await host.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync())).RequireParentalConsent);

        Assert.True((await PublishAsync(host, i => Images(i, ["mau/a.jpg"], ["Sân chơi"]))).Succeeded);
        Assert.Equal(["Initiative.Images"], Keys(await PublishAsync(host, i => Images(i, ["mau/a.jpg"], [""]))));
    }

    [Fact]
    public async Task Drafts_are_saved_without_alternative_text_or_consent()
    {
        await using var host = await CreateHostAsync();
        var result = await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, "Bản nháp có ảnh");
            Images(item, ["mau/a.jpg"], [""]);
            return await contents.SaveDraftAsync(item, Lan);
        });
        Assert.True(result.Succeeded);
    }
}
