namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Orchard Core's content manager semantics over versioned rows. Every change runs in one transaction
/// (joining the caller's when there is one) together with the index tables and the event handlers.
/// </summary>
public interface IContentManager
{
    /// <summary>A new, unsaved item of the type with its parts and fields initialised.</summary>
    Task<ContentItem> NewAsync(string contentType, CancellationToken ct = default);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken ct = default);
    Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken ct = default);

    /// <summary>Every stored version, newest first (removed items included).</summary>
    Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId, CancellationToken ct = default);

    /// <summary>Saves the item as a draft. A published item stays visible until the draft is published.</summary>
    Task<ContentResult> SaveDraftAsync(ContentItem item, ContentActor actor, CancellationToken ct = default);

    /// <summary>Saves the item and publishes that version.</summary>
    Task<ContentResult> PublishAsync(ContentItem item, ContentActor actor, CancellationToken ct = default);

    /// <summary>Publishes the latest version as it is (used by scheduled publishing).</summary>
    Task<ContentResult> PublishLatestAsync(string contentItemId, ContentActor actor, CancellationToken ct = default);

    Task<bool> UnpublishAsync(string contentItemId, ContentActor actor, CancellationToken ct = default);

    /// <summary>Drops the draft and makes the published version the latest again.</summary>
    Task<bool> DiscardDraftAsync(string contentItemId, ContentActor actor, CancellationToken ct = default);

    /// <summary>Soft delete: every version stays stored but none is latest or published.</summary>
    Task<bool> RemoveAsync(string contentItemId, ContentActor actor, CancellationToken ct = default);

    /// <summary>A new item (draft) copied from the latest version.</summary>
    Task<ContentResult> CloneAsync(string contentItemId, ContentActor actor, CancellationToken ct = default);

    /// <summary>
    /// Imports an item as given (recipes): same ids, flags and dates. Unchanged items are left alone;
    /// returns false then.
    /// </summary>
    Task<bool> ImportAsync(ContentItem item, ContentActor actor, CancellationToken ct = default);

    Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, CancellationToken ct = default);
}
