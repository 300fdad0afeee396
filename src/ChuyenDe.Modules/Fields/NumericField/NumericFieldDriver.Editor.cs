using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.NumericField;

/// <summary>The editor: a number box with the field's bounds and step, read as browsers send it or as Vietnamese write it.</summary>
internal sealed partial class NumericFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/NumericField/Views/NumericField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(field.Key, value?["Value"] is { } node && ContentValidator.TryNumber(node, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null);

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        var settings = editor.Settings;
        return Task.FromResult(editor with
        {
            Minimum = settings.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = settings.Maximum?.ToString(CultureInfo.InvariantCulture),
            Step = settings.Scale > 0
                ? (1m / (decimal)Math.Pow(10, Math.Min(settings.Scale, 10))).ToString(CultureInfo.InvariantCulture)
                : "1",
        });
    }

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        var text = FormText.Line(values.Get(field.Key));
        if (text.Length == 0)
        {
            value.Remove("Value");
        }
        else if (FormText.TryParseNumber(text, out var number))
        {
            value["Value"] = number;
        }
        else
        {
            value.Remove("Value");
            return field.Error(T["{0} must be a number, e.g. 12 or 10.5.", field.Definition.DisplayName]);
        }

        return null;
    }
}
