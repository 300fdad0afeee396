using System.Text.Json;
using ChuyenDe.Modules.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// <see cref="ICacheInvalidationBus"/> over Redis pub/sub: one channel for the site; a message carries the node that sent
/// it (a node ignores its own), the kind of cache and the keys. Subscribed when the host starts, before requests are served.
/// A message lost while a node was disconnected leaves its copies until they expire (the front cache's and reference
/// data's lifetimes are short).
/// </summary>
internal sealed class RedisCacheInvalidationBus(
    RedisConnection redis,
    IEnumerable<ICacheInvalidationHandler> handlers,
    ILogger<RedisCacheInvalidationBus> logger) : ICacheInvalidationBus, IHostedService
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ILookup<string, ICacheInvalidationHandler> _handlers = handlers.ToLookup(h => h.Kind, StringComparer.Ordinal);
    private RedisChannel Channel => RedisChannel.Literal(redis.Options.Key("cache-invalidation"));

    public async Task PublishAsync(CacheInvalidation message, CancellationToken cancellation = default)
    {
        if (message.Keys.Count == 0)
        {
            return;
        }

        try
        {
            var body = JsonSerializer.Serialize(new Message(_node, message.Kind, [.. message.Keys]));
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, body);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogError(e, "The other nodes could not be told to drop {Kind} {Keys}", message.Kind, message.Keys);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
        => await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Receive(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(value.ToString());
            if (message is null || message.Node == _node)
            {
                return;
            }

            foreach (var handler in _handlers[message.Kind])
            {
                handler.Invalidate(message.Keys);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "A cache invalidation from another node could not be applied");
        }
    }

    private sealed record Message(string Node, string Kind, string[] Keys);
}
