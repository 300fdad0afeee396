using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChuyenDe.Modules.Data;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> inside the caller's transaction when there is one; otherwise in a new transaction that
    /// commits when the work returns and rolls back (forgetting the tracked changes) when it throws.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
