using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Data;

/// <summary>Runs a background job's pass on one node at a time (<see cref="IDistributedLock"/>).</summary>
public static class DistributedLockExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> under the lock <paramref name="name"/>, or skips it (returns <paramref name="skipped"/>)
    /// when another node is running it; a host without the data module runs it directly.
    /// </summary>
    public static async Task<T> RunExclusiveAsync<T>(
        this IServiceProvider services, string name, TimeSpan lease, Func<Task<T>> work, T skipped, CancellationToken ct)
    {
        if (services.GetService<IDistributedLock>() is not { } locks)
        {
            return await work();
        }

        var held = await locks.TryAcquireAsync(name, lease, ct);
        if (held is null)
        {
            return skipped;
        }

        await using (held)
        {
            return await work();
        }
    }
}
