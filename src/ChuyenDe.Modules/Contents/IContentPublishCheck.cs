namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Rules other modules add for publishing only (not for drafts, not for recipe imports), e.g. alt text of images and
/// parents' consent for photos of children. Run by the content manager before a version becomes published.
/// </summary>
public interface IContentPublishCheck
{
    Task CheckAsync(ContentPublishCheckContext context, CancellationToken ct);
}
