using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>Where a round is in its life: prepared, answered by the units asked, or no longer answered.</summary>
public enum ReportRoundState
{
    /// <summary>Nháp: the owner prepares it; the units asked do not see it yet.</summary>
    Draft,

    /// <summary>Đang mở: the units asked answer it.</summary>
    Open,

    /// <summary>Đã đóng.</summary>
    Closed,
}

/// <summary>
/// A report round (đợt báo cáo): what a unit (the owner: the Department or a district office) asks the units below it
/// to report by a deadline. The outline and indicators are copied from a template when the round is created and are
/// the round's own from then on. The units asked are rows of <see cref="ReportRoundUnit"/> (key: round id and unit id),
/// each able to carry the unit's report; a district office's round for its schools links to the round that asked the
/// district (<see cref="ParentRoundId"/>).
/// </summary>
public sealed class ReportRound
{
    public int Id { get; set; }

    /// <summary>Stable key of a round that travels in recipes; null for one made in the admin.</summary>
    public string? Key { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The school year or phase it covers, as written (e.g. "2022-2023", "Giai đoạn 2021–2025"); filters the list.</summary>
    public string? SchoolYear { get; set; }

    /// <summary>Guidance for the units asked (Markdown).</summary>
    public string? Guidance { get; set; }

    public string OwnerOrganizationId { get; set; } = "";

    public ReportRoundState State { get; set; }

    /// <summary>The deadline in UTC; entered and shown in the site's time zone (Vietnam time).</summary>
    public DateTime? DeadlineUtc { get; set; }

    /// <summary>How the units asked were chosen; the rows are kept explicitly in <see cref="Units"/> either way.</summary>
    public UnitsAskedRule UnitsRule { get; set; }

    /// <summary>How many collective (tập thể) nominations for commendation each unit asked may send.</summary>
    public int CollectiveNominations { get; set; }

    /// <summary>How many individual (cá nhân) nominations each unit asked may send.</summary>
    public int IndividualNominations { get; set; }

    /// <summary>The template it was made from (informative; the round keeps its own copy).</summary>
    public int? TemplateId { get; set; }

    /// <summary>For a cascaded round: the round of the unit above that asked this round's owner.</summary>
    public int? ParentRoundId { get; set; }

    public string OutlineJson { get; set; } = "[]";
    public string IndicatorsJson { get; set; } = "[]";

    public string? CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? OpenedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }

    public List<ReportRoundUnit> Units { get; set; } = [];
    public List<ReportRoundDocument> Documents { get; set; } = [];
}

internal sealed class ReportRoundConfiguration : IEntityTypeConfiguration<ReportRound>
{
    public void Configure(EntityTypeBuilder<ReportRound> b)
    {
        b.ToTable("ReportRounds");
        b.Property(r => r.Key).HasMaxLength(64);
        b.Property(r => r.Title).HasMaxLength(300).IsRequired();
        b.Property(r => r.SchoolYear).HasMaxLength(64);
        b.Property(r => r.OwnerOrganizationId).HasMaxLength(64).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.UnitsRule).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.CreatedByUserId).HasMaxLength(64);
        b.Property(r => r.OutlineJson).IsRequired().IsJsonColumn();
        b.Property(r => r.IndicatorsJson).IsRequired().IsJsonColumn();
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => new { r.OwnerOrganizationId, r.State });
        b.HasIndex(r => r.ParentRoundId);
        // A district opens one linked round per round that asked it, even when two people click at once.
        b.HasIndex(r => new { r.ParentRoundId, r.OwnerOrganizationId }).IsUnique().HasFilter("\"ParentRoundId\" IS NOT NULL")
            .HasDatabaseName("IX_ReportRounds_ParentRoundId_OwnerOrganizationId");
        b.HasOne<ReportRound>().WithMany().HasForeignKey(r => r.ParentRoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReportTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Units).WithOne().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
