using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Media;

internal sealed class MediaUsageRecordConfiguration : IEntityTypeConfiguration<MediaUsageRecord>
{
    public void Configure(EntityTypeBuilder<MediaUsageRecord> b)
    {
        b.ToTable("MediaUsages");
        b.Property(r => r.Path).HasMaxLength(512).IsRequired();
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.HasIndex(r => new { r.Path, r.ContentItemId }).IsUnique();
        b.HasIndex(r => r.ContentItemId);
    }
}
