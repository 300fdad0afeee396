using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A plan document attached to a round: a file of the owner's media library, by its media path (as media fields keep
/// files), in order.
/// </summary>
public sealed class ReportRoundDocument
{
    public int RoundId { get; set; }

    /// <summary>The file's media path, e.g. <c>u/so-hoa-binh/2023/02/….pdf</c>.</summary>
    public string Path { get; set; } = "";

    public int Position { get; set; }
}

internal sealed class ReportRoundDocumentConfiguration : IEntityTypeConfiguration<ReportRoundDocument>
{
    public void Configure(EntityTypeBuilder<ReportRoundDocument> b)
    {
        b.ToTable("ReportRoundDocuments");
        b.HasKey(d => new { d.RoundId, d.Path });
        b.Property(d => d.Path).HasMaxLength(512);
        b.HasIndex(d => d.Path);
    }
}
