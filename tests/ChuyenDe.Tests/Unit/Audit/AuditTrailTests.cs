using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace ChuyenDe.Tests.Unit.Audit;

/// <summary>The trail itself: append-only, inside the caller's transaction, content events with their versions.</summary>
public sealed class AuditTrailTests
{
    private static Task<TestHost> HostAsync() => TestHost.CreateAsync(configureServices: s => s.AddAuditModule());

    private static Task<List<AuditEntryRecord>> EntriesAsync(TestHost host, string? contentItemId = null)
        => host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(e => contentItemId == null || e.ContentItemId == contentItemId)
            .OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public void The_trail_offers_recording_and_nothing_else()
    {
        var methods = typeof(IAuditTrail).GetMethods().Select(m => m.Name).ToList();
        Assert.Equal(["RecordAsync"], methods);
        Assert.All(typeof(AuditEntryRecord).GetProperties(), p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic
            || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), p.Name + " can be set after creation"));
    }

    [Fact]
    public void Adding_the_module_twice_registers_its_content_event_handler_once()
    {
        var services = new ServiceCollection();
        services.AddAuditModule();
        services.AddAuditModule();
        Assert.Single(services, d => d.ServiceType == typeof(IContentEventHandler) && d.ImplementationType == typeof(AuditContentEvents));
        Assert.Single(services, d => d.ServiceType == typeof(IAuditTrail));
    }

    [Fact]
    public void Only_the_audit_module_touches_its_table()
    {
        var result = Types.InAssembly(typeof(IAuditTrail).Assembly).That().DoNotResideInNamespace("ChuyenDe.Modules.Audit")
            .And().DoNotResideInNamespace("ChuyenDe.Modules.Data.Migrations")
            .ShouldNot().HaveDependencyOnAny("ChuyenDe.Modules.Audit.AuditEntryRecord").GetResult();
        Assert.True(result.IsSuccessful, "Used outside the Audit module by: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        await using var host = await HostAsync();
        await host.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Security, Action = AuditActions.UserLocked, Subject = "Nguyễn Thị Lan (lan.nguyen)",
        }));

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Nothing'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        });

        var entry = Assert.Single(await EntriesAsync(host));
        Assert.Equal(AuditActions.UserLocked, entry.Action);
    }

    [Fact]
    public async Task An_entry_recorded_in_a_rolled_back_transaction_leaves_nothing()
    {
        await using var host = await HostAsync();
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry { Category = AuditCategories.Security, Action = AuditActions.RoleCreated, Subject = "Thu" });
            Assert.Equal(1, await db.Set<AuditEntryRecord>().CountAsync());
            await transaction.RollbackAsync();
        });

        Assert.Empty(await EntriesAsync(host));

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry { Category = AuditCategories.Security, Action = AuditActions.RoleCreated, Subject = "Thu" });
            await transaction.CommitAsync();
        });

        Assert.Single(await EntriesAsync(host));
    }

    [Fact]
    public async Task Without_a_signed_in_user_the_actor_is_the_entry_s_or_the_system_and_the_time_is_the_clock_s()
    {
        await using var host = await HostAsync();
        host.Clock.Set(new DateTimeOffset(2026, 12, 1, 3, 4, 5, TimeSpan.Zero));
        await host.InScopeAsync(async sp =>
        {
            var trail = sp.GetRequiredService<IAuditTrail>();
            await trail.RecordAsync(new AuditEntry { Category = AuditCategories.Workflow, Action = AuditActions.Approved, ContentItemId = "abc", Reasons = "Đạt yêu cầu" });
            await trail.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Workflow, Action = AuditActions.Returned, ContentItemId = "abc",
                ActorUserId = "u-1", ActorUserName = "phong.quan1", ActorOrganizationId = "phong-quan-1", Subject = "  Giờ ăn của bé  ",
            });
        });

        var entries = await EntriesAsync(host);
        Assert.Equal(("system", "system", (string?)null), (entries[0].ActorUserId, entries[0].ActorUserName, entries[0].ActorOrganizationId));
        Assert.Equal("Đạt yêu cầu", entries[0].Reasons);
        Assert.Equal(("u-1", "phong.quan1", "phong-quan-1"), (entries[1].ActorUserId, entries[1].ActorUserName, entries[1].ActorOrganizationId));
        Assert.Equal("Giờ ăn của bé", entries[1].Subject);
        Assert.Equal("gio an cua be", entries[1].SubjectFolded);
        Assert.All(entries, e => Assert.Equal(new DateTime(2026, 12, 1, 3, 4, 5), e.OccurredUtc));
    }

    [Fact]
    public async Task Content_events_are_recorded_with_the_versions_before_and_after()
    {
        await using var host = await HostAsync();
        Assert.True((await host.RunSetupRecipeAsync()).Changes > 0);
        var actor = new ContentActor("u-7", "truong.benthanh");

        var (id, v1, v2, v3) = await host.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewArticleAsync(contents, "Bé tự xúc cơm");
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";
            var v1 = (await contents.SaveDraftAsync(item, actor)).Item!;
            var v2 = (await contents.PublishAsync(v1.Clone(), actor)).Item!;
            var draft = v2.Clone();
            draft.GetOrCreatePart("TitlePart")["Title"] = "Bé tự xúc cơm và dọn bàn";
            var v3 = (await contents.SaveDraftAsync(draft, actor)).Item!;
            Assert.True(await contents.DiscardDraftAsync(v1.ContentItemId, actor));
            Assert.True(await contents.UnpublishAsync(v1.ContentItemId, actor));
            Assert.True(await contents.RemoveAsync(v1.ContentItemId, actor));
            return (v1.ContentItemId, v1.ContentItemVersionId, v2.ContentItemVersionId, v3.ContentItemVersionId);
        });

        var entries = await EntriesAsync(host, id);
        Assert.Equal(
        [
            (AuditActions.Created, null, v1),
            (AuditActions.Updated, v1, v2),
            (AuditActions.Published, null, v2),
            (AuditActions.Updated, v2, v3),
            (AuditActions.DraftDiscarded, v3, v2),
            (AuditActions.Unpublished, v2, null),
            (AuditActions.Removed, v2, null),
        ], entries.Select(e => (e.Action, e.VersionBefore, e.VersionAfter)).ToList());
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditCategories.Content, e.Category);
            Assert.Equal("Article", e.ContentType);
            Assert.Equal("truong-mn-ben-thanh", e.OrganizationId);
            Assert.Equal(("u-7", "truong.benthanh"), (e.ActorUserId, e.ActorUserName));
        });
        Assert.Equal("Bé tự xúc cơm và dọn bàn", entries[3].Subject);
        Assert.Equal("Bé tự xúc cơm", entries[4].Subject);
    }

    [Fact]
    public async Task Recipes_applied_without_a_user_are_recorded_as_the_system()
    {
        await using var host = await HostAsync();
        Assert.True((await host.RunSetupRecipeAsync()).Changes > 0);

        var entries = await EntriesAsync(host);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("system", e.ActorUserName));
        Assert.Contains(entries, e => e.Action == AuditActions.Created && e.ContentType == "Taxonomy");
    }
}
