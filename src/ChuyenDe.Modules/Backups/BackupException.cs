namespace ChuyenDe.Modules.Backups;

/// <summary>A backup or restore that cannot go on, with a message for the operator (no stack trace is shown).</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
