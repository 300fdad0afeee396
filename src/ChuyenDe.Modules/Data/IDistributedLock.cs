namespace ChuyenDe.Modules.Data;

/// <summary>
/// A lock held by one process of the site at a time, for the background jobs that must run once across nodes (scheduled
/// publishing, the e-mail outbox, report reminders): one node, an in-process lock (<see cref="LocalDistributedLock"/>);
/// several nodes, Redis (<c>ScaleOut/RedisDistributedLock</c>). The lock is a lease: it ends by itself after the time
/// asked for if its holder dies, so a job's pass must be shorter than the lease, and its work stays idempotent (rows
/// claimed in the database) in case a lease runs out under a slow pass.
/// </summary>
public interface IDistributedLock
{
    /// <summary>Takes the lock <paramref name="name"/> for at most <paramref name="lease"/>; null when another holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken ct = default);
}
