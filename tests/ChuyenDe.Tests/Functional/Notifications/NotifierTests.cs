using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Notifications.NotificationSupport;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>INotifier on the real site without SMTP: one notification per user and event, recipients, transactions.</summary>
public abstract class NotifierTests<TFixture>(TFixture site) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Quan1 = "phong-quan-1";
    private const string LuongSon = "phong-luong-son";

    [SkippableFact]
    public async Task The_same_event_twice_gives_one_notification_per_user_and_without_SMTP_no_email()
    {
        site.SkipUnlessAvailable();
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var key = Key("returned");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key));
            return 0;
        });
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author, author] }, Message(key, subject: "Lần gửi thứ hai"));
            return 0;
        });

        var records = await site.WithServicesAsync(sp => RecordsAsync(sp, key));
        var record = Assert.Single(records);
        Assert.Equal(author, record.UserId);
        Assert.Equal("Sáng kiến “Góc thiên nhiên” được trả lại để chỉnh sửa", record.Subject);
        Assert.Equal("Returned", record.Kind);
        Assert.Equal("/admin/noi-dung/abc123/sua", record.Url);
        Assert.Null(record.ReadUtc);
        Assert.Equal(NotificationEmailStatus.None, record.EmailStatus); // no SMTP configured: in-app only, not an error
        Assert.Equal(0, record.EmailAttempts);
    }

    [SkippableFact]
    public async Task Organisation_and_permission_find_the_district_curator_of_that_district_only()
    {
        site.SkipUnlessAvailable();
        var curatorQuan1 = await SystemAdmin.UserIdAsync(site, Accounts.DistrictCurator);
        var curatorLuongSon = await SystemAdmin.UserIdAsync(site, Accounts.OtherDistrictCurator);
        var reviewerQuan1 = await SystemAdmin.UserIdAsync(site, Accounts.Reviewer);
        var locked = await CreateUserAsync("khoa.quan1", Quan1, RoleNames.DistrictCurator, locked: true);
        var second = await CreateUserAsync("phong2.quan1", Quan1, RoleNames.DistrictCurator, locked: false);

        var key = Key("submitted");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { OrganizationPermissions = [(Quan1, "PublishContent")] }, Message(key, kind: "SubmissionReceived"));
            return 0;
        });

        var users = (await site.WithServicesAsync(sp => RecordsAsync(sp, key))).Select(r => r.UserId).ToHashSet();
        Assert.Contains(curatorQuan1, users);
        Assert.Contains(second, users);
        Assert.DoesNotContain(curatorLuongSon, users); // another district
        Assert.DoesNotContain(reviewerQuan1, users);   // same district, without the permission
        Assert.DoesNotContain(locked, users);          // locked by an administrator
        Assert.Equal(2, users.Count);

        // The other district's curator is found when it is their district; the one who acted is never notified.
        var other = Key("submitted");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new()
            {
                OrganizationPermissions = [(LuongSon, "PublishContent"), (Quan1, "PublishContent")],
                ExceptUserId = curatorQuan1,
            }, Message(other, kind: "SubmissionReceived"));
            return 0;
        });
        var otherUsers = (await site.WithServicesAsync(sp => RecordsAsync(sp, other))).Select(r => r.UserId).ToHashSet();
        Assert.Equal(new HashSet<string> { curatorLuongSon, second }, otherUsers);
    }

    [SkippableFact]
    public async Task A_permission_every_signed_in_user_holds_reaches_every_active_user_of_the_organisation()
    {
        site.SkipUnlessAvailable();
        var curatorQuan1 = await SystemAdmin.UserIdAsync(site, Accounts.DistrictCurator);
        var reviewerQuan1 = await SystemAdmin.UserIdAsync(site, Accounts.Reviewer);
        var contributor = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var key = Key("news");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { OrganizationPermissions = [(Quan1, "ViewContent")] }, Message(key, kind: "Published"));
            return 0;
        });

        var users = (await site.WithServicesAsync(sp => RecordsAsync(sp, key))).Select(r => r.UserId).ToHashSet();
        Assert.Contains(curatorQuan1, users);
        Assert.Contains(reviewerQuan1, users);
        Assert.DoesNotContain(contributor, users); // a school's user is not a user of the district office
    }

    [SkippableFact]
    public async Task A_rolled_back_transaction_leaves_no_notification()
    {
        site.SkipUnlessAvailable();
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var key = Key("approved");
        var seenInside = await site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, kind: "Approved"));
            var inside = (await RecordsAsync(sp, key)).Count;
            await transaction.RollbackAsync();
            return inside;
        });

        Assert.Equal(1, seenInside);
        Assert.Empty(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));

        // The same event can still be notified afterwards: nothing of the rolled-back attempt stays behind.
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, kind: "Approved"));
            return 0;
        });
        Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));
    }

    [SkippableFact]
    public async Task A_duplicate_written_concurrently_is_skipped_inside_the_callers_transaction_without_losing_its_work()
    {
        site.SkipUnlessAvailable();
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var curator = await SystemAdmin.UserIdAsync(site, Accounts.DistrictCurator);
        var key = Key("returned");
        var callersKey = Key("callers-own-change");

        // Another request committed the author's notification after this one checked for it.
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, subject: "Bản của yêu cầu kia"));
            return 0;
        });

        var written = await site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Something the caller changed in the same unit of work, not saved yet.
            db.Set<NotificationRecord>().Add(new NotificationRecord
            {
                UserId = curator, EventKey = callersKey, Kind = "Assigned", Subject = "Việc của người gọi", Body = "", CreatedUtc = DateTime.UtcNow,
            });
            var notifier = (Notifier)sp.GetRequiredService<INotifier>();
            var count = await notifier.SaveNewAsync(
                [new NotificationRecipient(author, HasEmail: true, Disabled: false), new NotificationRecipient(curator, HasEmail: true, Disabled: false)],
                Message(key, subject: "Bản của yêu cầu này"), CancellationToken.None);
            await transaction.CommitAsync();
            return count;
        });

        Assert.Equal(1, written);
        var records = await site.WithServicesAsync(sp => RecordsAsync(sp, key));
        Assert.Equal(2, records.Count);
        Assert.Equal("Bản của yêu cầu kia", records.Single(r => r.UserId == author).Subject);
        Assert.Equal("Bản của yêu cầu này", records.Single(r => r.UserId == curator).Subject);
        Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, callersKey)));
    }

    [SkippableFact]
    public async Task A_message_without_event_key_is_refused_and_foreign_links_are_dropped()
    {
        site.SkipUnlessAvailable();
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        await Assert.ThrowsAsync<ArgumentException>(() => site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(" "));
            return 0;
        }));

        var key = Key("link");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, url: "//evil.example/phish"));
            return 0;
        });
        Assert.Null(Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, key))).Url);
    }

    private async Task<string> CreateUserAsync(string prefix, string organizationId, string role, bool locked)
        => await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser
            {
                UserName = SystemAdmin.Unique(prefix + "."),
                DisplayName = "Người thử " + prefix,
                OrganizationId = organizationId,
                Email = prefix + "@example.edu.vn",
                CreatedUtc = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, SystemAdmin.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            if (locked)
            {
                Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
            }

            return user.Id;
        });
}

public sealed class NotifierSqliteTests(SqliteSiteFixture site) : NotifierTests<SqliteSiteFixture>(site);

public sealed class NotifierPostgresTests(PostgresSiteFixture site) : NotifierTests<PostgresSiteFixture>(site);
