using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.DateField;

/// <summary>The settings of a date: only whether it is required.</summary>
internal sealed partial class DateFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Date"];

    public string SettingsView => "~/Fields/DateField/Views/DateFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field) => new() { Required = field.KindSettings.Required };

    public FieldSettingsForm BindSettings(IFormCollection posted) => new() { Required = posted.Flag(nameof(FieldSettingsForm.Required)) };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        update.Set("Required", settings.Required);
        return Task.CompletedTask;
    }
}
