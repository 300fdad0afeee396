using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Settings;

/// <summary>Site-wide settings, set by the <c>Settings</c> recipe step (Orchard Core's shape: properties on the step).</summary>
public sealed record SiteSettings
{
    // Looked up once per name: every card's date is converted, and the system's lookup takes a lock and reads its cache.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public string SiteName { get; init; } = "ChuyenDe CMS";
    public string? SiteShortName { get; init; }
    public string? Description { get; init; }
    public string TimeZoneId { get; init; } = "Asia/Ho_Chi_Minh";
    public string Culture { get; init; } = "vi-VN";
    public int PageSize { get; init; } = 12;

    /// <summary>Whether publishing photos needs the contributor's confirmation of the parents' consent (ConsentPart).</summary>
    public bool RequireParentalConsent { get; init; } = true;
    public DateTime? SetupCompletedUtc { get; init; }

    /// <summary>Roles whose holders must use two-step sign-in (an authenticator app); empty: nobody must.</summary>
    public IReadOnlyList<string> TwoFactorRequiredRoles { get; init; } = [];

    /// <summary>
    /// The site's default licence (a stored value of <see cref="Licensing.LicenseCatalog"/>): new items' licence fields
    /// start with it, and pages of types without a licence field carry it. All rights reserved unless set.
    /// </summary>
    public string DefaultLicense { get; init; } = Licensing.LicenseCatalog.AllRightsReservedValue;

    /// <summary>The default licence; all rights reserved when the stored value names none of the catalogue.</summary>
    public Licensing.ContentLicense DefaultContentLicense => Licensing.LicenseCatalog.Find(DefaultLicense) ?? Licensing.LicenseCatalog.AllRightsReserved;

    /// <summary>The zone named by <see cref="TimeZoneId"/> (UTC+7 under that name when the system has no such zone).</summary>
    public TimeZoneInfo TimeZone => Zones.GetOrAdd(TimeZoneId ?? "", static id =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), id, id);
        }
    });

    /// <summary>A UTC time in the site's time zone.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
}

public sealed class SiteSettingsRecord
{
    public int Id { get; set; }
    public string Json { get; set; } = "{}";
}

internal sealed class SiteSettingsRecordConfiguration : IEntityTypeConfiguration<SiteSettingsRecord>
{
    public void Configure(EntityTypeBuilder<SiteSettingsRecord> b)
    {
        b.ToTable("SiteSettings");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Json).IsJsonColumn();
    }
}

public interface ISiteSettingsService
{
    Task<SiteSettings> GetAsync(CancellationToken ct = default);

    /// <summary>The stored settings document, including properties other modules own.</summary>
    Task<JsonObject> GetDocumentAsync(CancellationToken ct = default);

    /// <summary>Merges the properties into the stored settings; returns false when nothing changed.</summary>
    Task<bool> MergeAsync(JsonObject properties, CancellationToken ct = default);
}

internal sealed class SiteSettingsService(DbContext db, ReferenceDataCache shared) : ISiteSettingsService
{
    /// <summary>The key of the stored settings in the <see cref="ReferenceDataCache"/>.</summary>
    public const string CacheKey = "Settings.Site";

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private Stored? _cached;

    public async Task<SiteSettings> GetAsync(CancellationToken ct = default)
        => (await LoadAsync(ct)).Settings;

    public async Task<JsonObject> GetDocumentAsync(CancellationToken ct = default)
        => JsonNode.Parse((await LoadAsync(ct)).Json) as JsonObject ?? new JsonObject(); // a copy of its own: callers may change it

    private async Task<Stored> LoadAsync(CancellationToken ct)
        => _cached ??= await shared.GetOrLoadAsync(db, CacheKey, async token =>
        {
            var record = await db.Set<SiteSettingsRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, token);
            var json = record?.Json ?? "{}";
            var document = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
            return new Stored(json, document.Deserialize<SiteSettings>(Options) ?? new SiteSettings());
        }, ct);

    /// <summary>The stored document and the settings read from it (a record: shared between requests unchanged).</summary>
    private sealed record Stored(string Json, SiteSettings Settings);

    public async Task<bool> MergeAsync(JsonObject properties, CancellationToken ct = default)
    {
        var record = await db.Set<SiteSettingsRecord>().FirstOrDefaultAsync(r => r.Id == 1, ct);
        var document = record is null ? new JsonObject() : JsonNode.Parse(record.Json) as JsonObject ?? new JsonObject();
        var before = document.DeepClone();
        foreach (var (name, value) in properties)
        {
            document[name] = value?.DeepClone();
        }

        if (record is not null && JsonNode.DeepEquals(before, document))
        {
            return false;
        }

        if (record is null)
        {
            record = new SiteSettingsRecord { Id = 1 };
            db.Add(record);
        }

        record.Json = document.ToJsonString();
        await db.SaveChangesAsync(ct);
        _cached = null;
        return true;
    }
}
