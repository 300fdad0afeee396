namespace ChuyenDe.Modules.Licensing;

/// <summary>
/// The licences the library offers, and the lookup of a stored licence value: the licence's URI (with or without the
/// trailing slash, http or https, any case), the all-rights-reserved token, or a code stored before URIs ("CC-BY-4.0").
/// </summary>
public static class LicenseCatalog
{
    /// <summary>What the licence field stores for "all rights reserved" (no Creative Commons licence).</summary>
    public const string AllRightsReservedValue = "all-rights-reserved";

    public static readonly ContentLicense CcBy = Cc("by", "CC BY 4.0", "CcBy", "CC-BY-4.0", adapt: true, commercial: true, shareAlike: false);
    public static readonly ContentLicense CcBySa = Cc("by-sa", "CC BY-SA 4.0", "CcBySa", "CC-BY-SA-4.0", adapt: true, commercial: true, shareAlike: true);
    public static readonly ContentLicense CcByNc = Cc("by-nc", "CC BY-NC 4.0", "CcByNc", "CC-BY-NC-4.0", adapt: true, commercial: false, shareAlike: false);
    public static readonly ContentLicense CcByNcSa = Cc("by-nc-sa", "CC BY-NC-SA 4.0", "CcByNcSa", "CC-BY-NC-SA-4.0", adapt: true, commercial: false, shareAlike: true);

    public static readonly ContentLicense Cc0 = new(
        "https://creativecommons.org/publicdomain/zero/1.0/", "https://creativecommons.org/publicdomain/zero/1.0/",
        "CC0 1.0", "Cc0", "CC0-1.0",
        AllowsReuse: true, AllowsAdaptation: true, AllowsCommercialUse: true, ShareAlike: false, RequiresAttribution: false);

    public static readonly ContentLicense AllRightsReserved = new(
        AllRightsReservedValue, null, "All rights reserved", "AllRightsReserved", "All-rights-reserved",
        AllowsReuse: false, AllowsAdaptation: false, AllowsCommercialUse: false, ShareAlike: false, RequiresAttribution: true);

    /// <summary>Every licence, most open first (the order of the editor's choices).</summary>
    public static IReadOnlyList<ContentLicense> All { get; } = [CcBy, CcBySa, CcByNc, CcByNcSa, Cc0, AllRightsReserved];

    /// <summary>The licence a stored value names, or null when it names none.</summary>
    public static ContentLicense? Find(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var key = Canonical(value);
        foreach (var license in All)
        {
            if (string.Equals(Canonical(license.Value), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(license.LegacyCode, key, StringComparison.OrdinalIgnoreCase))
            {
                return license;
            }
        }

        return null;
    }

    /// <summary>The value to store for a licence named in any accepted way; null when it names none.</summary>
    public static string? Normalize(string? value) => Find(value)?.Value;

    private static string Canonical(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = "https://" + trimmed["http://".Length..];
        }

        var hash = trimmed.IndexOfAny(['#', '?']);
        if (hash >= 0)
        {
            trimmed = trimmed[..hash];
        }

        return trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !trimmed.EndsWith('/') ? trimmed + "/" : trimmed;
    }

    private static ContentLicense Cc(string code, string shortName, string resourceKey, string legacy, bool adapt, bool commercial, bool shareAlike)
    {
        var uri = $"https://creativecommons.org/licenses/{code}/4.0/";
        return new ContentLicense(uri, uri, shortName, resourceKey, legacy, AllowsReuse: true, adapt, commercial, shareAlike, RequiresAttribution: true);
    }
}
