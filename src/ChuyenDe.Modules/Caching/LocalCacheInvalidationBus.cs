namespace ChuyenDe.Modules.Caching;

/// <summary>One node: there is no other node to tell.</summary>
internal sealed class LocalCacheInvalidationBus : ICacheInvalidationBus
{
    public Task PublishAsync(CacheInvalidation message, CancellationToken cancellation = default) => Task.CompletedTask;
}
