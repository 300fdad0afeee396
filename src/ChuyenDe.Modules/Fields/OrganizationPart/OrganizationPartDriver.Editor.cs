using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>
/// The editor: a select of the units the user may give the item, in tree order; shown fixed when there is only one (a
/// school contributor's school). The editor service checks or forces the posted unit before it is bound.
/// </summary>
internal sealed partial class OrganizationPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/OrganizationPart/Views/OrganizationPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(ItemOrganization.Key(part.Definition), ContentValidator.Text(value?["OrganizationId"]));

    public async Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
    {
        var all = await organizations.ListAsync(ct);
        var choices = ItemOrganizationChoices.For(context.Scope, all, context.Existing);
        var top = choices.Options.Count == 0 ? 0 : choices.Options.Min(o => ItemOrganizationChoices.Depth(o, all));
        var options = choices.Options.Select(o => new EditorOption(o.Id, o.Name, ItemOrganizationChoices.Depth(o, all) - top)).ToList();
        if (choices.NoneAllowed)
        {
            options.Insert(0, new EditorOption("", T["(No organisation)"]));
        }

        var fixedId = choices.Fixed;
        return new FieldEditorView(ItemOrganization.Key(part.Definition), Kind, part.Label(T["Organisation"]), EditorView)
        {
            Required = !choices.NoneAllowed,
            Options = options,
            Fixed = fixedId is not null,
            FixedText = fixedId is null ? null : choices.Options[0].Name,
            Hint = fixedId is null ? T["The unit the item belongs to. It decides who may review and edit it."] : T["Items you write belong to your unit."],
        };
    }

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        if (options.BindOrganization)
        {
            FormText.SetOrRemove(item.GetOrCreatePart(part.Name), "OrganizationId", FormText.Line(values.Get(ItemOrganization.Key(part.Definition))));
        }

        return null;
    }
}
