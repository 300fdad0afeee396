using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentTypeDefinitionRecordConfiguration : IEntityTypeConfiguration<ContentTypeDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ContentTypeDefinitionRecord> b)
    {
        b.ToTable("ContentTypeDefinitions");
        b.HasKey(r => r.Name);
        b.Property(r => r.Name).HasMaxLength(128);
        b.Property(r => r.DisplayName).HasMaxLength(256);
        b.Property(r => r.Json).IsJsonColumn();
    }
}
