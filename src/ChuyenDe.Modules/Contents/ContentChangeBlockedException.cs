namespace ChuyenDe.Modules.Contents;

/// <summary>A change refused by an <see cref="IContentChangeGuard"/>; the message is meant for the user.</summary>
public sealed class ContentChangeBlockedException(string message) : InvalidOperationException(message);
