using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// Redis answers a PING (registered only when <see cref="ConfigurationKey"/> is set). One connection is kept for the
/// checks and made again after a failure; connecting and the PING each have two seconds.
/// </summary>
internal sealed class RedisHealthCheck(string configuration) : IHealthCheck, IAsyncDisposable
{
    /// <summary>The StackExchange.Redis configuration string of the site's Redis, e.g. <c>127.0.0.1:6379,password=…</c>.</summary>
    public const string ConfigurationKey = "ChuyenDe:Redis:Configuration";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy("Redis answers.", new Dictionary<string, object> { ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 2) });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            await ForgetAsync();
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis cannot be reached.", e);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is { IsConnected: true } connected)
            {
                return connected;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 2000;
            options.ConnectRetry = 1;
            return _connection = await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ForgetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
