using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentItemVersionRecordConfiguration : IEntityTypeConfiguration<ContentItemVersionRecord>
{
    public void Configure(EntityTypeBuilder<ContentItemVersionRecord> b)
    {
        b.ToTable("ContentItemVersions");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.Property(r => r.DisplayText).HasMaxLength(1024);
        b.Property(r => r.DisplayTextFolded).HasMaxLength(1024);
        b.Property(r => r.Owner).HasMaxLength(256);
        b.Property(r => r.Author).HasMaxLength(256);
        b.Property(r => r.OrganizationId).HasMaxLength(64);
        b.Property(r => r.Content).IsJsonColumn();
        b.HasIndex(r => r.ContentItemVersionId).IsUnique();
        b.HasIndex(r => new { r.ContentItemId, r.Latest, r.Published });
        b.HasIndex(r => new { r.ContentType, r.Published, r.PublishedUtc });
        b.HasIndex(r => new { r.ContentType, r.Latest, r.ModifiedUtc });
        b.HasIndex(r => new { r.OrganizationId, r.Latest });
        b.HasIndex(r => new { r.Latest, r.Published, r.ScheduledPublishUtc });
        b.HasIndex(r => new { r.Published, r.PublishedUtc, r.ContentItemId }); // the harvesting stream (IPublishedItemStream)
    }
}
