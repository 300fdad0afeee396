using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.DateField;

/// <summary>The editor: a date box; a date typed day first (29/03/2026) is read too.</summary>
internal sealed partial class DateFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/DateField/Views/DateField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(field.Key, FormText.LocalDate(ContentValidator.Text(value?["Value"])));

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
        => Task.FromResult(field.View(EditorView));

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        var text = FormText.Line(values.Get(field.Key));
        if (text.Length == 0)
        {
            value.Remove("Value");
        }
        else if (FormText.TryParseDate(text, out var date))
        {
            value["Value"] = date.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture);
        }
        else
        {
            value.Remove("Value");
            return field.Error(T["{0} is not a valid date. Use day/month/year, e.g. 29/03/2026.", field.Definition.DisplayName]);
        }

        return null;
    }
}
