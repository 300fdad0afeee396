namespace ChuyenDe.Modules.Licensing;

/// <summary>
/// A licence an item can carry: a Creative Commons licence (its canonical URI is the stored value) or "all rights
/// reserved" (no URI; the stored value is <see cref="LicenseCatalog.AllRightsReservedValue"/>).
/// </summary>
/// <param name="Value">What the licence field stores: the licence's URI, or the all-rights-reserved token.</param>
/// <param name="Uri">The canonical https URI of the licence deed; null for all rights reserved.</param>
/// <param name="ShortName">The licence's international short name ("CC BY 4.0"); the Vietnamese name is a UI resource.</param>
/// <param name="ResourceKey">The key of the licence's Vietnamese name in the UI resources.</param>
/// <param name="LegacyCode">The code the licence field stored before it stored URIs ("CC-BY-4.0").</param>
public sealed record ContentLicense(
    string Value,
    string? Uri,
    string ShortName,
    string ResourceKey,
    string LegacyCode,
    bool AllowsReuse,
    bool AllowsAdaptation,
    bool AllowsCommercialUse,
    bool ShareAlike,
    bool RequiresAttribution)
{
    public bool IsCreativeCommons => Uri is not null;
}
