using ChuyenDe.Modules.Notifications;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// The e-mail outbox is not stuck: no e-mail has been due for longer than <see cref="OperationsOptions.OutboxMaxDelay"/>
/// (a stuck outbox gives <see cref="OperationsOptions.OutboxStuckStatus"/>, Degraded by default).
/// </summary>
internal sealed class EmailOutboxHealthCheck(IEmailOutboxStatus status, IOptions<OperationsOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await status.GetStateAsync(cancellationToken);
        var age = state.OldestDueSinceUtc is { } since ? clock.GetUtcNow().UtcDateTime - since : TimeSpan.Zero;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var values = new Dictionary<string, object>
        {
            ["smtpConfigured"] = state.SmtpConfigured,
            ["pending"] = state.Pending,
            ["due"] = state.Due,
            ["oldestDueSeconds"] = Math.Round(age.TotalSeconds, 1),
            ["maxDelaySeconds"] = options.Value.OutboxMaxDelay.TotalSeconds,
        };
        if (state.Due > 0 && age > options.Value.OutboxMaxDelay)
        {
            return new HealthCheckResult(options.Value.OutboxStuckStatus,
                $"The e-mail outbox is stuck: {state.Due} e-mail(s) due, the oldest for {age.TotalMinutes:0} min"
                + (state.SmtpConfigured ? "." : " (no SMTP server is configured)."), data: values);
        }

        return HealthCheckResult.Healthy(state.Pending == 0 ? "The e-mail outbox is empty." : "The e-mail outbox is moving.", values);
    }
}
