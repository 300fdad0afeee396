namespace ChuyenDe.Modules.Contents;

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
