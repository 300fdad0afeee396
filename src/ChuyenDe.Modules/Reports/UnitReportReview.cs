using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>What the round's owner decided about a submitted report.</summary>
public enum UnitReportDecision
{
    Returned,
    Accepted,
}

/// <summary>
/// One decision of the round's owner on a unit's submitted report (table <c>UnitReportReviews</c>, append-only): the
/// version it was about, returned (with the reason and, optionally, the outline sections concerned) or accepted, who and when.
/// </summary>
public sealed class UnitReportReview
{
    public int Id { get; set; }

    public string ReportId { get; set; } = "";

    /// <summary>The report's version number the decision was about (the latest submission).</summary>
    public int VersionNumber { get; set; }

    public UnitReportDecision Decision { get; set; }

    /// <summary>Why it was returned (required then); null when accepted.</summary>
    public string? Reason { get; set; }

    /// <summary>The outline section keys the return concerns, comma separated; null for none.</summary>
    public string? SectionKeys { get; set; }

    public DateTime DecidedUtc { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public IReadOnlyList<string> Sections
        => string.IsNullOrEmpty(SectionKeys) ? [] : SectionKeys.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class UnitReportReviewConfiguration : IEntityTypeConfiguration<UnitReportReview>
{
    public void Configure(EntityTypeBuilder<UnitReportReview> b)
    {
        b.ToTable("UnitReportReviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.ReportId).HasMaxLength(64);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Reason).HasMaxLength(UnitReportReviewService.MaxReasonLength);
        b.Property(r => r.SectionKeys).HasMaxLength(2000);
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.UserName).HasMaxLength(256);
        b.HasIndex(r => r.ReportId);
        b.HasOne<UnitReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
