using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentTaxonomyRecordConfiguration : IEntityTypeConfiguration<ContentTaxonomyRecord>
{
    public void Configure(EntityTypeBuilder<ContentTaxonomyRecord> b)
    {
        b.ToTable("ContentTaxonomyTerms");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128);
        b.Property(r => r.ContentPart).HasMaxLength(128);
        b.Property(r => r.ContentField).HasMaxLength(128);
        b.Property(r => r.TaxonomyContentItemId).HasMaxLength(64);
        b.Property(r => r.TermContentItemId).HasMaxLength(64);
        b.HasIndex(r => new { r.TermContentItemId, r.Published });
        b.HasIndex(r => new { r.TermContentItemId, r.Latest });
        b.HasIndex(r => r.ContentItemVersionId);
    }
}
