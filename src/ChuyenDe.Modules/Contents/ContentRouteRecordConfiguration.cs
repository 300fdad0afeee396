using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentRouteRecordConfiguration : IEntityTypeConfiguration<ContentRouteRecord>
{
    public void Configure(EntityTypeBuilder<ContentRouteRecord> b)
    {
        b.ToTable("ContentRoutes");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.Path).HasMaxLength(512).IsRequired();
        // A published path belongs to one item only; works as a partial index on SQLite and PostgreSQL alike.
        b.HasIndex(r => r.Path).IsUnique().HasFilter("\"Published\"").HasDatabaseName("IX_ContentRoutes_PublishedPath");
        b.HasIndex(r => new { r.Path, r.Latest });
        b.HasIndex(r => r.ContentItemId);
    }
}
