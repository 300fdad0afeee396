using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Editorial;

/// <summary>
/// Shortcuts of the editorial workflow tests: the review pages, posting a decision as the review page's form does,
/// and reading the stored state, transitions, audit entries and notifications of the running site.
/// </summary>
internal static class WorkflowSupport
{
    public const string Queue = "/admin/duyet";
    public const string District = "phong-quan-1";
    public const string Department = "so-hcm";

    public static string ReviewUrl(string id) => $"{Queue}/{Uri.EscapeDataString(id)}";

    public static string EditorUrl(string id) => $"/admin/noi-dung/{Uri.EscapeDataString(id)}";

    public static string EditUrl(string id) => $"/admin/noi-dung/{Uri.EscapeDataString(id)}/sua";

    /// <summary>A complete Initiative draft of Trường MN Bến Thành owned by its contributor (never published).</summary>
    public static Task<ContentItem> DraftAsync(SiteFixture fixture, string words = "Bé tự phục vụ trong giờ ăn", string owner = Accounts.Contributor,
        string organizationId = ContentAdminSupport.BenThanh)
        => ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle(words), organizationId, owner, publish: false);

    public static Task<SubmissionRecord?> RecordAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<SubmissionRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ContentItemId == id));

    public static async Task<SubmissionRecord> RequireRecordAsync(SiteFixture fixture, string id)
        => await RecordAsync(fixture, id) ?? throw new Xunit.Sdk.XunitException($"No submission record for {id}.");

    public static Task<List<SubmissionTransitionRecord>> TransitionsAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<SubmissionTransitionRecord>().AsNoTracking()
            .Where(t => t.ContentItemId == id).OrderBy(t => t.Id).ToListAsync());

    public static Task<List<AuditEntryRecord>> AuditAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(a => a.ContentItemId == id).OrderBy(a => a.Id).ToListAsync());

    public static Task<List<NotificationRecord>> NotificationsAsync(SiteFixture fixture, string id)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>().AsNoTracking()
            .Where(n => n.ContentItemId == id).OrderBy(n => n.Id).ToListAsync());

    /// <summary>The stamp the review page carries in its forms (null when the page offers no form to this user).</summary>
    public static string? StampOf(IHtmlDocument page)
        => page.QuerySelector("input[name='stamp']")?.GetAttribute("value") is { Length: > 0 } stamp ? stamp : null;

    public static async Task<string?> PageStampAsync(AdminClient client, string id)
    {
        var (status, page) = await client.GetPageAsync(ReviewUrl(id));
        Assert.Equal(HttpStatusCode.OK, status);
        return StampOf(page);
    }

    /// <summary>The stamp of the stored state: what an up-to-date page would carry (used to test refusals, not conflicts).</summary>
    public static async Task<string?> CurrentStampAsync(SiteFixture fixture, string id)
        => (await RecordAsync(fixture, id))?.ConcurrencyStamp;

    /// <summary>
    /// Posts <c>act</c> to the review page with the anti-forgery token of the user's session, as the review page's
    /// forms do. <paramref name="stamp"/> is sent as given (null: no stamp field).
    /// </summary>
    public static async Task<HttpResponseMessage> PostActAsync(AdminClient client, string id, string act, string? stamp, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>> { new("act", act) };
        if (stamp is not null)
        {
            all.Add(new("stamp", stamp));
        }

        all.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostFormWithTokenAsync(ReviewUrl(id), all, await TokenAsync(client));
    }

    /// <summary>Loads the review page (as the user would) and posts the action with the stamp the page shows.</summary>
    public static async Task<HttpResponseMessage> ActAsync(AdminClient client, string id, string act, params (string Name, string Value)[] fields)
        => await PostActAsync(client, id, act, await PageStampAsync(client, id), fields);

    /// <summary>Acts and checks that it worked (a redirect with a flash message).</summary>
    public static async Task<string> ActOkAsync(AdminClient client, string id, string act, params (string Name, string Value)[] fields)
    {
        using var response = await ActAsync(client, id, act, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await AdminClient.ParseAsync(response);
            throw new Xunit.Sdk.XunitException($"{act} on {id} answered {(int)response.StatusCode}: {ErrorOf(page)}");
        }

        return SystemAdmin.Location(response)!;
    }

    /// <summary>The anti-forgery token of the user's session (every back-office page carries it, e.g. the sign-out form).</summary>
    public static async Task<string> TokenAsync(AdminClient client)
    {
        try
        {
            return await client.GetTokenAsync(Queue);
        }
        catch (InvalidOperationException)
        {
            return await client.GetTokenAsync("/admin");
        }
    }

    /// <summary>The message of an error page (the alert on the review page), or the body text.</summary>
    public static string ErrorOf(IHtmlDocument page)
        => (page.QuerySelector(".error-summary")?.TextContent ?? page.Body?.TextContent ?? "").Trim();

    public static string Squash(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string TextOf(IElement? element) => Squash(element?.TextContent);

    /// <summary>Asserts a refusal: the status and the Vietnamese message shown to the user.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? message, string because)
    {
        var page = await AdminClient.ParseAsync(response);
        Assert.True(response.StatusCode == status,
            $"{because}: expected {(int)status}, got {(int)response.StatusCode} {SystemAdmin.Location(response)} {Squash(ErrorOf(page))[..Math.Min(300, Squash(ErrorOf(page)).Length)]}");
        if (message is not null)
        {
            Assert.Contains(message, ErrorOf(page), StringComparison.Ordinal);
        }
    }

    /// <summary>The rows of the review queue's "waiting for you" table, as (title, row text).</summary>
    public static IReadOnlyList<IElement> WaitingRows(IHtmlDocument page) => page.QuerySelectorAll("table.review-queue tbody tr").ToList();

    // Vietnamese messages the user sees (EditorialResources.vi.resx).
    public const string NoRight = "Bạn không có quyền thực hiện thao tác này.";
    public const string NotInState = "Không thể thực hiện thao tác này ở trạng thái hiện tại của bài.";
    public const string OtherUnitStep = "Ở bước này, bài do đơn vị khác duyệt.";
    public const string OwnSubmission = "Bạn không thể quyết định bài do chính mình viết hoặc gửi.";
    public const string OwnUnit = "Bạn không thể quyết định bài của chính đơn vị mình.";
    public const string OnlyAuthorWithdraws = "Chỉ tác giả mới có thể rút lại bài đã gửi.";
    public const string NotAssigned = "Bạn chưa được phân công đánh giá bài này.";
    public const string ClaimedByAnother = "Một chuyên viên khác đã nhận duyệt bài này.";
    public const string NoHigherLevel = "Không có cấp trên để chuyển bài.";
    public const string NeedReason = "Hãy chọn hoặc ghi ít nhất một lý do.";
    public const string Conflict = "Trong lúc bạn xem, người khác đã xử lý bài này.";
    public const string ReasonMissingEvidence = "Thiếu minh chứng (hình ảnh, video, tài liệu)";
}
