using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChuyenDe.Modules.Data;

namespace ChuyenDe.Modules.Backups;

/// <summary>
/// <c>manifest.json</c>, the last entry of a backup archive: what made it and the checksum of every other entry.
/// </summary>
public sealed class BackupManifest
{
    /// <summary>The version of the archive's layout this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public const string FileName = "manifest.json";

    /// <summary>The SQLite database (a consistent copy made with SQLite's online backup).</summary>
    public const string SqliteDatabaseEntry = "database/chuyende.db";

    /// <summary>The PostgreSQL database (<c>pg_dump --format=custom</c>).</summary>
    public const string PostgresDatabaseEntry = "database/chuyende.pgdump";

    /// <summary>Entries under this prefix are the media folder's files.</summary>
    public const string MediaPrefix = "media/";

    /// <summary>Entries under this prefix are the data-protection keys (cookies, anti-forgery).</summary>
    public const string KeysPrefix = "keys/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable by an operator: "1.0.0+abc" and Vietnamese file names as they are (the text is never put in a page).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public DateTime CreatedUtc { get; init; }
    public string AppVersion { get; init; } = "";
    public DatabaseProvider Provider { get; init; }
    public IReadOnlyList<BackupManifestEntry> Entries { get; init; } = [];

    public static string DatabaseEntryFor(DatabaseProvider provider)
        => provider == DatabaseProvider.Postgres ? PostgresDatabaseEntry : SqliteDatabaseEntry;

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest, or null when the text is not one.</summary>
    public static BackupManifest? Parse(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
