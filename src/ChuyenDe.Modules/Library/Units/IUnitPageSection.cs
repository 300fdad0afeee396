namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// An extension point of a unit's public page (<c>/don-vi/{id}</c>): a section another module adds below the unit's
/// published work, such as its commendations ("Khen thưởng"). Register implementations with
/// <c>services.AddScoped&lt;IUnitPageSection, …&gt;()</c>; the page asks each one, in <see cref="Order"/> (then
/// registration order), and renders every section it gets as a headed list of entries. The page is cached: a section
/// names the cache tags of what it shows (<see cref="UnitPageSection.CacheTags"/>) and its module evicts them when that
/// changes (<c>AddPageCacheDependency</c>).
/// </summary>
public interface IUnitPageSection
{
    /// <summary>Where the section goes among the others: smaller first.</summary>
    int Order { get; }

    /// <summary>The section for this unit, or null to show nothing (e.g. nothing to list).</summary>
    Task<UnitPageSection?> BuildAsync(UnitPageContext unit, CancellationToken ct = default);
}
