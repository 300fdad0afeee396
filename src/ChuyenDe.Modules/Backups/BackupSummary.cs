namespace ChuyenDe.Modules.Backups;

/// <summary>What a backup wrote: the archive, its number of entries besides the manifest, its size in bytes.</summary>
public sealed record BackupSummary(string File, int Entries, long Bytes);
