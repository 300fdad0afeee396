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
