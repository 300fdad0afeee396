using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Editorial;

/// <summary>One transition of a submission: who moved it from which state to which, with reasons (append-only).</summary>
public sealed class SubmissionTransitionRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public int Round { get; set; }
    public WorkflowAction Action { get; set; }
    public SubmissionState FromState { get; set; }
    public SubmissionState ToState { get; set; }
    public int Step { get; set; }
    public string ActorUserId { get; set; } = "";
    public string ActorUserName { get; set; } = "";
    public string? ActorOrganizationId { get; set; }

    /// <summary>Reasons as shown to the author: the chosen predefined reasons and the written one, one per line.</summary>
    public string? Reasons { get; set; }

    public string? VersionId { get; set; }

    /// <summary>For assignments and reassignments: the user the submission was given to.</summary>
    public string? TargetUserId { get; set; }
    public string? TargetUserName { get; set; }

    public DateTime OccurredUtc { get; set; }
}

internal sealed class SubmissionTransitionRecordConfiguration : IEntityTypeConfiguration<SubmissionTransitionRecord>
{
    public void Configure(EntityTypeBuilder<SubmissionTransitionRecord> b)
    {
        b.ToTable("SubmissionTransitions");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.FromState).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.ToState).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.ActorUserId).HasMaxLength(64);
        b.Property(r => r.ActorUserName).HasMaxLength(256);
        b.Property(r => r.ActorOrganizationId).HasMaxLength(64);
        b.Property(r => r.Reasons).HasMaxLength(8000);
        b.Property(r => r.VersionId).HasMaxLength(64);
        b.Property(r => r.TargetUserId).HasMaxLength(64);
        b.Property(r => r.TargetUserName).HasMaxLength(256);
        b.HasIndex(r => new { r.ContentItemId, r.Id });
    }
}
