namespace ChuyenDe.Modules.Contents;

/// <summary>A file of the media library a field's value uses (its path in the store) and the description given with it.</summary>
public sealed record MediaReference(string Path, string? Description);
