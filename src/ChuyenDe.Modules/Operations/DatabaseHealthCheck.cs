using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// The database answers and its schema is the one this version expects: a connection is opened and the applied
/// migrations are read (a database that lost its tables, or is behind a newer node's version, is not ready).
/// </summary>
internal sealed class DatabaseHealthCheck(DbContext db, DataOptions data) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, object> { ["provider"] = data.Provider.ToString() };
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be reached.", data: values);
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var pending = db.Database.GetMigrations().Count(m => !applied.Contains(m));
        values["pendingMigrations"] = pending;
        return pending == 0
            ? HealthCheckResult.Healthy("The database answers and its schema is up to date.", values)
            : new HealthCheckResult(context.Registration.FailureStatus, $"The database schema lacks {pending} migration(s) of this version.", data: values);
    }
}
