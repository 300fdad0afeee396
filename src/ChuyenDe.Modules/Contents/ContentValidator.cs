using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Contents;

/// <summary>A validation error of one field (or part, when <see cref="Field"/> is null), in the UI's language.</summary>
public sealed record ContentValidationError(string Part, string? Field, string Message)
{
    /// <summary>The form key of the field, <c>Part.Field</c>, for showing the message beside it.</summary>
    public string Key => Field is null ? Part : $"{Part}.{Field}";
}

/// <summary>Checks an item against its type definition: required values, ranges, allowed values and terms.</summary>
public interface IContentValidator
{
    Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, ContentTypeDefinition type, CancellationToken ct = default);
}

internal sealed class ContentValidator(
    ITaxonomyService taxonomies,
    IContentLookup lookup,
    IStringLocalizer<ContentsResources> T) : IContentValidator
{
    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, ContentTypeDefinition type, CancellationToken ct = default)
    {
        var errors = new List<ContentValidationError>();
        foreach (var part in type.Parts)
        {
            var partJson = item.Part(part.Name);
            switch (part.PartName)
            {
                case ContentKinds.TitlePart:
                    if (string.IsNullOrWhiteSpace(Text(partJson?["Title"])))
                    {
                        errors.Add(new(part.Name, "Title", T["Please enter a title."]));
                    }

                    break;
                case ContentKinds.AutoroutePart:
                    var path = Text(partJson?["Path"]);
                    if (!string.IsNullOrEmpty(path) && !IsValidPath(path))
                    {
                        errors.Add(new(part.Name, "Path", T["The address may contain only letters a–z, digits, hyphens and slashes."]));
                    }

                    break;
                case ContentKinds.PublishLaterPart:
                    var scheduled = Text(partJson?["ScheduledPublishUtc"]);
                    if (!string.IsNullOrEmpty(scheduled) && !ContentJson.TryParseDate(scheduled, out _))
                    {
                        errors.Add(new(part.Name, "ScheduledPublishUtc", T["The scheduled publishing time is not valid."]));
                    }

                    break;
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                await ValidateFieldAsync(part.Name, field, partJson?[field.Name] as JsonObject, errors, ct);
            }
        }

        return errors;
    }

    private async Task ValidateFieldAsync(string partName, ContentPartFieldDefinition field, JsonObject? value,
        List<ContentValidationError> errors, CancellationToken ct)
    {
        var settings = field.KindSettings;
        var label = field.DisplayName;
        void Fail(string message) => errors.Add(new(partName, field.Name, message));

        switch (field.FieldName)
        {
            case ContentKinds.TextField:
            {
                var text = Text(value?["Text"]);
                if (string.IsNullOrWhiteSpace(text))
                {
                    if (settings.Required)
                    {
                        Fail(T["Please enter {0}.", label]);
                    }
                }
                else if (field.PredefinedOptions is { Count: > 0 } options && options.All(o => o.Value != text))
                {
                    Fail(T["{0} must be one of the listed values.", label]);
                }

                break;
            }

            case ContentKinds.NumericField:
            {
                var node = value?["Value"];
                if (node is null)
                {
                    if (settings.Required)
                    {
                        Fail(T["Please enter {0}.", label]);
                    }

                    break;
                }

                if (!TryNumber(node, out var number))
                {
                    Fail(T["{0} must be a number.", label]);
                    break;
                }

                if (settings.Minimum is { } min && number < min)
                {
                    Fail(T["{0} must be at least {1}.", label, min.ToString(CultureInfo.CurrentCulture)]);
                }

                if (settings.Maximum is { } max && number > max)
                {
                    Fail(T["{0} must be at most {1}.", label, max.ToString(CultureInfo.CurrentCulture)]);
                }

                if (decimal.Round(number, settings.Scale) != number)
                {
                    Fail(T["{0} allows at most {1} decimal places.", label, settings.Scale]);
                }

                break;
            }

            case ContentKinds.BooleanField:
                if (value?["Value"] is { } flag && !(flag is JsonValue v && v.TryGetValue<bool>(out _)))
                {
                    Fail(T["{0} must be yes or no.", label]);
                }

                break;

            case ContentKinds.DateField:
            case ContentKinds.DateTimeField:
            {
                var text = Text(value?["Value"]);
                if (string.IsNullOrEmpty(text))
                {
                    if (settings.Required)
                    {
                        Fail(T["Please enter {0}.", label]);
                    }
                }
                else if (!ContentJson.TryParseDate(text, out _))
                {
                    Fail(T["{0} is not a valid date.", label]);
                }

                break;
            }

            case ContentKinds.LinkField:
            {
                var url = Text(value?["Url"]);
                if (string.IsNullOrWhiteSpace(url))
                {
                    if (settings.Required)
                    {
                        Fail(T["Please enter {0}.", label]);
                    }
                }
                else if (LinkUrls.IsNetworkPathReference(url) || url.TrimStart().StartsWith('\\'))
                {
                    Fail(T["{0}: an address starting with // or a backslash leads to another website; write the full address starting with https://.", label]);
                }
                else if (!IsSafeUrl(url))
                {
                    Fail(T["{0} must be a web address starting with http:// or https://.", label]);
                }

                break;
            }

            case ContentKinds.MediaField:
            {
                var paths = Strings(value?["Paths"]);
                if (paths.Count == 0 && settings.Required)
                {
                    Fail(T["Please choose {0}.", label]);
                }

                if (paths.Count > 1 && !settings.Multiple)
                {
                    Fail(T["{0} allows only one item.", label]);
                }

                foreach (var path in paths)
                {
                    if (!IsSafeMediaPath(path))
                    {
                        Fail(T["{0}: the file path is not valid.", label]);
                    }
                    else if (settings.AllowedExtensions is { Length: > 0 } allowed
                             && !allowed.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                    {
                        Fail(T["{0}: the file type {1} is not allowed.", label, Path.GetExtension(path)]);
                    }
                }

                break;
            }

            case ContentKinds.ContentPickerField:
            {
                var ids = Strings(value?["ContentItemIds"]);
                if (ids.Count == 0 && settings.Required)
                {
                    Fail(T["Please choose {0}.", label]);
                }

                if (ids.Count > 1 && !settings.Multiple)
                {
                    Fail(T["{0} allows only one item.", label]);
                }

                foreach (var id in ids)
                {
                    var contentType = await lookup.GetLatestContentTypeAsync(id, ct);
                    if (contentType is null)
                    {
                        Fail(T["{0}: the chosen item does not exist.", label]);
                    }
                    else if (!settings.DisplayAllContentTypes && settings.DisplayedContentTypes is { Length: > 0 } types
                             && !types.Contains(contentType, StringComparer.Ordinal))
                    {
                        Fail(T["{0}: items of type {1} cannot be chosen here.", label, contentType]);
                    }
                }

                break;
            }

            case ContentKinds.TaxonomyField:
            {
                var termIds = Strings(value?["TermContentItemIds"]);
                if (termIds.Count == 0)
                {
                    if (settings.Required)
                    {
                        Fail(T["Please choose {0}.", label]);
                    }

                    break;
                }

                if (termIds.Count > 1 && settings.Unique)
                {
                    Fail(T["{0} allows only one item.", label]);
                }

                var taxonomyId = settings.TaxonomyContentItemId ?? Text(value?["TaxonomyContentItemId"]);
                var taxonomy = taxonomyId is null ? null : await taxonomies.GetTaxonomyAsync(taxonomyId, ct);
                foreach (var termId in termIds)
                {
                    var term = taxonomy?.Find(termId);
                    if (term is null)
                    {
                        Fail(T["{0}: the chosen term does not belong to this taxonomy.", label]);
                    }
                    else if (settings.LeavesOnly && term.HasChildren)
                    {
                        Fail(T["{0}: only the most specific terms may be chosen.", label]);
                    }
                }

                break;
            }
        }
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
