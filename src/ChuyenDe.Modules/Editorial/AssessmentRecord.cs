using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Editorial;

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
