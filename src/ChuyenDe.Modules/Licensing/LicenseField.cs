using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Licensing;

/// <summary>
/// The licence field of a content type: a text field named <see cref="Name"/> whose value (<c>{"Text": …}</c>) is a
/// stored licence value of <see cref="LicenseCatalog"/>. Types without one carry the site's default licence.
/// </summary>
public static class LicenseField
{
    /// <summary>The name of the licence field on a type's part (<c>Initiative.License</c>).</summary>
    public const string Name = "License";

    /// <summary>Whether a field of the given name holds a licence.</summary>
    public static bool IsLicenseField(string fieldName) => string.Equals(fieldName, Name, StringComparison.Ordinal);

    /// <summary>
    /// Rewrites a licence field's value to the canonical stored value when it names a licence another way (a code stored
    /// before URIs, an http URI, a URI without the trailing slash); returns whether it changed. Unknown values stay as
    /// they are, for validation to refuse.
    /// </summary>
    public static bool Normalize(JsonObject? value)
    {
        if (value?["Text"] is not JsonValue text || !text.TryGetValue<string>(out var stored))
        {
            return false;
        }

        if (LicenseCatalog.Normalize(stored) is { } canonical && !string.Equals(canonical, stored, StringComparison.Ordinal))
        {
            value["Text"] = canonical;
            return true;
        }

        return false;
    }

    /// <summary>The licence an item's content names in its first licence field (any part), or null when none does.</summary>
    public static ContentLicense? Find(JsonObject content)
    {
        foreach (var (_, part) in content)
        {
            if (part is JsonObject fields && fields[Name] is JsonObject field
                && field["Text"] is JsonValue text && text.TryGetValue<string>(out var stored))
            {
                return LicenseCatalog.Find(stored);
            }
        }

        return null;
    }
}
