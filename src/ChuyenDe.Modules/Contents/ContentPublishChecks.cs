namespace ChuyenDe.Modules.Contents;

/// <summary>An item about to be published, and the errors that stop it.</summary>
public sealed class ContentPublishCheckContext(ContentItem item, ContentTypeDefinition type)
{
    public ContentItem Item { get; } = item;
    public ContentTypeDefinition Type { get; } = type;

    /// <summary>Who publishes: a user, or <see cref="ContentActor.System"/> for the scheduler.</summary>
    public ContentActor Actor { get; init; } = ContentActor.System;
    public List<ContentValidationError> Errors { get; } = [];

    public void Fail(string part, string? field, string message) => Errors.Add(new ContentValidationError(part, field, message));
}

/// <summary>
/// Rules other modules add for publishing only (not for drafts, not for recipe imports), e.g. alt text of images and
/// parents' consent for photos of children. Run by the content manager before a version becomes published.
/// </summary>
public interface IContentPublishCheck
{
    Task CheckAsync(ContentPublishCheckContext context, CancellationToken ct);
}

/// <summary>
/// Rules other modules add against changing an item at all (saving a new version, deleting it), e.g. the editorial
/// workflow refuses edits while a submission is being reviewed. Returns the reason in the user's language, or null.
/// Not applied to recipe imports.
/// </summary>
public interface IContentChangeGuard
{
    Task<string?> GetBlockReasonAsync(string contentItemId, ContentActor actor, CancellationToken ct);
}
