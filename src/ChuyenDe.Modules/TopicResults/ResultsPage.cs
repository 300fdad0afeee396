using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// A published results page (trang kết quả): a text and chosen figures — each a chart with its table — that a
/// Department curator composes, usually from a report round, and publishes at <c>/ket-qua/{Slug}</c>. The figures are
/// kept as they were when chosen or last refreshed (<see cref="BlocksJson"/>), so what the public reads does not change
/// until the curator refreshes them.
/// </summary>
public sealed class ResultsPage
{
    public int Id { get; set; }

    /// <summary>The page's address below <c>/ket-qua/</c> (lower-case letters, digits and dashes), unique.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>One or two sentences for the list, the meta description and share cards.</summary>
    public string? Summary { get; set; }

    /// <summary>The text above the figures (Markdown, rendered and sanitised like an item's body).</summary>
    public string? Text { get; set; }

    /// <summary>The report round the page gives the results of, if any.</summary>
    public int? RoundId { get; set; }

    /// <summary>The unit whose curators may edit the page (the composer's unit).</summary>
    public string OwnerOrganizationId { get; set; } = "";

    /// <summary>The figures, in order (<see cref="ResultBlock"/> as JSON, <see cref="ResultBlocks"/>).</summary>
    public string BlocksJson { get; set; } = "[]";

    public bool Published { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public string? ModifiedByUserId { get; set; }
}

internal sealed class ResultsPageConfiguration : IEntityTypeConfiguration<ResultsPage>
{
    public void Configure(EntityTypeBuilder<ResultsPage> b)
    {
        b.ToTable("ResultsPages");
        b.HasKey(p => p.Id);
        b.Property(p => p.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Summary).HasMaxLength(600);
        b.Property(p => p.OwnerOrganizationId).HasMaxLength(64).IsRequired();
        b.Property(p => p.ModifiedByUserId).HasMaxLength(64);
        b.Property(p => p.BlocksJson).IsRequired().IsJsonColumn();
        b.HasIndex(p => new { p.Published, p.PublishedUtc });
    }
}
