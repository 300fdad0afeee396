using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Commendations;

/// <summary>A content item a recipient was commended for (an initiative, exemplary product or model site; table <c>CommendationRecipientItems</c>).</summary>
public sealed class CommendationRecipientItem
{
    public int RecipientId { get; set; }

    public string ContentItemId { get; set; } = "";

    public int Order { get; set; }
}

internal sealed class CommendationRecipientItemConfiguration : IEntityTypeConfiguration<CommendationRecipientItem>
{
    public void Configure(EntityTypeBuilder<CommendationRecipientItem> b)
    {
        b.ToTable("CommendationRecipientItems");
        b.HasKey(i => new { i.RecipientId, i.ContentItemId });
        b.Property(i => i.ContentItemId).HasMaxLength(64);
        b.HasIndex(i => i.ContentItemId);
    }
}
