namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Tells the other nodes of the site which keys of their in-process caches a committed change made stale (several nodes:
/// Redis pub/sub, <c>ScaleOut/RedisCacheInvalidationBus</c>; one node: nobody to tell). Each node applies a message it
/// receives through the <see cref="ICacheInvalidationHandler"/>s of its <see cref="CacheInvalidation.Kind"/>; the node
/// that published has already dropped the keys itself. Publishing never throws: a message that cannot be sent is logged
/// (the other nodes' copies expire on their own).
/// </summary>
public interface ICacheInvalidationBus
{
    Task PublishAsync(CacheInvalidation message, CancellationToken cancellation = default);
}
