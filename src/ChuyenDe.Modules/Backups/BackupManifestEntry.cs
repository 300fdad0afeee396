namespace ChuyenDe.Modules.Backups;

/// <summary>One file of a backup archive: its path in the archive, its size in bytes and its SHA-256 (lower-case hex).</summary>
public sealed record BackupManifestEntry(string Path, long Size, string Sha256);
