using StackExchange.Redis;

namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// The one connection of this node to Redis (a multiplexer is meant to be shared), opened at first use; it reconnects by
/// itself when Redis comes back.
/// </summary>
public sealed class RedisConnection(ScaleOutOptions options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    });

    public ScaleOutOptions Options { get; } = options;

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
