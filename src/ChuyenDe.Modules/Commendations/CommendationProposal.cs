using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The decision about one proposal (đề nghị khen thưởng; table <c>CommendationProposals</c>): a nomination of a report
/// round, named by its key (<see cref="ProposalKeys"/>), accepted into a decision (as <see cref="RecipientId"/>) or
/// rejected. A nomination without a row is pending; the key is unique, so a nomination is decided once.
/// </summary>
public sealed class CommendationProposal
{
    public int Id { get; set; }

    public string SourceKey { get; set; } = "";

    public int RoundId { get; set; }

    /// <summary>The unit whose report nominated.</summary>
    public string UnitOrganizationId { get; set; } = "";

    public ProposalState State { get; set; }

    public int? DecisionId { get; set; }

    public int? RecipientId { get; set; }

    public DateTime DecidedUtc { get; set; }

    public string DecidedByUserName { get; set; } = "";
}

internal sealed class CommendationProposalConfiguration : IEntityTypeConfiguration<CommendationProposal>
{
    public void Configure(EntityTypeBuilder<CommendationProposal> b)
    {
        b.ToTable("CommendationProposals");
        b.HasKey(p => p.Id);
        b.Property(p => p.SourceKey).HasMaxLength(ProposalKeys.MaxLength);
        b.Property(p => p.UnitOrganizationId).HasMaxLength(64);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.DecidedByUserName).HasMaxLength(256);
        b.HasIndex(p => p.SourceKey).IsUnique();
        b.HasIndex(p => p.RoundId);
        b.HasOne<CommendationDecision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CommendationRecipient>().WithMany().HasForeignKey(p => p.RecipientId).OnDelete(DeleteBehavior.SetNull);
    }
}
