using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Editorial;

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
