using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A unit's report to a round (table <c>UnitReports</c>): the latest text per outline section and the indicator values
/// (stored normalised, as <c>IndicatorEntryValidator</c> gives them), keyed by the outline's and indicators' keys. Its
/// <see cref="Id"/> is the <c>ReportContentItemId</c> of the unit's <see cref="ReportRoundUnit"/> row, where its state
/// lives. Every save appends a <see cref="UnitReportVersion"/>, so the history is kept for returns, diffs and review.
/// </summary>
public sealed class UnitReport
{
    public string Id { get; set; } = "";

    public int RoundId { get; set; }

    public string OrganizationId { get; set; } = "";

    /// <summary>JSON object: section key → Markdown.</summary>
    public string SectionsJson { get; set; } = "{}";

    /// <summary>JSON object: indicator key → stored value.</summary>
    public string ValuesJson { get; set; } = "{}";

    /// <summary>JSON array of <see cref="EvidenceEntry"/> (files of the unit's library, links to its library items).</summary>
    public string EvidenceJson { get; set; } = "[]";

    /// <summary>JSON array of <see cref="NominationEntry"/> (commendation nominations with their achievement reports).</summary>
    public string NominationsJson { get; set; } = "[]";

    /// <summary>The number of the latest version (0 until the first save).</summary>
    public int Version { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime ModifiedUtc { get; set; }

    public string ModifiedByUserId { get; set; } = "";
}

/// <summary>What a saved version was: a draft or a submission.</summary>
public enum UnitReportVersionKind
{
    Draft,
    Submitted,
}

/// <summary>One saved version of a unit's report (append-only).</summary>
public sealed class UnitReportVersion
{
    public int Id { get; set; }

    public string ReportId { get; set; } = "";

    public int Number { get; set; }

    public UnitReportVersionKind Kind { get; set; }

    public string SectionsJson { get; set; } = "{}";

    public string ValuesJson { get; set; } = "{}";

    public string EvidenceJson { get; set; } = "[]";

    public string NominationsJson { get; set; } = "[]";

    public DateTime SavedUtc { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";
}

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> b)
    {
        b.ToTable("UnitReports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(64);
        b.Property(r => r.OrganizationId).HasMaxLength(64);
        b.Property(r => r.CreatedByUserId).HasMaxLength(64);
        b.Property(r => r.ModifiedByUserId).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.RoundId, r.OrganizationId }).IsUnique();
        b.HasOne<ReportRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitReportVersionConfiguration : IEntityTypeConfiguration<UnitReportVersion>
{
    public void Configure(EntityTypeBuilder<UnitReportVersion> b)
    {
        b.ToTable("UnitReportVersions");
        b.HasKey(v => v.Id);
        b.Property(v => v.ReportId).HasMaxLength(64);
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.UserId).HasMaxLength(64);
        b.Property(v => v.UserName).HasMaxLength(256);
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        b.HasOne<UnitReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
