namespace ChuyenDe.Modules.Backups;

/// <summary>What a restore put in place: the archive's creation time, files restored, documents in the rebuilt search index.</summary>
public sealed record RestoreSummary(DateTime BackupCreatedUtc, int MediaFiles, int KeyFiles);
