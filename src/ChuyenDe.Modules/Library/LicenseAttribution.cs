using ChuyenDe.Modules.Licensing;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The attribution text an item page offers to copy: "Tác giả: …, đơn vị: …, nguồn: {address}, giấy phép: {name}
/// ({URI})". The authors are the item's <c>Authors</c> field, or its unit, or the site when it has neither.
/// </summary>
public static class LicenseAttribution
{
    public static string Text(IStringLocalizer<LicensingResources> t, string? authors, string? unit, string siteName, string address, ContentLicense license)
    {
        var name = t[license.ResourceKey].Value;
        var licence = license.Uri is { } uri ? $"{name} ({uri})" : name;
        var who = !string.IsNullOrWhiteSpace(authors) ? authors.Trim() : !string.IsNullOrWhiteSpace(unit) ? unit.Trim() : siteName;
        return !string.IsNullOrWhiteSpace(unit) && !string.Equals(who, unit.Trim(), StringComparison.Ordinal)
            ? t["Authors: {0}, unit: {1}, source: {2}, licence: {3}", who, unit.Trim(), address, licence]
            : t["Authors: {0}, source: {1}, licence: {2}", who, address, licence];
    }
}
