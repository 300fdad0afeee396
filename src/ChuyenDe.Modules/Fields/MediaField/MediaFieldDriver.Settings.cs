using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.MediaField;

/// <summary>The settings of files: required, several, a text for each, and the file types allowed.</summary>
internal sealed partial class MediaFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Files and images"];

    public string SettingsView => "~/Fields/MediaField/Views/MediaFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new MediaFieldSettingsForm { Multiple = true };

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field)
    {
        var s = field.KindSettings;
        return new MediaFieldSettingsForm
        {
            Required = s.Required,
            Multiple = s.Multiple,
            AllowMediaText = s.AllowMediaText,
            AllowedExtensions = s.AllowedExtensions is { } extensions ? string.Join(", ", extensions) : null,
        };
    }

    public FieldSettingsForm BindSettings(IFormCollection posted) => new MediaFieldSettingsForm
    {
        Required = posted.Flag(nameof(MediaFieldSettingsForm.Required)),
        Multiple = posted.Flag(nameof(MediaFieldSettingsForm.Multiple)),
        AllowMediaText = posted.Flag(nameof(MediaFieldSettingsForm.AllowMediaText)),
        AllowedExtensions = posted.Text(nameof(MediaFieldSettingsForm.AllowedExtensions)),
    };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (MediaFieldSettingsForm)settings;
        update.Set("Required", form.Required);
        var extensions = new List<string>();
        foreach (var raw in (form.AllowedExtensions ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var extension = (raw.StartsWith('.') ? raw : "." + raw).ToLowerInvariant();
            if (!Extension().IsMatch(extension))
            {
                update.AddError(nameof(form.AllowedExtensions), T["{0} is not a file extension. Write extensions like .jpg, .png, .pdf.", raw]);
                break;
            }

            if (!extensions.Contains(extension))
            {
                extensions.Add(extension);
            }
        }

        update.Set("Multiple", form.Multiple);
        update.Set("AllowMediaText", form.AllowMediaText);
        update.Set("AllowedExtensions", new JsonArray(extensions.Select(e => (JsonNode)e).ToArray()));
        return Task.CompletedTask;
    }

    [GeneratedRegex("^\\.[a-z0-9]{1,10}$")]
    private static partial Regex Extension();
}
