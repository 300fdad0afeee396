namespace ChuyenDe.Modules.Notifications;

/// <summary>
/// One notification about one event. <see cref="EventKey"/> identifies the event (e.g. "returned:{itemId}:{transitionId}");
/// a user receives at most one notification per event key, however often it is sent.
/// </summary>
public sealed record NotificationMessage
{
    public required string EventKey { get; init; }

    /// <summary>A stable English kind such as <c>SubmissionReceived</c>, <c>Returned</c>, <c>Approved</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Vietnamese subject line, shown in the list and as the e-mail subject.</summary>
    public required string Subject { get; init; }

    /// <summary>Vietnamese plain text (reasons included), shown in the app and sent as the e-mail body.</summary>
    public required string Body { get; init; }

    public string? ContentItemId { get; init; }

    /// <summary>A site-relative link such as <c>/admin/duyet/{id}</c>.</summary>
    public string? Url { get; init; }
}
