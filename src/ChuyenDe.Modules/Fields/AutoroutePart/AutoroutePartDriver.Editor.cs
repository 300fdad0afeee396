using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.AutoroutePart;

/// <summary>The editor: the address when the type allows a custom one; otherwise it is shown, made from the title on saving.</summary>
internal sealed partial class AutoroutePartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/AutoroutePart/Views/AutoroutePart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key("Path"), ContentValidator.Text(value?["Path"]));

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
    {
        var custom = AllowsCustomPath(part.Definition);
        return Task.FromResult<FieldEditorView?>(new FieldEditorView(part.Key("Path"), Kind, part.Label(T["Address"]), EditorView)
        {
            Hint = custom
                ? T["The address of the item on the site, e.g. sang-kien/gio-an-tu-phuc-vu. Leave it empty and it is made from the title."]
                : T["The address is made from the title when the item is saved."],
            Fixed = !custom,
            FixedText = context.Existing is null ? null : ContentValidator.Text(context.Existing.Part(part.Name)?["Path"]),
        });
    }

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        if (AllowsCustomPath(part.Definition))
        {
            FormText.SetOrRemove(item.GetOrCreatePart(part.Name), "Path", FormText.Line(values.Get(part.Key("Path"))));
        }

        return null;
    }

    private static bool AllowsCustomPath(ContentTypePartDefinition part)
        => part.Settings["AutoroutePartSettings"]?["AllowCustomPath"] is JsonValue allow && allow.TryGetValue<bool>(out var a) && a;
}
