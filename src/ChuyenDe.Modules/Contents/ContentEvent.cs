namespace ChuyenDe.Modules.Contents;

/// <summary>What happened to an item; <see cref="PreviousVersionId"/> is the version it replaced, if any.</summary>
public sealed record ContentEvent(ContentItem Item, ContentActor Actor, string? PreviousVersionId = null);
