using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// Issue 16, item 3: <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> of the real site on each database,
/// read through the test server (which gives no client address: a request from inside the machine) or as a client of
/// another network (<see cref="CmsAppFactory.ClientAddressHeader"/>).
/// </summary>
public abstract class HealthAndMetricsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string url, string? clientAddress = null)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (clientAddress is not null)
        {
            request.Headers.Add(CmsAppFactory.ClientAddressHeader, clientAddress);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<(HttpStatusCode Status, JsonObject Report)> HealthAsync(string url)
    {
        var (status, body, response) = await GetAsync(url);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        return (status, JsonNode.Parse(body)!.AsObject());
    }

    private static JsonObject Entry(JsonObject report, string name) => report["entries"]![name]!.AsObject();

    [SkippableFact]
    public async Task Live_answers_200_Healthy_with_the_process_entry_only()
    {
        fixture.SkipUnlessAvailable();
        var (status, report) = await HealthAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report["status"]!.GetValue<string>());
        Assert.Matches(@"^\d\d:\d\d:\d\d(\.\d+)?$", report["totalDuration"]!.GetValue<string>());
        Assert.Equal(["process"], report["entries"]!.AsObject().Select(e => e.Key));
    }

    [SkippableFact]
    public async Task Ready_answers_200_with_the_database_media_search_and_outbox_entries()
    {
        fixture.SkipUnlessAvailable();
        var (status, report) = await HealthAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["database", "media", "search", "outbox"], report["entries"]!.AsObject().Select(e => e.Key));
        var database = Entry(report, "database");
        Assert.Equal("Healthy", database["status"]!.GetValue<string>());
        Assert.Equal(fixture.Factory.Database.Provider.ToString(), database["data"]!["provider"]!.GetValue<string>());
        Assert.Equal(0, database["data"]!["pendingMigrations"]!.GetValue<int>());
        Assert.Equal(["ready"], database["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Matches(@"^\d\d:\d\d:\d\d(\.\d+)?$", database["duration"]!.GetValue<string>());
        Assert.Equal("Healthy", Entry(report, "media")["status"]!.GetValue<string>());
        Assert.True(Entry(report, "media")["data"]!["freeBytes"]!.GetValue<long>() > 0);
        // The probe file is gone again.
        Assert.Empty(Directory.EnumerateFiles(fixture.Factory.Services.GetRequiredService<DataOptions>().MediaFolder, ".health-*"));

        // The index catches up within a moment of the start.
        var search = Entry(report, "search");
        for (var attempt = 0; search["status"]!.GetValue<string>() != "Healthy" && attempt < 40; attempt++)
        {
            await Task.Delay(250);
            search = Entry((await HealthAsync("/health/ready")).Report, "search");
        }

        Assert.Equal("Healthy", search["status"]!.GetValue<string>());
        Assert.True(search["data"]!["cursor"]!.GetValue<long>() >= 0);
        Assert.Equal("Healthy", Entry(report, "outbox")["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Ready_answers_503_while_the_media_folder_cannot_be_written()
    {
        fixture.SkipUnlessAvailable();
        var media = fixture.Factory.Services.GetRequiredService<DataOptions>().MediaFolder;
        var away = media + ".away";
        Directory.Move(media, away);
        try
        {
            // A file where the folder should be: not writable even for root (the tests run as root in CI).
            await File.WriteAllTextAsync(media, "not a folder");
            var (status, report) = await HealthAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", report["status"]!.GetValue<string>());
            Assert.Equal("Unhealthy", Entry(report, "media")["status"]!.GetValue<string>());
            Assert.Equal("Healthy", Entry(report, "database")["status"]!.GetValue<string>());

            // Liveness does not depend on it.
            Assert.Equal(HttpStatusCode.OK, (await HealthAsync("/health/live")).Status);
        }
        finally
        {
            File.Delete(media);
            Directory.Move(away, media);
        }

        Assert.Equal(HttpStatusCode.OK, (await HealthAsync("/health/ready")).Status);
    }

    [SkippableFact]
    public async Task A_stuck_outbox_makes_the_readiness_degraded_but_still_200()
    {
        fixture.SkipUnlessAvailable();
        var key = "health-test-" + Guid.NewGuid().ToString("N");
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            db.Set<NotificationRecord>().Add(new NotificationRecord
            {
                UserId = "health-test", EventKey = key, Kind = "test", Subject = "Thư thử", Body = "Nội dung",
                CreatedUtc = DateTime.UtcNow.AddHours(-3), EmailStatus = NotificationEmailStatus.Pending,
            });
            return await db.SaveChangesAsync();
        });
        try
        {
            var (status, report) = await HealthAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", report["status"]!.GetValue<string>());
            var outbox = Entry(report, "outbox");
            Assert.Equal("Degraded", outbox["status"]!.GetValue<string>());
            Assert.Contains("stuck", outbox["description"]!.GetValue<string>());
            Assert.True(outbox["data"]!["due"]!.GetValue<int>() >= 1);
            Assert.True(outbox["data"]!["oldestDueSeconds"]!.GetValue<double>() > 2 * 3600);
        }
        finally
        {
            await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>().Where(r => r.EventKey == key).ExecuteDeleteAsync());
        }

        Assert.Equal("Healthy", Entry((await HealthAsync("/health/ready")).Report, "outbox")["status"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task Clients_outside_the_allowed_networks_get_404_and_loopback_clients_get_the_answer(string url)
    {
        fixture.SkipUnlessAvailable();
        foreach (var outside in new[] { "203.0.113.7", "10.0.0.5", "2001:db8::1", "::ffff:192.0.2.1" })
        {
            var (status, body, _) = await GetAsync(url, outside);
            Assert.True(status == HttpStatusCode.NotFound, $"{url} from {outside}: {(int)status}");
            Assert.DoesNotContain("Healthy", body);
            Assert.DoesNotContain("http_server", body);
        }

        foreach (var local in new[] { "127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, local)).Status);
        }
    }

    [SkippableFact]
    public async Task Metrics_are_in_Prometheus_text_with_request_durations_by_route_group_and_the_site_s_own_meters()
    {
        fixture.SkipUnlessAvailable();
        var page = "/tin-tuc?metrics=" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(page)).Status); // answered from a page cache
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/admin/dang-nhap")).Status);

        string text = "";
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var (status, body, response) = await GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType ?? "");
            text = body;
            if (text.Contains("chuyende_search_index_pending") && text.Contains("route_group=\"admin\"") && text.Contains("level=\"front\""))
            {
                break;
            }

            await Task.Delay(250); // the scrape's answer is kept for a moment; the gauges are sampled at start-up
        }

        var buckets = text.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)).ToList();
        Assert.Contains(buckets, l => l.Contains("route_group=\"public\"") && l.Contains("le=\""));
        Assert.Contains(buckets, l => l.Contains("route_group=\"admin\"") && l.Contains("http_route=\"admin/dang-nhap\""));
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("chuyende_page_cache_requests_total{", StringComparison.Ordinal) && l.Contains("level=\"front\"") && l.Contains("result=\"hit\""));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("chuyende_page_cache_requests_total{", StringComparison.Ordinal) && l.Contains("result=\"miss\""));
        Assert.Contains("chuyende_search_index_pending", text);
        Assert.Contains("chuyende_search_index_lag_seconds", text);
        Assert.Contains("chuyende_email_outbox_depth", text);
        Assert.Contains("chuyende_email_outbox_oldest_due_age_seconds", text);
        Assert.Contains("chuyende_db_connections_opened_total", text);
        Assert.Contains("chuyende_db_connections_open", text);
        Assert.Matches("(dotnet|process_runtime_dotnet)_gc_", text);
    }
}

[Collection(nameof(MetricsCollection))]
public sealed class HealthAndMetricsSqliteTests(SqliteSiteFixture fixture) : HealthAndMetricsTests<SqliteSiteFixture>(fixture);

[Collection(nameof(MetricsCollection))]
public sealed class HealthAndMetricsPostgresTests(PostgresSiteFixture fixture) : HealthAndMetricsTests<PostgresSiteFixture>(fixture);
