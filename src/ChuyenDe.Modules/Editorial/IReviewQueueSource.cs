using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Something other than content waiting for the user's decision, shown in the review queue under its group.</summary>
/// <param name="Group">The heading it is listed under (Vietnamese, from its module).</param>
/// <param name="Title">What waits (a link to <paramref name="Url"/>).</param>
/// <param name="Detail">Who sent it and anything else worth a glance (Vietnamese).</param>
/// <param name="SinceUtc">Since when it waits (the queue shows the oldest first).</param>
public sealed record ReviewQueueExtra(string Group, string Title, string Detail, string Url, DateTime SinceUtc);

/// <summary>
/// An extension point of the review queue (<c>/admin/duyet</c>): a module above Editorial lists what waits for the user's
/// decision in its own part of the back office (a unit's submitted report for the round's owner), within the user's
/// scope. Registered as an enumerable service; the queue asks each and shows their items after the content.
/// </summary>
public interface IReviewQueueSource
{
    Task<IReadOnlyList<ReviewQueueExtra>> WaitingAsync(UserScope scope, CancellationToken ct);
}
