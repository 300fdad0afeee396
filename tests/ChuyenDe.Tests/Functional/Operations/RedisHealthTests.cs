using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// With <c>ChuyenDe:Redis:Configuration</c> set, the readiness has a <c>redis</c> entry: healthy while Redis (Debian's
/// redis-server, started here on a free port) answers, 503 once it is stopped. Without the setting there is no entry
/// (<see cref="HealthAndMetricsTests{TFixture}"/>).
/// </summary>
public sealed class RedisHealthTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Report)> ReadyAsync(CmsAppFactory factory)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [SkippableFact]
    public async Task Redis_is_checked_when_configured()
    {
        var server = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        Skip.If(server is null && !PostgresTestDatabase.InCi, "redis-server is not installed here (apt-get install redis-server).");
        Assert.NotNull(server);

        var port = FreePort();
        using var redis = Process.Start(new ProcessStartInfo(server!)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        await using var database = new SqliteTestDatabase();
        try
        {
            await using var factory = new CmsAppFactory(database, new Dictionary<string, string?>
            {
                ["ChuyenDe:Redis:Configuration"] = $"127.0.0.1:{port}",
            });
            _ = factory.Server;

            var (status, report) = (HttpStatusCode.ServiceUnavailable, (JsonNode?)null);
            for (var attempt = 0; attempt < 40 && status != HttpStatusCode.OK; attempt++)
            {
                (status, report) = await ReadyAsync(factory); // redis-server takes a moment to listen
                if (status != HttpStatusCode.OK)
                {
                    await Task.Delay(250);
                }
            }

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", report!["entries"]!["redis"]!["status"]!.GetValue<string>());

            redis.Kill();
            await redis.WaitForExitAsync();
            (status, report) = await ReadyAsync(factory);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", report!["entries"]!["redis"]!["status"]!.GetValue<string>());
            Assert.Equal("Healthy", report["entries"]!["database"]!["status"]!.GetValue<string>());
        }
        finally
        {
            if (!redis.HasExited)
            {
                redis.Kill();
            }
        }
    }
}
