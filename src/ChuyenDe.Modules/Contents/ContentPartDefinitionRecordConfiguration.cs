using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentPartDefinitionRecordConfiguration : IEntityTypeConfiguration<ContentPartDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ContentPartDefinitionRecord> b)
    {
        b.ToTable("ContentPartDefinitions");
        b.HasKey(r => r.Name);
        b.Property(r => r.Name).HasMaxLength(128);
        b.Property(r => r.Json).IsJsonColumn();
    }
}
