using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// The workflow state of one content item (one row per item, from its first submission on). Written only by
/// <see cref="WorkflowService"/>; <see cref="ConcurrencyStamp"/> makes two simultaneous decisions collide.
/// </summary>
public sealed class SubmissionRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";

    /// <summary>The item's organisation (the author's unit) when it was submitted.</summary>
    public string OrganizationId { get; set; } = "";

    /// <summary>The district office above the item's organisation, for the queue's filter.</summary>
    public string? DistrictId { get; set; }

    public SubmissionState State { get; set; }

    /// <summary>1 = the author's unit, 2.. = the review levels in <see cref="ReviewPath"/> (e.g. district, Department).</summary>
    public int Step { get; set; }

    /// <summary>The reviewing organisations in order, joined by '|' (e.g. <c>phong-quan-1|so-hcm</c>).</summary>
    public string ReviewPath { get; set; } = "";

    /// <summary>The organisation whose curators decide now, while submitted or in review.</summary>
    public string? ReviewOrganizationId { get; set; }

    public string SubmittedByUserId { get; set; } = "";
    public string SubmittedByUserName { get; set; } = "";

    /// <summary>The item's owner (author), who hears of returns and decisions.</summary>
    public string OwnerUserId { get; set; } = "";

    /// <summary>The version under review (the latest version when it was submitted).</summary>
    public string? SubmittedVersionId { get; set; }

    /// <summary>The version that was under review in the previous round (for the diff after a return).</summary>
    public string? PreviousSubmittedVersionId { get; set; }

    public string? ClaimedByUserId { get; set; }
    public string? ClaimedByUserName { get; set; }

    /// <summary>The level the item was approved at: <c>District</c> or <c>Province</c> (term codes of tax-levels).</summary>
    public string? ApprovedLevel { get; set; }

    /// <summary>How many times the item has been submitted.</summary>
    public int Round { get; set; }

    public string? SchoolYearTermId { get; set; }

    /// <summary>Criterion term ids joined by '|', for the queue's filter.</summary>
    public string CriteriaTermIds { get; set; } = "";

    public DateTime SubmittedUtc { get; set; }

    /// <summary>When the item arrived at its current step: the age shown in the queue.</summary>
    public DateTime StepEnteredUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<string> ReviewOrganizations => ReviewPath.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public int TotalSteps => 1 + ReviewOrganizations.Count;
}

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

/// <summary>A reviewer assigned to a submission in a round.</summary>
public sealed class ReviewAssignmentRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public int Round { get; set; }
    public string ReviewerUserId { get; set; } = "";
    public string ReviewerUserName { get; set; } = "";
    public string AssignedByUserId { get; set; } = "";
    public DateTime AssignedUtc { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A reviewer's assessment: a rating (1–5) per criterion of the topic and a comment.</summary>
public sealed class AssessmentRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public int Round { get; set; }
    public string? VersionId { get; set; }
    public string ReviewerUserId { get; set; } = "";
    public string ReviewerUserName { get; set; } = "";

    /// <summary>Criterion term id → rating, as JSON (e.g. <c>{"crit-1":4,"crit-3":5}</c>).</summary>
    public string Ratings { get; set; } = "{}";

    public string Comment { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

internal sealed class SubmissionRecordConfiguration : IEntityTypeConfiguration<SubmissionRecord>
{
    public void Configure(EntityTypeBuilder<SubmissionRecord> b)
    {
        b.ToTable("Submissions");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.Property(r => r.DisplayText).HasMaxLength(1024);
        b.Property(r => r.OrganizationId).HasMaxLength(64).IsRequired();
        b.Property(r => r.DistrictId).HasMaxLength(64);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.ReviewPath).HasMaxLength(512);
        b.Property(r => r.ReviewOrganizationId).HasMaxLength(64);
        b.Property(r => r.SubmittedByUserId).HasMaxLength(64);
        b.Property(r => r.SubmittedByUserName).HasMaxLength(256);
        b.Property(r => r.OwnerUserId).HasMaxLength(64);
        b.Property(r => r.SubmittedVersionId).HasMaxLength(64);
        b.Property(r => r.PreviousSubmittedVersionId).HasMaxLength(64);
        b.Property(r => r.ClaimedByUserId).HasMaxLength(64);
        b.Property(r => r.ClaimedByUserName).HasMaxLength(256);
        b.Property(r => r.ApprovedLevel).HasMaxLength(32);
        b.Property(r => r.SchoolYearTermId).HasMaxLength(64);
        b.Property(r => r.CriteriaTermIds).HasMaxLength(512);
        b.Property(r => r.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
        b.Ignore(r => r.ReviewOrganizations);
        b.Ignore(r => r.TotalSteps);
        b.HasIndex(r => r.ContentItemId).IsUnique();
        b.HasIndex(r => new { r.State, r.ReviewOrganizationId, r.StepEnteredUtc });
        b.HasIndex(r => r.OwnerUserId);
    }
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

internal sealed class ReviewAssignmentRecordConfiguration : IEntityTypeConfiguration<ReviewAssignmentRecord>
{
    public void Configure(EntityTypeBuilder<ReviewAssignmentRecord> b)
    {
        b.ToTable("ReviewAssignments");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ReviewerUserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ReviewerUserName).HasMaxLength(256);
        b.Property(r => r.AssignedByUserId).HasMaxLength(64);
        b.HasIndex(r => new { r.ContentItemId, r.Round });
        b.HasIndex(r => new { r.ReviewerUserId, r.Active });
    }
}

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> b)
    {
        b.ToTable("Assessments");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.VersionId).HasMaxLength(64);
        b.Property(r => r.ReviewerUserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ReviewerUserName).HasMaxLength(256);
        b.Property(r => r.Ratings).HasMaxLength(2000);
        b.Property(r => r.Comment).HasMaxLength(8000);
        b.HasIndex(r => new { r.ContentItemId, r.Round });
    }
}
