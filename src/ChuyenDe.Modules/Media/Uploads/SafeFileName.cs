using System.Globalization;
using System.Text;

namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>The name a file is shown and downloaded under, made safe from whatever the browser sent.</summary>
public static class SafeFileName
{
    public const int MaxLength = 150;

    /// <summary>The name used when nothing of the original is left.</summary>
    public const string Fallback = "tep";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// NFC; only the last path segment (no <c>../</c>, <c>..\</c>, absolute path or drive letter); no control or
    /// formatting characters (such as right-to-left overrides), no characters Windows refuses; white space collapsed;
    /// no leading or trailing dots or spaces; reserved device names prefixed; at most <see cref="MaxLength"/> characters
    /// with the extension kept; never empty. Vietnamese letters are kept.
    /// </summary>
    public static string Normalize(string? original)
    {
        if (string.IsNullOrWhiteSpace(original))
        {
            return Fallback;
        }

        var name = ReplaceLoneSurrogates(original).Normalize(NormalizationForm.FormC);
        name = name.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            name = name[2..];
        }

        var builder = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            lastWasSpace = false;
            if (rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                builder.Append('_');
                continue;
            }

            builder.Append(rune.ToString());
        }

        name = builder.ToString().Trim(' ', '.');
        if (name.Length == 0)
        {
            return Fallback;
        }

        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot].TrimEnd(' ', '.') : name;
        var extension = dot > 0 ? name[dot..] : "";
        if (extension.Length > 16)
        {
            // Not an extension anyone uses: keep it as part of the name.
            stem = name;
            extension = "";
        }

        var firstPart = stem.Split('.')[0].TrimEnd();
        if (Reserved.Contains(firstPart))
        {
            stem = "_" + stem;
        }

        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            var keep = MaxLength - extension.Length;
            if (char.IsHighSurrogate(stem[keep - 1]))
            {
                keep--;
            }

            stem = stem[..keep].TrimEnd(' ', '.');
            if (stem.Length == 0)
            {
                stem = Fallback;
            }
        }

        return stem + extension;
    }

    /// <summary>The lower-case extension of a normalised name (with its dot), or "" when it has none.</summary>
    public static string ExtensionOf(string normalizedName)
    {
        var dot = normalizedName.LastIndexOf('.');
        return dot > 0 && dot < normalizedName.Length - 1 ? normalizedName[dot..].ToLowerInvariant() : "";
    }

    /// <summary>Ill-formed UTF-16 (a lone surrogate) becomes U+FFFD, so normalisation cannot throw.</summary>
    private static string ReplaceLoneSurrogates(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
