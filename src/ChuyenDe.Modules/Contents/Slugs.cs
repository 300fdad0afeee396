using System.Globalization;
using System.Text;

namespace ChuyenDe.Modules.Contents;

/// <summary>URL slugs from Vietnamese text: no tone marks, đ → d, lower case, words joined by hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 120;

    public static string Slugify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)];
        }

        return slug;
    }

    /// <summary>A path of slugs: each segment between slashes slugified, empty segments dropped.</summary>
    public static string SlugifyPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "";
        }

        return string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Slugify)
            .Where(s => s.Length > 0));
    }

    /// <summary>Lower case without tone marks or other diacritics; đ and Đ become d.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The first free path among <paramref name="path"/>, path-2, path-3 …</summary>
    public static async Task<string> MakeUniqueAsync(string path, Func<string, Task<bool>> isTaken)
    {
        if (!await isTaken(path))
        {
            return path;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{path}-{n}";
            if (!await isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
