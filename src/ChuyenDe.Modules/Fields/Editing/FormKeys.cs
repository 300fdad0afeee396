using System.Text;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>Input names of the generated forms: <c>Part.Field</c>, the same as <see cref="ContentValidationError.Key"/>.</summary>
public static class FormKeys
{
    public static string For(string part, string property) => part + "." + property;

    public static string LinkUrl(string key) => key + ".Url";

    public static string LinkText(string key) => key + ".Text";

    /// <summary>The alternative text of one chosen file: <c>Part.Field.MediaText[path]</c>.</summary>
    public static string MediaText(string key, string path) => key + ".MediaText[" + path + "]";

    /// <summary>An HTML id for an input name (letters, digits and hyphens).</summary>
    public static string ElementId(string key, string? suffix = null)
    {
        var builder = new StringBuilder("f-");
        foreach (var c in key)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        if (!string.IsNullOrEmpty(suffix))
        {
            builder.Append('-');
            foreach (var c in suffix)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }
        }

        return builder.ToString();
    }
}
