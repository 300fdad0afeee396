namespace ChuyenDe.Modules.Backups;

/// <summary>Bound from <c>ChuyenDe:Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "ChuyenDe:Backup";

    /// <summary>
    /// The folder of <c>pg_dump</c> and <c>pg_restore</c> (PostgreSQL only). Unset: the <c>PATH</c>, then Debian's
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, highest version first.
    /// </summary>
    public string? PostgresBinFolder { get; set; }
}
