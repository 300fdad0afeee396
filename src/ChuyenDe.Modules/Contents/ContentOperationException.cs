namespace ChuyenDe.Modules.Contents;

/// <summary>An operation the engine refuses: an unknown type or item, a version of another item, an address it cannot give.</summary>
public sealed class ContentOperationException(string message) : InvalidOperationException(message);
