using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.DateTimeField;

/// <summary>The editor: a date and time typed in the site's time zone, stored in UTC.</summary>
internal sealed partial class DateTimeFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/DateTimeField/Views/DateTimeField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(field.Key, FormText.LocalDateTime(ContentValidator.Text(value?["Value"]), timeZone));

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
        => Task.FromResult(field.View(EditorView));

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        var text = FormText.Line(values.Get(field.Key));
        if (text.Length == 0)
        {
            value.Remove("Value");
        }
        else if (FormText.TryParseLocalDateTime(text, options.TimeZone, out var utc))
        {
            value["Value"] = FormText.FormatUtc(utc);
        }
        else
        {
            value.Remove("Value");
            return field.Error(T["{0} is not a valid date and time. Use day/month/year hour:minute, e.g. 29/03/2026 08:30.", field.Definition.DisplayName]);
        }

        return null;
    }
}
