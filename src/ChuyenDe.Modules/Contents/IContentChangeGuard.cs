namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Rules other modules add against changing an item at all (saving a new version, deleting it), e.g. the editorial
/// workflow refuses edits while a submission is being reviewed. Returns the reason in the user's language, or null.
/// Not applied to recipe imports.
/// </summary>
public interface IContentChangeGuard
{
    Task<string?> GetBlockReasonAsync(string contentItemId, ContentActor actor, CancellationToken ct);
}
