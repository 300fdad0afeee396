using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.LinkField;

/// <summary>The settings of a link: only whether it is required.</summary>
internal sealed partial class LinkFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Link"];

    public string SettingsView => "~/Fields/LinkField/Views/LinkFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field) => new() { Required = field.KindSettings.Required };

    public FieldSettingsForm BindSettings(IFormCollection posted) => new() { Required = posted.Flag(nameof(FieldSettingsForm.Required)) };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        update.Set("Required", settings.Required);
        return Task.CompletedTask;
    }
}
