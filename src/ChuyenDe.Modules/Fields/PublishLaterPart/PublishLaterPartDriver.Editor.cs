using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.PublishLaterPart;

/// <summary>The editor: the moment a saved draft publishes itself, typed in the site's time zone; only users who may publish set it.</summary>
internal sealed partial class PublishLaterPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/PublishLaterPart/Views/PublishLaterPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key(ItemSchedule.Property), FormText.LocalDateTime(ContentValidator.Text(value?[ItemSchedule.Property]), timeZone));

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
    {
        var key = part.Key(ItemSchedule.Property);
        return Task.FromResult<FieldEditorView?>(new FieldEditorView(key, Kind, part.Label(T["Publish later"]), EditorView)
        {
            Hint = context.CanPublish
                ? T["Date and time (Vietnam time) at which the saved draft is published by itself. Leave it empty to publish by hand."]
                : T["Only a user who may publish can schedule publishing."],
            Fixed = !context.CanPublish,
            FixedText = DateTime.TryParseExact(context.Values.Get(key), FormText.DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
                : null,
        });
    }

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        if (!options.BindSchedule)
        {
            return null;
        }

        var text = FormText.Line(values.Get(part.Key(ItemSchedule.Property)));
        var json = item.GetOrCreatePart(part.Name);
        if (text.Length == 0)
        {
            json.Remove(ItemSchedule.Property);
        }
        else if (FormText.TryParseLocalDateTime(text, options.TimeZone, out var utc))
        {
            json[ItemSchedule.Property] = FormText.FormatUtc(utc);
        }
        else
        {
            json.Remove(ItemSchedule.Property);
            return part.Error(ItemSchedule.Property,
                T["{0} is not a valid date and time. Use day/month/year hour:minute, e.g. 29/03/2026 08:30.", part.Label(T["Publish later"])]);
        }

        return null;
    }
}
