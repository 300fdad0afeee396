using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChuyenDe.Modules.Data;

/// <summary>
/// Work that must wait until the change being made is durable — evicting cached pages, for instance: an eviction before
/// the commit would let a concurrent request cache the old page again. <see cref="OnCommittedAsync"/> runs the work when
/// the DbContext's current transaction commits (and forgets it on a rollback), or at once when there is no transaction.
/// The <see cref="Interceptor"/> is added to the site's DbContext options by <see cref="DataModule"/>.
/// </summary>
public static class CommitActions
{
    private static readonly ConditionalWeakTable<DbTransaction, List<Func<Task>>> Pending = new();

    /// <summary>The interceptor that runs the pending work of a transaction once it has committed.</summary>
    public static IInterceptor Interceptor { get; } = new CommitInterceptor();

    /// <summary>Runs <paramref name="action"/> after the current transaction commits, or now when there is none.</summary>
    public static Task OnCommittedAsync(this DbContext db, Func<Task> action)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            return action();
        }

        Pending.GetOrCreateValue(transaction).Add(action);
        return Task.CompletedTask;
    }

    private sealed class CommitInterceptor : DbTransactionInterceptor
    {
        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Pending.TryGetValue(transaction, out var actions))
            {
                Pending.Remove(transaction);
                foreach (var action in actions)
                {
                    await action();
                }
            }
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (Pending.TryGetValue(transaction, out var actions))
            {
                Pending.Remove(transaction);
                foreach (var action in actions)
                {
                    action().GetAwaiter().GetResult();
                }
            }
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Pending.Remove(transaction);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
            => Pending.Remove(transaction);
    }
}
