using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Writes the counts waiting in <see cref="ViewCounter"/> to the database (<see cref="ContentDailyCounts"/>): every
/// <see cref="AnalyticsOptions.ViewFlushInterval"/> (<see cref="ViewCountFlushWorker"/>), when the site stops, and before the
/// statistics page reads the table. Counts that cannot be written are given back and written the next time. One flush at a
/// time. Also keeps the counter on the site's time zone.
/// </summary>
public sealed class ViewCountFlusher(ViewCounter counter, IServiceScopeFactory scopes, ILogger<ViewCountFlusher> logger)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Writes what waits; returns how many (item, day) counts were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<ISiteSettingsService>() is { } settings)
            {
                counter.UseTimeZone((await settings.GetAsync(ct)).TimeZone);
            }

            counter.ForgetPastDays();
            var pending = counter.TakePending();
            if (pending.Count == 0)
            {
                return 0;
            }

            try
            {
                await scope.ServiceProvider.GetRequiredService<ContentDailyCounts>().AddAsync(pending, ct);
                return pending.Count;
            }
            catch (Exception ex)
            {
                counter.Restore(pending);
                logger.LogWarning(ex, "The view and download counts could not be written ({Count} waiting); they will be written the next time.", pending.Count);
                throw;
            }
        }
        finally
        {
            _one.Release();
        }
    }
}
