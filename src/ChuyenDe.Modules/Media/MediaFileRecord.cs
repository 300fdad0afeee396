using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// One uploaded file of the media library: where it is stored (a generated path with no user text), the safe original
/// name it is shown and downloaded under, the organisation whose library holds it, and what was learnt at upload.
/// </summary>
public sealed class MediaFileRecord
{
    public long Id { get; set; }

    /// <summary>The stored relative path, such as <c>u/truong-a/2026/11/{guid}.jpg</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>The <see cref="Uploads.SafeFileName"/>-normalised name (Vietnamese kept), for display and Content-Disposition.</summary>
    public string OriginalName { get; set; } = "";

    public string OrganizationId { get; set; } = "";

    /// <summary>A virtual folder inside the organisation's library: "" for the top, else segments joined by '/'.</summary>
    public string Folder { get; set; } = "";

    /// <summary>The detected <see cref="Uploads.FileKind"/> as text.</summary>
    public string Kind { get; set; } = "";

    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; set; } = "";

    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? PageCount { get; set; }
    public string? ExtractedText { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedUtc { get; set; }
    public long DownloadCount { get; set; }
}

internal sealed class MediaFileRecordConfiguration : IEntityTypeConfiguration<MediaFileRecord>
{
    public void Configure(EntityTypeBuilder<MediaFileRecord> b)
    {
        b.ToTable("MediaFiles");
        b.Property(r => r.Path).HasMaxLength(512).IsRequired();
        b.Property(r => r.OriginalName).HasMaxLength(256).IsRequired();
        b.Property(r => r.OrganizationId).HasMaxLength(64).IsRequired();
        b.Property(r => r.Folder).HasMaxLength(512).IsRequired();
        b.Property(r => r.Kind).HasMaxLength(32).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        b.Property(r => r.UploadedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(r => r.Path).IsUnique();
        b.HasIndex(r => new { r.OrganizationId, r.Folder });
        b.HasIndex(r => r.UploadedBy);
    }
}
