namespace ChuyenDe.Modules.Contents;

// The public face of curation (implemented by Editorial, read by the public site and the display builder), kept in the
// content engine so that the site does not depend on the editorial module.

/// <summary>The two kinds of curation: exemplary products (sản phẩm điển hình) and model sites (mô hình điểm).</summary>
public static class CurationKinds
{
    public const string Exemplary = "Exemplary";
    public const string ModelSite = "ModelSite";

    public static bool IsKnown(string? kind) => kind is Exemplary or ModelSite;
}

/// <summary>
/// An active curation as the public site shows it: the level, theme and school year with their term names (already in
/// Vietnamese, from the taxonomies), the citation, and the place on the home page (null = not featured).
/// </summary>
public sealed record CurationInfo(
    long Id,
    string ContentItemId,
    string Kind,
    string? LevelTermId,
    string? LevelName,
    string? Citation,
    string? ThemeTermId,
    string? ThemeName,
    string? SchoolYearTermId,
    string? SchoolYearName,
    int? FeaturedOrder,
    DateTime CuratedUtc);

/// <summary>What the public site needs to know of curations: only active (not withdrawn) ones.</summary>
public interface ICurationQuery
{
    /// <summary>Active curations of one kind, newest curation first.</summary>
    Task<IReadOnlyList<CurationInfo>> ListActiveAsync(string kind, CancellationToken ct = default);

    /// <summary>Active curations of one kind that are featured on the home page, in their order.</summary>
    Task<IReadOnlyList<CurationInfo>> ListFeaturedAsync(string kind, CancellationToken ct = default);

    /// <summary>The active curations of one item (at most one per kind).</summary>
    Task<IReadOnlyList<CurationInfo>> GetActiveAsync(string contentItemId, CancellationToken ct = default);
}
