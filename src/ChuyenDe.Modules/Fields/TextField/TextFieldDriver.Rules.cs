using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

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
        else if (context.Definition.PredefinedOptions is { Count: > 0 } options && options.All(o => o.Value != text))
        {
            context.Fail(T["{0} must be one of the listed values.", context.Label]);
        }

        return Task.CompletedTask;
    }
}
