using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Contents;

public sealed class ContentsOptions
{
    /// <summary>How often drafts with a PublishLaterPart time are checked.</summary>
    public TimeSpan ScheduledPublishingInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Publishes the drafts whose <c>PublishLaterPart.ScheduledPublishUtc</c> has come.</summary>
public interface IScheduledPublisher
{
    /// <summary>Publishes what is due now; returns how many items were published.</summary>
    Task<int> PublishDueAsync(CancellationToken ct = default);
}

internal sealed class ScheduledPublisher(DbContext db, IContentManager contents, TimeProvider clock, ILogger<ScheduledPublisher> logger)
    : IScheduledPublisher
{
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<ContentItemVersionRecord>().AsNoTracking()
            .Where(r => r.Latest && !r.Published && r.ScheduledPublishUtc != null && r.ScheduledPublishUtc <= now)
            .OrderBy(r => r.ScheduledPublishUtc).Select(r => r.ContentItemId).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            var result = await contents.PublishLatestAsync(id, ContentActor.Scheduler, ct);
            if (result.Succeeded)
            {
                published++;
                logger.LogInformation("Scheduled publishing published {ContentItemId}", id);
            }
            else
            {
                logger.LogWarning("Scheduled publishing of {ContentItemId} failed validation: {Errors}", id,
                    string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        return published;
    }
}

internal sealed class ScheduledPublishingService(IServiceScopeFactory scopes, IOptions<ContentsOptions> options,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduledPublishingInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IScheduledPublisher>().PublishDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduled publishing failed; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
