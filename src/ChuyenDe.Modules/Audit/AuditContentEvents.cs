using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Audit;

/// <summary>
/// Records what the content engine announces: created, edited, published, unpublished, draft discarded, deleted, with
/// the version ids before and after. Runs inside the engine's transaction. Changes made by the system (recipes,
/// scheduled publishing) are recorded too: as the signed-in user who ran a recipe, or as "system" at setup and in
/// the background.
/// </summary>
internal sealed class AuditContentEvents(IAuditTrail trail) : IContentEventHandler
{
    public Task CreatedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.Created, before: null, after: e.Item.ContentItemVersionId, ct);

    public Task UpdatedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.Updated, e.PreviousVersionId, e.Item.ContentItemVersionId, ct);

    public Task PublishedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.Published, e.PreviousVersionId, e.Item.ContentItemVersionId, ct);

    /// <summary>The version that was published before; none is published after.</summary>
    public Task UnpublishedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.Unpublished, e.PreviousVersionId ?? e.Item.ContentItemVersionId, after: null, ct);

    /// <summary>The discarded draft before; the published version, latest again, after.</summary>
    public Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.DraftDiscarded, e.PreviousVersionId, e.Item.ContentItemVersionId, ct);

    public Task RemovedAsync(ContentEvent e, CancellationToken ct)
        => RecordAsync(e, AuditActions.Removed, e.PreviousVersionId ?? e.Item.ContentItemVersionId, after: null, ct);

    private Task RecordAsync(ContentEvent e, string action, string? before, string? after, CancellationToken ct)
    {
        var system = e.Actor.UserId == ContentActor.System.UserId;
        return trail.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Content,
            Action = action,
            ContentItemId = e.Item.ContentItemId,
            ContentType = e.Item.ContentType,
            Subject = e.Item.DisplayText,
            OrganizationId = e.Item.OrganizationId,
            VersionBefore = before,
            VersionAfter = after,
            ActorUserId = system ? null : e.Actor.UserId,
            ActorUserName = system ? null : e.Actor.UserName,
        }, ct);
    }
}
