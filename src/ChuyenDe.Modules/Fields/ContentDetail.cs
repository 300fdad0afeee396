using ChuyenDe.Modules.Licensing;

namespace ChuyenDe.Modules.Fields;

/// <summary>A whole item page.</summary>
public sealed record ContentDetail(
    ContentCard Card,
    string BodyHtml,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<ImageView> Gallery,
    IReadOnlyList<FileView> Downloads,
    DateTime? ModifiedLocal)
{
    /// <summary>How many times the item's documents were downloaded.</summary>
    public long DownloadCount { get; init; }

    /// <summary>
    /// The item's licence: its licence field's, or the site's default licence when its type has no licence field or the
    /// field is empty (see docs/content-model.md, "Licence").
    /// </summary>
    public ContentLicense License { get; init; } = LicenseCatalog.AllRightsReserved;

    /// <summary>Whether <see cref="License"/> is the site's default licence rather than the item's own.</summary>
    public bool LicenseIsSiteDefault { get; init; }

    /// <summary>The item's authors (its <c>Authors</c> field), for the attribution text; null when it has none.</summary>
    public string? Authors { get; init; }
}
