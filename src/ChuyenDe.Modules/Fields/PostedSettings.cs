using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields;

/// <summary>Reads posted settings the way MVC binds a form: the first value of a name, check boxes sent as <c>true</c>.</summary>
internal static class PostedSettings
{
    /// <summary>The text posted under <paramref name="key"/>; null when it is missing or only white space (as MVC binds a string).</summary>
    public static string? Text(this IFormCollection posted, string key)
        => posted.TryGetValue(key, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    /// <summary>Whether the check box named <paramref name="key"/> was ticked (a box left unticked is not sent).</summary>
    public static bool Flag(this IFormCollection posted, string key)
        => posted.TryGetValue(key, out var values) && values.Count > 0 && bool.TryParse(values[0]?.Trim(), out var flag) && flag;

    /// <summary>Every non-empty value posted under <paramref name="key"/> (check boxes sharing a name), in order.</summary>
    public static List<string> Values(this IFormCollection posted, string key)
        => posted.TryGetValue(key, out var values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList() : [];

    /// <summary>A text as stored: trimmed and in composed form (FormC), null when empty.</summary>
    public static string? Clean(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);
}
