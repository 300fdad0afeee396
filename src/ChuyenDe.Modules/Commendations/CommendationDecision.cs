using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// A commendation decision (quyết định khen thưởng, table <c>CommendationDecisions</c>): its number (số quyết định),
/// date, issuing level, title (trích yếu), the phase or school year it closes, the signed file (a media path of the
/// owner's library) and its recipients. Only published decisions show on the honour roll and as badges.
/// </summary>
public sealed class CommendationDecision
{
    public const int MaxNumberLength = 64;
    public const int MaxTitleLength = 500;
    public const int MaxPeriodLength = 32;

    public int Id { get; set; }

    /// <summary>The unit that records the decision (a Department); curators of its subtree manage it.</summary>
    public string OwnerOrganizationId { get; set; } = "";

    public string Number { get; set; } = "";

    public DateOnly Date { get; set; }

    public IssuingLevel Level { get; set; }

    public string Title { get; set; } = "";

    /// <summary>A phase (<c>2021-2025</c>) or a school year (<c>2022-2023</c>).</summary>
    public string Period { get; set; } = "";

    /// <summary>The signed decision, a media path of the owner's library; none yet.</summary>
    public string? FilePath { get; set; }

    public bool Published { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>The recipe key of a sample decision (matched on a second run); null for decisions made in the admin.</summary>
    public string? Key { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<CommendationRecipient> Recipients { get; set; } = [];
}

internal sealed class CommendationDecisionConfiguration : IEntityTypeConfiguration<CommendationDecision>
{
    public void Configure(EntityTypeBuilder<CommendationDecision> b)
    {
        b.ToTable("CommendationDecisions");
        b.HasKey(d => d.Id);
        b.Property(d => d.OwnerOrganizationId).HasMaxLength(64);
        b.Property(d => d.Number).HasMaxLength(CommendationDecision.MaxNumberLength);
        b.Property(d => d.Title).HasMaxLength(CommendationDecision.MaxTitleLength);
        b.Property(d => d.Period).HasMaxLength(CommendationDecision.MaxPeriodLength);
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.FilePath).HasMaxLength(512);
        b.Property(d => d.Key).HasMaxLength(64);
        b.HasIndex(d => d.Key).IsUnique();
        b.HasIndex(d => new { d.Published, d.Date });
        b.HasMany(d => d.Recipients).WithOne().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
