using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// One curation of a published item: marked exemplary (with a level and a citation) or designated a model site (with a
/// theme, level and school year). Withdrawing keeps the row, so the history stays; at most one active row per item and
/// kind. Written only by <see cref="CurationService"/>; <see cref="ConcurrencyStamp"/> makes simultaneous changes collide.
/// </summary>
public sealed class CurationRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The item's content type when it was curated.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The item's organisation when it was curated (the list is scoped by it).</summary>
    public string? OrganizationId { get; set; }

    /// <summary><see cref="CurationKinds.Exemplary"/> or <see cref="CurationKinds.ModelSite"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>A term of tax-levels.</summary>
    public string LevelTermId { get; set; } = "";

    /// <summary>Why: required for exemplary products.</summary>
    public string? Citation { get; set; }

    /// <summary>A term of tax-model-site-themes (model sites).</summary>
    public string? ThemeTermId { get; set; }

    /// <summary>A term of tax-school-years (model sites).</summary>
    public string? SchoolYearTermId { get; set; }

    /// <summary>The place among the items featured on the home page; null = not featured.</summary>
    public int? FeaturedOrder { get; set; }

    public string CuratedByUserId { get; set; } = "";
    public string CuratedByUserName { get; set; } = "";
    public DateTime CuratedUtc { get; set; }

    public DateTime? WithdrawnUtc { get; set; }
    public string? WithdrawnByUserId { get; set; }
    public string? WithdrawnByUserName { get; set; }
    public string? WithdrawReason { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool Active => WithdrawnUtc is null;
}

internal sealed class CurationRecordConfiguration : IEntityTypeConfiguration<CurationRecord>
{
    public void Configure(EntityTypeBuilder<CurationRecord> b)
    {
        b.ToTable("Curations");
        b.Ignore(r => r.Active);
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.Property(r => r.OrganizationId).HasMaxLength(64);
        b.Property(r => r.Kind).HasMaxLength(32).IsRequired();
        b.Property(r => r.LevelTermId).HasMaxLength(64).IsRequired();
        b.Property(r => r.Citation).HasMaxLength(2000);
        b.Property(r => r.ThemeTermId).HasMaxLength(64);
        b.Property(r => r.SchoolYearTermId).HasMaxLength(64);
        b.Property(r => r.CuratedByUserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.CuratedByUserName).HasMaxLength(256).IsRequired();
        b.Property(r => r.WithdrawnByUserId).HasMaxLength(64);
        b.Property(r => r.WithdrawnByUserName).HasMaxLength(256);
        b.Property(r => r.WithdrawReason).HasMaxLength(2000);
        b.Property(r => r.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
        // One active curation per item and kind, enforced by the database too (two curators at once).
        b.HasIndex(r => new { r.ContentItemId, r.Kind }).IsUnique().HasFilter("\"WithdrawnUtc\" IS NULL")
            .HasDatabaseName("IX_Curations_Active");
        b.HasIndex(r => new { r.Kind, r.WithdrawnUtc, r.CuratedUtc });
    }
}
