using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// One change to index, written in the content transaction. Every node applies the tasks in id order to its own
/// index and keeps the last id applied (its cursor) in the index commit. Applying a task reads the item's current
/// state, so applying one twice, or an older one after a newer one, gives the same index.
/// </summary>
public sealed class SearchIndexingTaskRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public SearchIndexingTaskKind Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class SearchIndexingTaskRecordConfiguration : IEntityTypeConfiguration<SearchIndexingTaskRecord>
{
    public void Configure(EntityTypeBuilder<SearchIndexingTaskRecord> b)
    {
        b.ToTable("SearchIndexingTasks");
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.HasIndex(r => r.CreatedUtc);
    }
}
