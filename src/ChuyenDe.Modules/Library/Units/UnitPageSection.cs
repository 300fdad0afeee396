namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// A section of a unit's page given by an <see cref="IUnitPageSection"/>: its heading, its entries, and an optional
/// link to the whole list (e.g. the honour roll filtered by the unit).
/// </summary>
public sealed record UnitPageSection(string Title, IReadOnlyList<UnitPageSectionEntry> Entries)
{
    /// <summary>The address of the complete list, shown as "Xem tất cả" after the entries; null: none.</summary>
    public string? MoreUrl { get; init; }

    /// <summary>The output-cache tags of what the section shows (<c>Caching.CacheTags</c> or the module's own).</summary>
    public IReadOnlyList<string> CacheTags { get; init; } = [];
}
