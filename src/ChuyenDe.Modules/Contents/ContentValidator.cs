using System.Globalization;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Validates an item by asking the rules of each part's and field's kind (<see cref="IContentKindRules"/>), in the
/// type's order; a kind without rules (a named part holding fields) adds nothing. Editor saves, submissions and
/// scheduled publishing go through here. The static readers below are shared by the kinds' drivers.
/// </summary>
internal sealed class ContentValidator(IContentKindRules rules) : IContentValidator
{
    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, ContentTypeDefinition type, CancellationToken ct = default)
    {
        var errors = new List<ContentValidationError>();
        foreach (var part in type.Parts)
        {
            var partJson = item.Part(part.Name);
            if (rules.Part(part.PartName) is { } partRules)
            {
                var context = new PartValidationContext(part, partJson);
                await partRules.ValidateAsync(context, ct);
                errors.AddRange(context.Errors);
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (rules.Field(field.FieldName) is { } fieldRules)
                {
                    var context = new FieldValidationContext(part.Name, field, partJson?[field.Name] as JsonObject);
                    await fieldRules.ValidateAsync(context, ct);
                    errors.AddRange(context.Errors);
                }
            }
        }

        return errors;
    }

    internal static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static List<string> Strings(JsonNode? node)
        => node is JsonArray array
            ? array.Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
            : [];

    internal static bool TryNumber(JsonNode node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue(out decimal d))
        {
            number = d;
            return true;
        }

        // A double beyond decimal's range (e.g. 1e300) is not a number this field can hold; the cast would throw.
        double? floating = value.TryGetValue(out double dbl) ? dbl : value.TryGetValue(out float flt) ? flt : null;
        if (floating is { } f)
        {
            if (double.IsNaN(f) || double.IsInfinity(f) || Math.Abs(f) >= (double)decimal.MaxValue)
            {
                return false;
            }

            number = (decimal)f;
            return true;
        }

        // Values set in code (int, long, …) are not JSON elements: they convert only to their own CLR type.
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }

        return value.TryGetValue(out string? s)
               && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }

    internal static bool IsValidPath(string path)
        => path.Length <= 512 && path.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '/')
           && !path.StartsWith('/') && !path.Contains("//", StringComparison.Ordinal);

    /// <summary>
    /// A path on this site (<see cref="LinkUrls.IsSiteRelative"/>) or an absolute http(s) address. Network-path
    /// references such as <c>//host</c>, <c>/\host</c> or <c>\\host</c> lead to another site and are refused.
    /// </summary>
    internal static bool IsSafeUrl(string url)
    {
        if (LinkUrls.IsNetworkPathReference(url) || url.StartsWith('\\'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return LinkUrls.IsSiteRelative(url);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    internal static bool IsSafeMediaPath(string path)
        => path.Length <= 512 && !path.StartsWith('/') && !path.Contains('\\')
           && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..")
           && !path.Any(char.IsControl);
}
