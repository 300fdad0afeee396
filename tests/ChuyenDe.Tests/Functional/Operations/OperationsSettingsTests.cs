using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// The settings of <c>ChuyenDe:Operations</c>: other allowed networks (replacing loopback), the client's address taken
/// from a trusted proxy's <c>X-Forwarded-For</c>, and a stuck outbox made Unhealthy (503) by configuration.
/// </summary>
public sealed class OperationsSettingsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CmsAppFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, new Dictionary<string, string?>
        {
            ["ChuyenDe:Operations:AllowedNetworks:0"] = "10.1.0.0/16",
            ["ChuyenDe:Operations:AllowedNetworks:1"] = "192.0.2.10",
            ["ChuyenDe:Operations:OutboxStuckStatus"] = "Unhealthy",
            ["ChuyenDe:Operations:OutboxMaxDelay"] = "00:01:00",
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string clientAddress, string? forwardedFor = null)
    {
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CmsAppFactory.ClientAddressHeader, clientAddress);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("10.1.2.3", HttpStatusCode.OK)]
    [InlineData("192.0.2.10", HttpStatusCode.OK)]
    [InlineData("10.2.0.1", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", HttpStatusCode.NotFound)]
    [InlineData("::1", HttpStatusCode.NotFound)]
    public async Task Only_the_configured_networks_reach_the_endpoints(string client, HttpStatusCode expected)
    {
        foreach (var url in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            using var response = await GetAsync(url, client);
            Assert.True(expected == response.StatusCode, $"{url} from {client}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Behind_the_local_proxy_the_forwarded_client_address_decides()
    {
        // nginx on the same machine (trusted: loopback) passes the client's address in X-Forwarded-For.
        using (var allowed = await GetAsync("/health/live", "127.0.0.1", "10.1.7.7"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var refused = await GetAsync("/health/live", "127.0.0.1", "203.0.113.9"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // A machine that is not a known proxy cannot claim an allowed address.
        using var spoofed = await GetAsync("/health/live", "203.0.113.9", "10.1.7.7");
        Assert.Equal(HttpStatusCode.NotFound, spoofed.StatusCode);
    }

    [Fact]
    public async Task A_stuck_outbox_answers_503_when_configured_Unhealthy()
    {
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            db.Set<NotificationRecord>().Add(new NotificationRecord
            {
                UserId = "health-test", EventKey = "health-test-stuck", Kind = "test", Subject = "Thư thử", Body = "Nội dung",
                CreatedUtc = DateTime.UtcNow.AddMinutes(-5), EmailStatus = NotificationEmailStatus.Pending,
            });
            await db.SaveChangesAsync();
        }

        using var response = await GetAsync("/health/ready", "10.1.0.1");
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", report["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", report["entries"]!["outbox"]!["status"]!.GetValue<string>());
        Assert.Equal(60, report["entries"]!["outbox"]!["data"]!["maxDelaySeconds"]!.GetValue<double>());
        Assert.Equal("Healthy", report["entries"]!["database"]!["status"]!.GetValue<string>());
    }
}
