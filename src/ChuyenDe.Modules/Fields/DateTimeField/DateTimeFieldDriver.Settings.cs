using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.DateTimeField;

/// <summary>The settings of a date and time: only whether it is required.</summary>
internal sealed partial class DateTimeFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Date and time"];

    public string SettingsView => "~/Fields/DateTimeField/Views/DateTimeFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field) => new() { Required = field.KindSettings.Required };

    public FieldSettingsForm BindSettings(IFormCollection posted) => new() { Required = posted.Flag(nameof(FieldSettingsForm.Required)) };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        update.Set("Required", settings.Required);
        return Task.CompletedTask;
    }
}
