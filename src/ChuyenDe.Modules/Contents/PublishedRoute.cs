namespace ChuyenDe.Modules.Contents;

/// <summary>The address of a published item (no leading slash) and when its published version last changed (UTC).</summary>
public sealed record PublishedRoute(string Path, DateTime ModifiedUtc);
