using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChuyenDe.Modules.Data;

/// <summary>
/// The one way to run a unit of work in a transaction. The work runs in the provider's execution strategy (so a
/// retrying strategy, if one is configured for PostgreSQL, may run it again: it must start from what it reads), in a
/// new transaction that commits when the work succeeds and rolls back — forgetting the tracked changes — when it throws
/// or when its result is a refusal. Inside the caller's transaction the work simply runs: the outermost call commits or
/// rolls back, so services that use the helper can call one another.
/// </summary>
public static class DbContextTransactions
{
    /// <summary>Runs <paramref name="work"/> in a transaction that commits when it returns and rolls back when it throws.</summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken ct)
        => db.InTransactionAsync(work, static _ => true, ct);

    /// <summary>Runs <paramref name="work"/> in a transaction that commits when it completes and rolls back when it throws.</summary>
    public static Task InTransactionAsync(this DbContext db, Func<Task> work, CancellationToken ct)
        => db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, static _ => true, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that commits when <paramref name="commit"/> says so of its result and
    /// otherwise rolls back (a refusal returned without an exception); an exception rolls back too and is rethrown.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(token);
            T result;
            try
            {
                result = await work();
            }
            catch
            {
                await RollBackAsync(db, transaction);
                throw;
            }

            if (!commit(result))
            {
                await RollBackAsync(db, transaction);
                return result;
            }

            try
            {
                // The work is done: the commit is not cancelled half-way.
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch
            {
                // Disposing the transaction rolls back what the failed commit left; the tracked changes were not stored.
                db.ChangeTracker.Clear();
                throw;
            }

            return result;
        }, ct);
    }

    private static async Task RollBackAsync(DbContext db, IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }
}
