using System.Net;
using ChuyenDe.Modules.Data;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Audit;

/// <summary>What depends on the database: the append-only triggers and the filters' SQL, on SQLite and PostgreSQL.</summary>
public abstract class AuditTrailProviderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    [SkippableFact]
    public async Task The_database_refuses_to_change_or_delete_entries()
    {
        fixture.SkipUnlessAvailable();
        var (before, updateFailed, deleteFailed, after) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            async Task<int> CountAsync() => (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"AuditEntries\"").ToListAsync())[0];
            async Task<bool> FailsAsync(string sql)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                    return false;
                }
                catch (Exception)
                {
                    return true;
                }
            }

            var count = await CountAsync();
            return (count, await FailsAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Nothing'"), await FailsAsync("DELETE FROM \"AuditEntries\""), await CountAsync());
        });

        Assert.True(before > 0, "The setup recipe's content should have been recorded.");
        Assert.True(updateFailed, "UPDATE was allowed");
        Assert.True(deleteFailed, "DELETE was allowed");
        Assert.Equal(before, after);
    }

    [SkippableFact]
    public async Task The_filters_work_on_this_database()
    {
        fixture.SkipUnlessAvailable();
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        var (status, page) = await admin.GetPageAsync($"/admin/nhat-ky?nguoi=SYS&q=doi+moi+GIO+an&tu={today}&den={today}&don-vi=phong-quan-1&nhom=Content&hanh-dong=Published");
        Assert.Equal(HttpStatusCode.OK, status);
        var subjects = page.QuerySelectorAll("table.audit-table td.audit-subject a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Đổi mới giờ ăn cho trẻ"], subjects);

        using var csv = await admin.GetAsync("/admin/nhat-ky/xuat.csv?noi-dung=initiative-doi-moi-gio-an");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("\"Đổi mới giờ ăn cho trẻ\"", await csv.Content.ReadAsStringAsync());
    }
}

public sealed class AuditTrailSqliteTests(SqliteSiteFixture fixture) : AuditTrailProviderTests<SqliteSiteFixture>(fixture);

public sealed class AuditTrailPostgresTests(PostgresSiteFixture fixture) : AuditTrailProviderTests<PostgresSiteFixture>(fixture);
