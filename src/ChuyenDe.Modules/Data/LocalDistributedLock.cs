using System.Collections.Concurrent;

namespace ChuyenDe.Modules.Data;

/// <summary>One node: the lock is held within this process (its lease is not needed: a dead holder is a dead site).</summary>
public sealed class LocalDistributedLock : IDistributedLock
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken ct = default)
        => Task.FromResult<IAsyncDisposable?>(_held.TryAdd(name, 0) ? new Release(_held, name) : null);

    private sealed class Release(ConcurrentDictionary<string, byte> held, string name) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                held.TryRemove(name, out _);
            }

            return ValueTask.CompletedTask;
        }
    }
}
