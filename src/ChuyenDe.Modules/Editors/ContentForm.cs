using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Editors;

/// <summary>
/// The raw values of an editor form, keyed by input name, exactly as a browser posts them. The form is rendered from
/// these values, so what the user typed is shown again as typed, valid or not.
/// </summary>
public sealed class ContentFormValues
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The first value of an input, or "" when there is none.</summary>
    public string Get(string key) => _values.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : "";

    public IReadOnlyList<string> GetAll(string key) => _values.TryGetValue(key, out var values) ? values : [];

    public bool Contains(string key) => _values.ContainsKey(key);

    public void Set(string key, string? value)
    {
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = [value];
        }
    }

    public void SetAll(string key, IEnumerable<string> values) => _values[key] = values.ToList();

    public void Remove(string key) => _values.Remove(key);

    /// <summary>Copies posted values; anti-forgery and button inputs are harmless extra keys.</summary>
    public static ContentFormValues From(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        var result = new ContentFormValues();
        foreach (var (key, values) in form)
        {
            result._values[key] = values.Where(v => v is not null).Select(v => v!).ToList();
        }

        return result;
    }
}

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

    /// <summary>The input name holding the editable value of a part kind, or null when the part has no editor.</summary>
    public static string? PartValueKey(ContentTypePartDefinition part) => part.PartName switch
    {
        ContentKinds.TitlePart => For(part.Name, "Title"),
        ContentKinds.AutoroutePart => For(part.Name, "Path"),
        ContentKinds.MarkdownBodyPart => For(part.Name, "Markdown"),
        ContentKinds.HtmlBodyPart => For(part.Name, "Html"),
        ContentKinds.PublishLaterPart => For(part.Name, "ScheduledPublishUtc"),
        ContentKinds.OrganizationPart => For(part.Name, "OrganizationId"),
        ContentKinds.ConsentPart => For(part.Name, "Confirmed"),
        _ => null,
    };
}

/// <summary>What the binder may change besides the fields; the editor service decides from the user's rights.</summary>
public sealed record ContentBindOptions(TimeZoneInfo TimeZone)
{
    /// <summary>Whether the publishing time of a PublishLaterPart is taken from the form (only for users who may publish).</summary>
    public bool BindSchedule { get; init; } = true;

    /// <summary>Whether the organisation is taken from the form (the service has checked or forced it).</summary>
    public bool BindOrganization { get; init; } = true;

    /// <summary>The signed-in user's user name, recorded when they confirm the parents' consent (ConsentPart).</summary>
    public string? UserName { get; init; }

    /// <summary>The server's time, recorded when the parents' consent is confirmed.</summary>
    public DateTime UtcNow { get; init; } = DateTime.UtcNow;
}

