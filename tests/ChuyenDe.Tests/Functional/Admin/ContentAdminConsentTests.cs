using System.Globalization;
using System.Net;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>
/// Publishing images (issue 4, items 3 and 6): alternative text for every image, and the confirmation of the parents'
/// consent (recorded with who and when) before an item with photos of children is published. Drafts are not held back.
/// </summary>
public sealed class ContentAdminConsentTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await SchoolImageAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    private const string CreateInitiative = "/admin/noi-dung/tao/Initiative";
    private const string Image = BenThanhImage;
    private const string ImageText = "Initiative.Images.MediaText[" + BenThanhImage + "]";
    private const string Consent = "ConsentPart.Confirmed";
    private const string ConsentLabel = "Tôi xác nhận nhà trường đã có sự đồng ý của cha mẹ trẻ cho việc đăng các ảnh có hình trẻ trên trang công khai.";
    private const string ConsentError = "Vui lòng xác nhận đã có sự đồng ý của cha mẹ trẻ cho việc đăng ảnh trước khi xuất bản.";

    private static EditorForm FillInitiative(EditorForm form, string title) => form
        .Set("TitlePart.Title", title)
        .Set("OrganizationPart.OrganizationId", BenThanh)
        .Set("Initiative.Summary", "Trẻ tự chăm sóc cây xanh trong góc thiên nhiên của lớp.")
        .Set("Initiative.Authors", "Nguyễn Thị Lan")
        .Set("Initiative.SchoolYear", "sy-2024-2025")
        .Set("Initiative.Criteria", "crit-2")
        .Set("MarkdownBodyPart.Markdown", "Mỗi sáng trẻ tưới cây và ghi lại sự thay đổi.");

    private static string Message(string? error) => (error ?? "").Replace("Lỗi:", "").Trim();

    private static string? ConsentValue(Modules.Contents.ContentItem item, string property)
        => item.Part("ConsentPart")?[property]?.ToString();

    [Fact]
    public async Task An_image_without_alternative_text_is_refused_beside_its_field_then_consent_is_asked_beside_the_box_then_it_is_published()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var (status, created) = await curator.GetPageAsync(CreateInitiative);
        Assert.Equal(HttpStatusCode.OK, status);
        var box = created.GetElementById("f-ConsentPart-Confirmed")!;
        Assert.Equal("checkbox", box.GetAttribute("type"));
        Assert.Null(box.GetAttribute("checked"));
        Assert.Equal(ConsentLabel, created.QuerySelector("label[for=f-ConsentPart-Confirmed]")!.TextContent.Trim());

        var title = FreshTitle("Góc thiên nhiên của bé");
        var form = FillInitiative(EditorForm.Of(created), title).Set("Initiative.Images", Image).Set(ImageText, "  ");

        // 1. No alternative text: refused beside the field, in Vietnamese, nothing saved.
        using var noText = await form.SubmitAsync(curator, "_action", "publish");
        Assert.Equal(HttpStatusCode.OK, noText.StatusCode);
        var page = await AdminClient.ParseAsync(noText);
        Assert.Equal($"Hình ảnh: vui lòng nhập mô tả (văn bản thay thế) cho ảnh {Image} trước khi xuất bản.",
            Message(ErrorBeside(page, "Initiative.Images")));
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // 2. With the text but without the consent: the message is beside the check box, nothing saved.
        var kept = EditorForm.Of(page).Set(ImageText, "Trẻ tưới cây trong góc thiên nhiên");
        using var noConsent = await kept.SubmitAsync(curator, "_action", "publish");
        Assert.Equal(HttpStatusCode.OK, noConsent.StatusCode);
        page = await AdminClient.ParseAsync(noConsent);
        Assert.Null(ErrorBeside(page, "Initiative.Images"));
        Assert.Equal(ConsentError, Message(ErrorBeside(page, Consent)));
        var consentBox = page.GetElementById("f-ConsentPart-Confirmed")!;
        Assert.Equal("true", consentBox.GetAttribute("aria-invalid"));
        Assert.Contains("f-ConsentPart-Confirmed-error", consentBox.GetAttribute("aria-describedby"));
        Assert.Contains(page.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#f-ConsentPart-Confirmed");
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);

        // 3. Both: published; who and when are the server's, not the posted ones.
        var before = DateTime.UtcNow.AddSeconds(-2);
        kept = EditorForm.Of(page)
            .Set(Consent, "true")
            .Set("ConsentPart.ConfirmedBy", "gia.mao")
            .Set("ConsentPart.ConfirmedUtc", "2000-01-01T00:00:00Z");
        using var published = await kept.SubmitAsync(curator, "_action", "publish");
        var id = EditedId(published);
        var item = (await PublishedAsync(fixture, id))!;
        Assert.Equal("Trẻ tưới cây trong góc thiên nhiên", Strings(item, "Initiative", "Images", "MediaTexts").Single());
        Assert.Equal("true", ConsentValue(item, "Confirmed"));
        Assert.Equal(Accounts.DistrictCurator, ConsentValue(item, "ConfirmedBy"));
        var confirmedUtc = ConsentValue(item, "ConfirmedUtc")!;
        Assert.EndsWith("Z", confirmedUtc);
        var when = DateTime.Parse(confirmedUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(when, before, DateTime.UtcNow.AddSeconds(2));

        // The editor shows who confirmed and when, in the site's time (UTC+7).
        var (_, editPage) = await curator.GetPageAsync($"/admin/noi-dung/{id}/sua");
        Assert.NotNull(editPage.GetElementById("f-ConsentPart-Confirmed")!.GetAttribute("checked"));
        var local = when.AddHours(7).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Đã xác nhận bởi {Accounts.DistrictCurator} lúc {local}", editPage.QuerySelector(".consent-part")!.TextContent);
    }

    [Fact]
    public async Task A_contributor_s_confirmation_is_kept_when_a_curator_publishes_and_unticking_clears_it()
    {
        var contributor = await SessionAsync(fixture, Accounts.Contributor);
        var title = FreshTitle("Bé chăm cây");
        var form = FillInitiative(await EditFormAsync(contributor, CreateInitiative), title)
            .Remove("OrganizationPart.OrganizationId")
            .Set("Initiative.Images", Image).Set(ImageText, "Trẻ chăm cây").Set(Consent, "true");
        using var saved = await form.SubmitAsync(contributor);
        var id = EditedId(saved);
        var draft = (await LatestAsync(fixture, id))!;
        Assert.Equal(Accounts.Contributor, ConsentValue(draft, "ConfirmedBy"));
        var confirmedUtc = ConsentValue(draft, "ConfirmedUtc");
        Assert.NotNull(confirmedUtc);

        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var edit = await EditFormAsync(curator, $"/admin/noi-dung/{id}/sua");
        Assert.Equal("true", edit.Get(Consent));
        using var published = await edit.SubmitAsync(curator, "_action", "publish");
        EditedId(published);
        var item = (await PublishedAsync(fixture, id))!;
        Assert.Equal(Accounts.Contributor, ConsentValue(item, "ConfirmedBy"));
        Assert.Equal(confirmedUtc, ConsentValue(item, "ConfirmedUtc"));

        // Unticking the box clears the confirmation (a draft may be saved so).
        edit = await EditFormAsync(curator, $"/admin/noi-dung/{id}/sua");
        using var unticked = await edit.Remove(Consent).SubmitAsync(curator);
        EditedId(unticked);
        var latest = (await LatestAsync(fixture, id))!;
        Assert.Null(ConsentValue(latest, "Confirmed"));
        Assert.Null(ConsentValue(latest, "ConfirmedBy"));
        Assert.Null(ConsentValue(latest, "ConfirmedUtc"));
    }

    [Fact]
    public async Task A_draft_with_an_image_is_saved_without_alternative_text_or_consent()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Bản nháp có ảnh");
        var form = FillInitiative(await EditFormAsync(curator, CreateInitiative), title).Set("Initiative.Images", Image).Set(ImageText, "");

        using var saved = await form.SubmitAsync(curator);

        var id = EditedId(saved);
        var draft = (await LatestAsync(fixture, id))!;
        Assert.False(draft.Published);
        Assert.Equal([Image], Strings(draft, "Initiative", "Images", "Paths"));
        Assert.Null(await PublishedAsync(fixture, id));
    }

    [Fact]
    public async Task An_item_without_images_is_published_without_consent()
    {
        var curator = await SessionAsync(fixture, Accounts.DistrictCurator);
        var title = FreshTitle("Sáng kiến không có ảnh");
        var form = FillInitiative(await EditFormAsync(curator, CreateInitiative), title).Remove("Initiative.Images").Remove(Consent);

        using var published = await form.SubmitAsync(curator, "_action", "publish");

        var id = EditedId(published);
        var item = (await PublishedAsync(fixture, id))!;
        Assert.Null(ConsentValue(item, "Confirmed"));
    }
}
