using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.BooleanField;

/// <summary>A check box's settings: its label and whether it is ticked in a new item.</summary>
internal sealed partial class BooleanFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Yes/No"];

    public string SettingsView => "~/Fields/BooleanField/Views/BooleanFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new BooleanFieldSettingsForm();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field) => new BooleanFieldSettingsForm
    {
        Label = field.KindSettings.Label,
        DefaultValue = field.Settings["BooleanFieldSettings"]?["DefaultValue"] is JsonValue value && value.TryGetValue<bool>(out var ticked) && ticked,
    };

    public FieldSettingsForm BindSettings(IFormCollection posted) => new BooleanFieldSettingsForm
    {
        Label = posted.Text(nameof(BooleanFieldSettingsForm.Label)),
        DefaultValue = posted.Flag(nameof(BooleanFieldSettingsForm.DefaultValue)),
    };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (BooleanFieldSettingsForm)settings;
        update.Set("Label", PostedSettings.Clean(form.Label));
        update.Set("DefaultValue", form.DefaultValue);
        return Task.CompletedTask;
    }
}