/// <summary>
/// Turns a content item into the values of its generated form and posted values back into the item's JSON. Parts and
/// properties the form does not edit (taxonomy terms, a link's target, …) are left as they are.
/// </summary>
public sealed class ContentFormBinder(IStringLocalizer<EditorsResources> T)
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "H:mm d/M/yyyy", "H:mm, d/M/yyyy",
    ];

    /// <summary>The form values showing an item as stored (times in the site's time zone).</summary>
    public ContentFormValues Read(ContentTypeDefinition type, ContentItem item, TimeZoneInfo timeZone)
    {
        var values = new ContentFormValues();
        foreach (var part in type.Parts)
        {
            var partJson = item.Part(part.Name);
            switch (part.PartName)
            {
                case ContentKinds.TitlePart:
                    values.Set(FormKeys.For(part.Name, "Title"), Text(partJson?["Title"]));
                    break;
                case ContentKinds.AutoroutePart:
                    values.Set(FormKeys.For(part.Name, "Path"), Text(partJson?["Path"]));
                    break;
                case ContentKinds.MarkdownBodyPart:
                    values.Set(FormKeys.For(part.Name, "Markdown"), Text(partJson?["Markdown"]));
                    break;
                case ContentKinds.HtmlBodyPart:
                    values.Set(FormKeys.For(part.Name, "Html"), Text(partJson?["Html"]));
                    break;
                case ContentKinds.PublishLaterPart:
                    values.Set(FormKeys.For(part.Name, "ScheduledPublishUtc"), LocalDateTime(Text(partJson?["ScheduledPublishUtc"]), timeZone));
                    break;
                case ContentKinds.OrganizationPart:
                    values.Set(FormKeys.For(part.Name, "OrganizationId"), Text(partJson?["OrganizationId"]));
                    break;
                case ContentKinds.ConsentPart:
                    values.Set(FormKeys.For(part.Name, "Confirmed"), IsConfirmed(partJson) ? "true" : null);
                    break;
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                ReadField(values, FormKeys.For(part.Name, field.Name), field, partJson?[field.Name] as JsonObject, timeZone);
            }
        }

        return values;
    }

    private static void ReadField(ContentFormValues values, string key, ContentPartFieldDefinition field, JsonObject? json, TimeZoneInfo timeZone)
    {
        switch (field.FieldName)
        {
            case ContentKinds.TextField:
                values.Set(key, Text(json?["Text"]));
                break;
            case ContentKinds.NumericField:
                values.Set(key, json?["Value"] is { } node && ContentValidator.TryNumber(node, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null);
                break;
            case ContentKinds.BooleanField:
                values.Set(key, json?["Value"] is JsonValue flag && flag.TryGetValue<bool>(out var b) && b ? "true" : null);
                break;
            case ContentKinds.DateField:
                values.Set(key, LocalDate(Text(json?["Value"])));
                break;
            case ContentKinds.DateTimeField:
                values.Set(key, LocalDateTime(Text(json?["Value"]), timeZone));
                break;
            case ContentKinds.LinkField:
                values.Set(FormKeys.LinkUrl(key), Text(json?["Url"]));
                values.Set(FormKeys.LinkText(key), Text(json?["Text"]));
                break;
            case ContentKinds.MediaField:
            {
                var paths = ContentValidator.Strings(json?["Paths"]);
                var texts = json?["MediaTexts"] as JsonArray;
                values.SetAll(key, paths);
                for (var i = 0; i < paths.Count; i++)
                {
                    values.Set(FormKeys.MediaText(key, paths[i]), texts is not null && i < texts.Count ? Text(texts[i]) : null);
                }

                break;
            }

            case ContentKinds.ContentPickerField:
                values.SetAll(key, ContentValidator.Strings(json?["ContentItemIds"]));
                break;
            case ContentKinds.TaxonomyField:
                values.SetAll(key, ContentValidator.Strings(json?["TermContentItemIds"]));
                break;
        }
    }

    /// <summary>
    /// Writes the posted values into the item. Returns the values that could not be read (a number or a date typed
    /// wrongly), keyed like the engine's errors; the item then holds no value for them.
    /// </summary>
    public IReadOnlyList<ContentValidationError> Apply(ContentTypeDefinition type, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        var errors = new List<ContentValidationError>();
        foreach (var part in type.Parts)
        {
            switch (part.PartName)
            {
                case ContentKinds.TitlePart:
                    item.GetOrCreatePart(part.Name)["Title"] = Line(values.Get(FormKeys.For(part.Name, "Title")));
                    break;
                case ContentKinds.AutoroutePart:
                    if (AllowsCustomPath(part))
                    {
                        SetOrRemove(item.GetOrCreatePart(part.Name), "Path", Line(values.Get(FormKeys.For(part.Name, "Path"))));
                    }

                    break;
                case ContentKinds.MarkdownBodyPart:
                    SetOrRemove(item.GetOrCreatePart(part.Name), "Markdown", Multiline(values.Get(FormKeys.For(part.Name, "Markdown"))));
                    break;
                case ContentKinds.HtmlBodyPart:
                    SetOrRemove(item.GetOrCreatePart(part.Name), "Html", Multiline(values.Get(FormKeys.For(part.Name, "Html"))));
                    break;
                case ContentKinds.PublishLaterPart:
                    if (options.BindSchedule)
                    {
                        var key = FormKeys.For(part.Name, "ScheduledPublishUtc");
                        var text = Line(values.Get(key));
                        var partJson = item.GetOrCreatePart(part.Name);
                        if (text.Length == 0)
                        {
                            partJson.Remove("ScheduledPublishUtc");
                        }
                        else if (TryParseLocalDateTime(text, options.TimeZone, out var utc))
                        {
                            partJson["ScheduledPublishUtc"] = FormatUtc(utc);
                        }
                        else
                        {
                            partJson.Remove("ScheduledPublishUtc");
                            errors.Add(new(part.Name, "ScheduledPublishUtc",
                                T["{0} is not a valid date and time. Use day/month/year hour:minute, e.g. 29/03/2026 08:30.", PartLabel(part)]));
                        }
                    }

                    break;
                case ContentKinds.OrganizationPart:
                    if (options.BindOrganization)
                    {
                        SetOrRemove(item.GetOrCreatePart(part.Name), "OrganizationId", Line(values.Get(FormKeys.For(part.Name, "OrganizationId"))));
                    }

                    break;
                case ContentKinds.ConsentPart:
                {
                    // Who confirmed and when are decided here, never taken from the form; an earlier confirmation is kept.
                    var partJson = item.GetOrCreatePart(part.Name);
                    if (!values.GetAll(FormKeys.For(part.Name, "Confirmed")).Any(v => v is "true" or "on"))
                    {
                        partJson.Remove("Confirmed");
                        partJson.Remove("ConfirmedBy");
                        partJson.Remove("ConfirmedUtc");
                    }
                    else if (!IsConfirmed(partJson) || Text(partJson["ConfirmedBy"]) is not { Length: > 0 } || Text(partJson["ConfirmedUtc"]) is not { Length: > 0 })
                    {
                        partJson["Confirmed"] = true;
                        SetOrRemove(partJson, "ConfirmedBy", options.UserName ?? "");
                        partJson["ConfirmedUtc"] = FormatUtc(options.UtcNow);
                    }

                    break;
                }
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (ContentKinds.Fields.Contains(field.FieldName))
                {
                    ApplyField(values, part.Name, field, item.GetOrCreateField(part.Name, field.Name), options.TimeZone, errors);
                }
            }
        }

        return errors;
    }

    private void ApplyField(ContentFormValues values, string partName, ContentPartFieldDefinition field, JsonObject json,
        TimeZoneInfo timeZone, List<ContentValidationError> errors)
    {
        var key = FormKeys.For(partName, field.Name);
        switch (field.FieldName)
        {
            case ContentKinds.TextField:
                SetOrRemove(json, "Text", field.Editor == "TextArea" ? Multiline(values.Get(key)).Trim() : Line(values.Get(key)));
                break;
            case ContentKinds.NumericField:
            {
                var text = Line(values.Get(key));
                if (text.Length == 0)
                {
                    json.Remove("Value");
                }
                else if (TryParseNumber(text, out var number))
                {
                    json["Value"] = number;
                }
                else
                {
                    json.Remove("Value");
                    errors.Add(new(partName, field.Name, T["{0} must be a number, e.g. 12 or 10.5.", field.DisplayName]));
                }

                break;
            }

            case ContentKinds.BooleanField:
                json["Value"] = values.GetAll(key).Any(v => v is "true" or "on");
                break;
            case ContentKinds.DateField:
            {
                var text = Line(values.Get(key));
                if (text.Length == 0)
                {
                    json.Remove("Value");
                }
                else if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    json["Value"] = date.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture);
                }
                else
                {
                    json.Remove("Value");
                    errors.Add(new(partName, field.Name, T["{0} is not a valid date. Use day/month/year, e.g. 29/03/2026.", field.DisplayName]));
                }

                break;
            }

            case ContentKinds.DateTimeField:
            {
                var text = Line(values.Get(key));
                if (text.Length == 0)
                {
                    json.Remove("Value");
                }
                else if (TryParseLocalDateTime(text, timeZone, out var utc))
                {
                    json["Value"] = FormatUtc(utc);
                }
                else
                {
                    json.Remove("Value");
                    errors.Add(new(partName, field.Name,
                        T["{0} is not a valid date and time. Use day/month/year hour:minute, e.g. 29/03/2026 08:30.", field.DisplayName]));
                }

                break;
            }

            case ContentKinds.LinkField:
                SetOrRemove(json, "Url", Line(values.Get(FormKeys.LinkUrl(key))));
                SetOrRemove(json, "Text", Line(values.Get(FormKeys.LinkText(key))));
                break;
            case ContentKinds.MediaField:
            {
                var paths = Distinct(values.GetAll(key));
                json["Paths"] = new JsonArray(paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
                if (field.KindSettings.AllowMediaText)
                {
                    json["MediaTexts"] = new JsonArray(paths.Select(p => (JsonNode?)JsonValue.Create(Line(values.Get(FormKeys.MediaText(key, p))))).ToArray());
                }
                else
                {
                    json.Remove("MediaTexts");
                }

                break;
            }

            case ContentKinds.ContentPickerField:
                json["ContentItemIds"] = new JsonArray(Distinct(values.GetAll(key)).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
                break;
            case ContentKinds.TaxonomyField:
            {
                if (field.KindSettings.TaxonomyContentItemId is { Length: > 0 } taxonomyId)
                {
                    json["TaxonomyContentItemId"] = taxonomyId;
                }

                json["TermContentItemIds"] = new JsonArray(Distinct(values.GetAll(key)).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
                break;
            }
        }
    }

    /// <summary>The label of a part's own editor: its display name on the type, or a default by kind.</summary>
    public string PartLabel(ContentTypePartDefinition part)
    {
        if (part.Settings["ContentTypePartSettings"]?["DisplayName"] is JsonValue name && name.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        return part.PartName switch
        {
            ContentKinds.TitlePart => T["Title"],
            ContentKinds.AutoroutePart => T["Address"],
            ContentKinds.MarkdownBodyPart or ContentKinds.HtmlBodyPart => T["Body"],
            ContentKinds.PublishLaterPart => T["Publish later"],
            ContentKinds.OrganizationPart => T["Organisation"],
            ContentKinds.TaxonomyPart => T["Terms"],
            ContentKinds.ConsentPart => T["Parents' consent"],
            _ => part.Name,
        };
    }

    /// <summary>Whether a ConsentPart holds a confirmation of the parents' consent.</summary>
    public static bool IsConfirmed(JsonObject? consentPart)
        => consentPart?["Confirmed"] is JsonValue confirmed && confirmed.TryGetValue<bool>(out var c) && c;

    public static bool AllowsCustomPath(ContentTypePartDefinition part)
        => part.Settings["AutoroutePartSettings"]?["AllowCustomPath"] is JsonValue allow && allow.TryGetValue<bool>(out var a) && a;

    /// <summary>A number as typed: 10.5 (as browsers send it) or Vietnamese 10,5 and 1.234,5.</summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        text = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(text, plain | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
               || decimal.TryParse(text, plain | NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"), out number);
    }

    /// <summary>A date and time typed in the site's time zone, as UTC.</summary>
    public static bool TryParseLocalDateTime(string text, TimeZoneInfo timeZone, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        try
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone);
            return true;
        }
        catch (ArgumentException)
        {
            // A time that does not exist in the zone (skipped by a daylight-saving change).
            return false;
        }
    }

    public static string FormatUtc(DateTime utc)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time as the value of a <c>datetime-local</c> input in the site's time zone.</summary>
    public static string? LocalDateTime(string? stored, TimeZoneInfo timeZone)
        => !string.IsNullOrEmpty(stored) && ContentJson.TryParseDate(stored, out var utc)
            ? TimeZoneInfo.ConvertTimeFromUtc(utc, timeZone).ToString(DateTimeFormat, CultureInfo.InvariantCulture)
            : null;

    /// <summary>A stored date (<c>2023-03-29T00:00:00</c>) as the value of a <c>date</c> input: the calendar date as written.</summary>
    public static string? LocalDate(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored.Length >= 10 && DateTime.TryParseExact(stored[..10], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return ContentJson.TryParseDate(stored, out var parsed) ? parsed.ToString(DateFormat, CultureInfo.InvariantCulture) : null;
    }

    private static string? Text(JsonNode? node) => ContentValidator.Text(node);

    private static string Line(string value) => value.Trim();

    private static string Multiline(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();

    private static List<string> Distinct(IEnumerable<string> values)
        => values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static void SetOrRemove(JsonObject json, string property, string value)
    {
        if (value.Length == 0)
        {
            json.Remove(property);
        }
        else
        {
            json[property] = value;
        }
    }
}
