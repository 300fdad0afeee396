using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// A library item that was published and no longer is (unpublished or removed): OAI-PMH keeps answering for it with a
/// <c>status="deleted"</c> header for ever (<c>deletedRecord</c> = <c>persistent</c>), dated when it stopped being
/// published, in the sets it was in then. Written by <see cref="TombstoneRecorder"/> in the change's transaction and
/// removed when the item is published again.
/// </summary>
public sealed class OaiTombstone
{
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";

    /// <summary>When the item stopped being published (the deleted header's datestamp), UTC.</summary>
    public DateTime DeletedUtc { get; set; }

    /// <summary>The set specs of the item when it went, each between spaces (<c>" type:Initiative donvi:so-hcm "</c>).</summary>
    public string SetSpecs { get; set; } = " ";
}

internal sealed class OaiTombstoneConfiguration : IEntityTypeConfiguration<OaiTombstone>
{
    public void Configure(EntityTypeBuilder<OaiTombstone> b)
    {
        b.ToTable("OaiTombstones");
        b.HasKey(t => t.ContentItemId);
        b.Property(t => t.ContentItemId).HasMaxLength(64);
        b.Property(t => t.ContentType).HasMaxLength(128).IsRequired();
        b.Property(t => t.SetSpecs).HasMaxLength(4000).IsRequired();
        b.HasIndex(t => new { t.DeletedUtc, t.ContentItemId });
    }
}
