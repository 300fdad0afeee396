using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.ConsentPart;

/// <summary>
/// The editor: a checkbox confirming the parents' consent, with who confirmed and when while it stays ticked. Who and
/// when are decided on binding, never taken from the form; an earlier confirmation is kept.
/// </summary>
internal sealed partial class ConsentPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/ConsentPart/Views/ConsentPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key("Confirmed"), IsConfirmed(value) ? "true" : null);

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
    {
        var key = part.Key("Confirmed");
        var stored = context.Existing?.Part(part.Name);
        string? confirmedText = null;
        if (context.Values.Get(key) == "true" && IsConfirmed(stored))
        {
            var by = ContentValidator.Text(stored!["ConfirmedBy"]);
            var when = ContentValidator.Text(stored["ConfirmedUtc"]) is { } text && ContentJson.TryParseDate(text, out var utc)
                ? context.Site.ToLocal(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
                : null;
            confirmedText = (by, when) switch
            {
                ({ Length: > 0 }, not null) => T["Confirmed by {0} at {1}.", by, when].Value,
                ({ Length: > 0 }, null) => T["Confirmed by {0}.", by].Value,
                _ => null,
            };
        }

        return Task.FromResult<FieldEditorView?>(new FieldEditorView(key, Kind,
            T["I confirm that the school has the consent of the children's parents to publish the photos showing the children on the public site."], EditorView)
        {
            Hint = context.Site.RequireParentalConsent ? T["Needed before an item with photos is published."].Value : null,
            FixedText = confirmedText,
        });
    }

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        var json = item.GetOrCreatePart(part.Name);
        if (!FormText.Ticked(values.GetAll(part.Key("Confirmed"))))
        {
            json.Remove("Confirmed");
            json.Remove("ConfirmedBy");
            json.Remove("ConfirmedUtc");
        }
        else if (!IsConfirmed(json) || ContentValidator.Text(json["ConfirmedBy"]) is not { Length: > 0 } || ContentValidator.Text(json["ConfirmedUtc"]) is not { Length: > 0 })
        {
            json["Confirmed"] = true;
            FormText.SetOrRemove(json, "ConfirmedBy", options.UserName ?? "");
            json["ConfirmedUtc"] = FormText.FormatUtc(options.UtcNow);
        }

        return null;
    }
}
