namespace ChuyenDe.Modules.Contents;

/// <summary>Publishes the drafts whose <c>PublishLaterPart.ScheduledPublishUtc</c> has come.</summary>
public interface IScheduledPublisher
{
    /// <summary>Publishes what is due now; returns how many items were published.</summary>
    Task<int> PublishDueAsync(CancellationToken ct = default);
}
