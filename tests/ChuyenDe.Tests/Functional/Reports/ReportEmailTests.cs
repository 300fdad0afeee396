using System.Globalization;
using System.Net;
using System.Text;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Notifications;
using ChuyenDe.Tests.Unit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>A site sending e-mail to an SMTP listener of the test (<see cref="SmtpTestServer"/>), links on a public base URL.</summary>
public interface ISmtpSite
{
    SmtpTestServer Smtp { get; }
}

/// <summary>The site on SQLite with SMTP configured (the automatic reminder's worker is off in every test site: only the tests' passes run).</summary>
public sealed class ReportsSmtpSqliteFixture : SiteFixture, ISmtpSite
{
    public SmtpTestServer Smtp { get; } = new();

    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database) => new(database, ReportsSmtpSettings.For(Smtp));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The same on PostgreSQL (skipped without a server).</summary>
public sealed class ReportsSmtpPostgresFixture : SiteFixture, ISmtpSite
{
    public SmtpTestServer Smtp { get; } = new();

    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString);

    public override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }

    protected override CmsAppFactory CreateFactory(TestDatabase database) => new(database, ReportsSmtpSettings.For(Smtp));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

internal static class ReportsSmtpSettings
{
    public const string PublicBaseUrl = "https://chuyende.example.vn";

    public static IReadOnlyDictionary<string, string?> For(SmtpTestServer smtp) => new Dictionary<string, string?>
    {
        ["ChuyenDe:Smtp:Host"] = "127.0.0.1",
        ["ChuyenDe:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["ChuyenDe:Smtp:Security"] = "None",
        ["ChuyenDe:Smtp:FromAddress"] = "khohoclieu@example.edu.vn",
        ["ChuyenDe:Smtp:FromName"] = "Kho học liệu chuyên đề",
        // The e-mails' base address only: the site-wide https address would make the cookies Secure for the http test client.
        ["ChuyenDe:Notifications:PublicBaseUrl"] = PublicBaseUrl + "/",
        ["ChuyenDe:Notifications:OutboxInterval"] = "00:00:00.300",
    };
}

/// <summary>
/// The Reports notifications by e-mail, through the notifications outbox to a real SMTP listener, on both databases: the
/// on-demand reminder, the automatic deadline reminder and a return each send one message per recipient with an
/// address — Vietnamese subject, a body naming the round and the deadline in Vietnam time or the reason, and the absolute
/// link — and a user of the unit without an e-mail address has the notification in the app only.
/// </summary>
public abstract class ReportEmailTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture, ISmtpSite
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string BenThanh = "truong-mn-ben-thanh";

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    private static string Link(int id) => ReportsSmtpSettings.PublicBaseUrl + Mine(id);

