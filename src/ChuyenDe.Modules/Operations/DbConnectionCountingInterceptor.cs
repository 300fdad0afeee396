using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChuyenDe.Modules.Operations;

/// <summary>Counts the connections the site's DbContext opens and closes (<see cref="OperationsMetrics"/>), on either database.</summary>
internal sealed class DbConnectionCountingInterceptor(OperationsMetrics metrics) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => metrics.ConnectionOpened();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.ConnectionOpened();
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => metrics.ConnectionClosed();

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        metrics.ConnectionClosed();
        return Task.CompletedTask;
    }
}
