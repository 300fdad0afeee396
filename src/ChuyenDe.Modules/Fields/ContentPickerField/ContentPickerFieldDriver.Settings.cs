using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>The settings of links to other items: required, several, and the content types offered (none: every type).</summary>
internal sealed partial class ContentPickerFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Other content items"];

    public string SettingsView => "~/Fields/ContentPickerField/Views/ContentPickerFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new ContentPickerFieldSettingsForm();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field)
    {
        var s = field.KindSettings;
        return new ContentPickerFieldSettingsForm
        {
            Required = s.Required,
            Multiple = s.Multiple,
            DisplayedContentTypes = s.DisplayedContentTypes?.ToList() ?? [],
        };
    }

    public FieldSettingsForm BindSettings(IFormCollection posted) => new ContentPickerFieldSettingsForm
    {
        Required = posted.Flag(nameof(ContentPickerFieldSettingsForm.Required)),
        Multiple = posted.Flag(nameof(ContentPickerFieldSettingsForm.Multiple)),
        DisplayedContentTypes = posted.Values(nameof(ContentPickerFieldSettingsForm.DisplayedContentTypes)),
    };

    public async Task PrepareViewAsync(FieldSettingsForm settings, CancellationToken ct = default)
        => ((ContentPickerFieldSettingsForm)settings).ContentTypes = await definitions.ListTypeDefinitionsAsync(ct);

    public async Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (ContentPickerFieldSettingsForm)settings;
        update.Set("Required", form.Required);
        var types = new List<string>();
        foreach (var typeName in form.DisplayedContentTypes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
        {
            if (await definitions.GetTypeDefinitionAsync(typeName, ct) is null)
            {
                update.AddError(nameof(form.DisplayedContentTypes), T["The content type {0} does not exist.", typeName]);
                break;
            }

            types.Add(typeName);
        }

        update.Set("Multiple", form.Multiple);
        update.Set("DisplayAllContentTypes", types.Count == 0);
        update.Set("DisplayedContentTypes", new JsonArray(types.Select(t => (JsonNode)t).ToArray()));
    }
}
