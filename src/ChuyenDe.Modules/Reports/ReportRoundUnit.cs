using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>Where a unit's report of a round stands (kept on its <see cref="ReportRoundUnit"/> row for the status board).</summary>
public enum UnitReportState
{
    /// <summary>Chưa bắt đầu: no report yet.</summary>
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>
/// One unit asked by a round; the pair (<see cref="RoundId"/>, <see cref="OrganizationId"/>) is the key. It carries the
/// unit's report when there is one (a content item, <see cref="ReportContentItemId"/>), its state and when it was
/// submitted, so the status board reads one table.
/// </summary>
public sealed class ReportRoundUnit
{
    public int RoundId { get; set; }

    public string OrganizationId { get; set; } = "";

    public DateTime AddedUtc { get; set; }

    /// <summary>The unit's report (a content item) once started; null before.</summary>
    public string? ReportContentItemId { get; set; }

    public UnitReportState ReportState { get; set; }

    /// <summary>When the report was last submitted (UTC); late when after the round's deadline.</summary>
    public DateTime? SubmittedUtc { get; set; }

    /// <summary>When <see cref="ReportState"/> last changed (UTC).</summary>
    public DateTime? StateChangedUtc { get; set; }
}

internal sealed class ReportRoundUnitConfiguration : IEntityTypeConfiguration<ReportRoundUnit>
{
    public void Configure(EntityTypeBuilder<ReportRoundUnit> b)
    {
        b.ToTable("ReportRoundUnits");
        b.HasKey(u => new { u.RoundId, u.OrganizationId });
        b.Property(u => u.OrganizationId).HasMaxLength(64);
        b.Property(u => u.ReportContentItemId).HasMaxLength(64);
        b.Property(u => u.ReportState).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(u => u.OrganizationId);
        b.HasIndex(u => u.ReportContentItemId).IsUnique();
    }
}
