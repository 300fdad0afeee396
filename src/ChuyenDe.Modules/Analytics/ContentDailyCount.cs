using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// How often one content item's public page was viewed and its files downloaded on one day (in the site's time zone),
/// by distinct clients. Only these numbers are stored: no address, User-Agent, cookie or time of a visit.
/// </summary>
public sealed class ContentDailyCount
{
    public DateOnly Day { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The item's unit when the counts were written (the statistics of a unit and its district follow it).</summary>
    public string? OrganizationId { get; set; }

    public long Views { get; set; }
    public long Downloads { get; set; }
}

internal sealed class ContentDailyCountConfiguration : IEntityTypeConfiguration<ContentDailyCount>
{
    public void Configure(EntityTypeBuilder<ContentDailyCount> b)
    {
        b.ToTable(ContentDailyCounts.Table);
        b.HasKey(c => new { c.Day, c.ContentItemId });
        b.Property(c => c.ContentItemId).HasMaxLength(64);
        b.Property(c => c.OrganizationId).HasMaxLength(64);
        b.HasIndex(c => new { c.OrganizationId, c.Day });
    }
}
