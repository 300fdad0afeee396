using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// One recipient of a decision (table <c>CommendationRecipients</c>): a collective (<see cref="OrganizationId"/>, its
/// name kept in <see cref="Name"/> as written in the decision) or an individual (name, position, organisation), the
/// achievement it is commended for, its place in the decision's list, the items it is commended for, and — when it came
/// from a report round's nomination — the nomination's key (<see cref="SourceKey"/>).
/// </summary>
public sealed class CommendationRecipient
{
    public const int MaxNameLength = 200;
    public const int MaxPositionLength = 200;
    public const int MaxAchievementLength = 2000;

    public int Id { get; set; }

    public int DecisionId { get; set; }

    public RecipientKind Kind { get; set; }

    /// <summary>The collective itself, or the unit an individual works in (may be unknown for an individual).</summary>
    public string? OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public string? Position { get; set; }

    public string Achievement { get; set; } = "";

    public int Order { get; set; }

    /// <summary>The nomination the recipient was accepted from (<see cref="ProposalKeys"/>); null when entered by hand.</summary>
    public string? SourceKey { get; set; }

    public List<CommendationRecipientItem> Items { get; set; } = [];
}

internal sealed class CommendationRecipientConfiguration : IEntityTypeConfiguration<CommendationRecipient>
{
    public void Configure(EntityTypeBuilder<CommendationRecipient> b)
    {
        b.ToTable("CommendationRecipients");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.OrganizationId).HasMaxLength(64);
        b.Property(r => r.Name).HasMaxLength(CommendationRecipient.MaxNameLength);
        b.Property(r => r.Position).HasMaxLength(CommendationRecipient.MaxPositionLength);
        b.Property(r => r.Achievement).HasMaxLength(CommendationRecipient.MaxAchievementLength);
        b.Property(r => r.SourceKey).HasMaxLength(ProposalKeys.MaxLength);
        b.HasIndex(r => r.SourceKey).IsUnique();
        b.HasIndex(r => r.OrganizationId);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
