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
