using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Licensing;

namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>The engine's rules of a text: a string, required when set so, one of the listed values for a predefined list.</summary>
internal sealed partial class TextFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Text"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    /// <summary>The default of the settings (of the text, or of its predefined list).</summary>
    public JsonObject NewValue(ContentPartFieldDefinition field)
        => (ContentValidator.Text(field.Settings["TextFieldSettings"]?["DefaultValue"])
            ?? ContentValidator.Text(field.Settings["TextFieldPredefinedListEditorSettings"]?["DefaultValue"])) is { Length: > 0 } text
            ? new JsonObject { ["Text"] = text }
            : new JsonObject();

    /// <summary>
    /// The licence field starts with the default of its settings, or else the site's default licence
    /// (<see cref="Settings.SiteSettings.DefaultLicense"/>).
    /// </summary>
    public async Task<JsonObject> NewValueAsync(ContentPartFieldDefinition field, CancellationToken ct = default)
    {
        var value = NewValue(field);
        if (LicenseField.IsLicenseField(field.Name) && value["Text"] is null)
        {
            value["Text"] = settings is null ? LicenseCatalog.AllRightsReservedValue : (await settings.GetAsync(ct)).DefaultContentLicense.Value;
        }

        return value;
    }

    /// <summary>A licence named another way (a code stored before URIs, an http URI) is stored as the catalogue's value.</summary>
    public void Normalize(ContentPartFieldDefinition field, JsonObject value)
    {
        if (LicenseField.IsLicenseField(field.Name))
        {
            LicenseField.Normalize(value);
        }
    }

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var text = ContentValidator.Text(context.Value?["Text"]);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (context.Definition.KindSettings.Required)
            {
                context.Fail(T["Please enter {0}.", context.Label]);
            }
        }
        else if (LicenseField.IsLicenseField(context.Definition.Name) && LicenseCatalog.Find(text) is null)
        {
            context.Fail(T["{0} must be one of the licences of the library (Creative Commons or all rights reserved).", context.Label]);
        }
        else if (context.Definition.PredefinedOptions is { Count: > 0 } options && options.All(o => o.Value != text))
        {
            context.Fail(T["{0} must be one of the listed values.", context.Label]);
        }

        return Task.CompletedTask;
    }
}