    /// <summary>An open round of Quận 1 for its schools with the deadline typed in Vietnam time.</summary>
    private async Task<(int Id, string Title)> OpenRoundAsync(string deadlineVietnam)
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var title = Unique("Thư báo cáo ");
        var id = await CreateRoundAsync(fixture, district, title, nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadlineVietnam)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return (id, title);
    }

    /// <summary>A user of Bến Thành who answers reports but has no e-mail address.</summary>
    private async Task<string> UserWithoutEmailAsync()
        => await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = Unique("khongthu."), DisplayName = "Không có thư", OrganizationId = BenThanh, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Mat-khau-Thu-2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "SchoolContributor")).Succeeded);
            Assert.True(string.IsNullOrEmpty(user.Email));
            return user.Id;
        });

    /// <summary>The notification records of the round of a kind for Bến Thành's users, once every e-mail has left Pending.</summary>
    private async Task<List<(NotificationRecord Record, string? Email)>> SettledAsync(int roundId, string kind)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var rows = await fixture.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<DbContext>();
                var records = await db.Set<NotificationRecord>().AsNoTracking().Where(r => r.Kind == kind && r.Url == Mine(roundId)).OrderBy(r => r.Id).ToListAsync();
                var users = sp.GetRequiredService<UserManager<CmsUser>>();
                var result = new List<(NotificationRecord, string?, string?)>();
                foreach (var record in records)
                {
                    var user = await users.FindByIdAsync(record.UserId);
                    result.Add((record, user?.Email, user?.OrganizationId));
                }

                return result;
            });
            var mine = rows.Where(r => r.Item3 == BenThanh).Select(r => (r.Item1, r.Item2)).ToList();
            if (mine.Count > 0 && mine.All(r => r.Item1.EmailStatus != NotificationEmailStatus.Pending) || DateTime.UtcNow > deadline)
            {
                return mine;
            }

            await Task.Delay(150);
        }
    }

    /// <summary>
    /// Each recipient with an address got exactly one message with the subject (sent, once); the one without an address
    /// has the notification and no e-mail. Returns the text of the contributor's message.
    /// </summary>
    private async Task<string> AssertMailedAsync(List<(NotificationRecord Record, string? Email)> records, string noEmailUserId, string subject, int roundId)
    {
        var withAddress = records.Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToList();
        Assert.Contains(withAddress, r => r.Email == "truong.benthanh@example.edu.vn");
        var silent = Assert.Single(records, r => r.Record.UserId == noEmailUserId);
        Assert.Equal(NotificationEmailStatus.None, silent.Record.EmailStatus);
        Assert.Equal(records.Count, records.Select(r => r.Record.UserId).Distinct().Count()); // one notification per user

        string? text = null;
        foreach (var (record, email) in withAddress)
        {
            Assert.Equal(NotificationEmailStatus.Sent, record.EmailStatus);
            await fixture.Smtp.WaitForAsync(m => m.Subject == subject && m.Recipients.Contains(email!), Patience);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more rounds of the outbox: nothing is sent twice
        var mails = fixture.Smtp.Received.Where(m => m.Subject == subject).ToList();
        Assert.Equal(withAddress.Select(r => r.Email!).Order(StringComparer.Ordinal), mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(mail.Data)));
            Assert.Equal(subject, message.Subject);
            Assert.Contains($"Xem chi tiết tại: {Link(roundId)}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{Link(roundId)}\"", message.HtmlBody, StringComparison.Ordinal);
            if (mail.Recipients.Contains("truong.benthanh@example.edu.vn"))
            {
                text = message.TextBody;
            }
        }

        return text ?? throw new Xunit.Sdk.XunitException("No message to the contributor of Bến Thành.");
    }

    [SkippableFact]
    public async Task The_on_demand_reminder_emails_each_user_with_an_address_with_the_round_the_deadline_and_the_link()
    {
        fixture.SkipUnlessAvailable();
        var noEmail = await UserWithoutEmailAsync();
        var deadlineUtc = DateTime.UtcNow.Date.AddDays(20).AddHours(10); // 17:00 Vietnam time
        var (id, title) = await OpenRoundAsync((deadlineUtc + TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var board = $"/admin/bao-cao/{id}/tinh-hinh";
        using (var reminded = await PostAsync(district, board, board + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        }

        var records = await SettledAsync(id, ReportReminderService.Kind);
        var text = await AssertMailedAsync(records, noEmail, $"Nhắc nộp báo cáo: “{title}”", id);
        var deadline = (deadlineUtc + TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Báo cáo của Trường Mầm non Bến Thành cho đợt “{title}” chưa được nộp. Hạn nộp: {deadline} (giờ Việt Nam).", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_automatic_deadline_reminder_emails_each_user_with_an_address_once()
    {
        fixture.SkipUnlessAvailable();
        var noEmail = await UserWithoutEmailAsync();
        var year = 2041 + (typeof(TFixture) == typeof(ReportsSmtpPostgresFixture) ? 1 : 0);
        var (id, title) = await OpenRoundAsync($"{year}-05-20T17:00");
        var pass = () => fixture.WithServicesAsync(sp => ActivatorUtilities.CreateInstance<ReportDeadlineReminderService>(sp,
                (TimeProvider)new ManualClock(new DateTimeOffset(year, 5, 18, 2, 0, 0, TimeSpan.Zero)), // 09:00 on 18 May, Vietnam time
                Options.Create(new ReportsOptions { ReminderDaysBeforeDeadline = 3 }))
            .RunOnceAsync(CancellationToken.None));
        Assert.True((await pass()).Units > 0);

        var records = await SettledAsync(id, ReportDeadlineReminderService.Kind);
        var text = await AssertMailedAsync(records, noEmail, $"Còn 2 ngày đến hạn nộp báo cáo: “{title}”", id);
        Assert.Contains($"Báo cáo của Trường Mầm non Bến Thành cho đợt “{title}” chưa được nộp. Hạn nộp: 17:00 20/05/{year} (giờ Việt Nam).", text, StringComparison.Ordinal);

        // A second pass (as after a restart) sends nothing again.
        await pass();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(records.Count(r => !string.IsNullOrWhiteSpace(r.Email)),
            fixture.Smtp.Received.Where(m => m.Subject == $"Còn 2 ngày đến hạn nộp báo cáo: “{title}”").SelectMany(m => m.Recipients).Count());
    }

    [SkippableFact]
    public async Task A_return_emails_the_units_users_with_the_reason_and_the_link()
    {
        fixture.SkipUnlessAvailable();
        var noEmail = await UserWithoutEmailAsync();
        var (id, title) = await OpenRoundAsync(DateTime.UtcNow.AddDays(25).ToString("yyyy-MM-ddT17:00", CultureInfo.InvariantCulture));
        var school = await As(fixture.Factory, Accounts.Contributor);
        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var fields = await FilledReportFormAsync(fixture, school, id, "Nhà trường đã thực hiện nội dung này.");

        using (var submitted = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        const string reason = "Thiếu số liệu minh chứng về số trẻ được đánh giá; đề nghị bổ sung.";
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var review = $"/admin/bao-cao/{id}/don-vi/{BenThanh}";
        using (var returned = await PostAsync(district, review, review + "/tra-lai", ("Reason", reason)))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var records = await SettledAsync(id, UnitReportReviewService.ReturnedKind);
        var text = await AssertMailedAsync(records, noEmail, $"Báo cáo bị trả lại: “{title}”", id);
        Assert.Contains($"“{title}”", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }
}

public sealed class ReportEmailSqliteTests(ReportsSmtpSqliteFixture fixture) : ReportEmailTests<ReportsSmtpSqliteFixture>(fixture);

public sealed class ReportEmailPostgresTests(ReportsSmtpPostgresFixture fixture) : ReportEmailTests<ReportsSmtpPostgresFixture>(fixture);
