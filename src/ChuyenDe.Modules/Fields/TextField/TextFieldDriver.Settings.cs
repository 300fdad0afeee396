using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>A text's settings: required, several lines, or predefined options (Orchard Core's PredefinedList editor).</summary>
internal sealed partial class TextFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Text"];

    public string SettingsView => "~/Fields/TextField/Views/TextFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new TextFieldSettingsForm();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field) => new TextFieldSettingsForm
    {
        Required = field.KindSettings.Required,
        Multiline = field.Editor == "TextArea",
        Options = field.PredefinedOptions is { } options
            ? string.Join("\n", options.Select(o => o.Name == o.Value || o.Value.Length == 0 ? o.Name : $"{o.Name} | {o.Value}"))
            : null,
    };

    public FieldSettingsForm BindSettings(IFormCollection posted) => new TextFieldSettingsForm
    {
        Required = posted.Flag(nameof(TextFieldSettingsForm.Required)),
        Multiline = posted.Flag(nameof(TextFieldSettingsForm.Multiline)),
        Options = posted.Text(nameof(TextFieldSettingsForm.Options)),
    };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (TextFieldSettingsForm)settings;
        update.Set("Required", form.Required);
        var options = ParseOptions(form.Options, update);
        update.Change(fieldSettings => ApplyEditor(form, options, fieldSettings));
        return Task.CompletedTask;
    }

    /// <summary>The editor: predefined options (a list to choose from), several lines, or one line.</summary>
    private static void ApplyEditor(TextFieldSettingsForm form, List<PredefinedOption> options, JsonObject settings)
    {
        var common = (JsonObject)settings["ContentPartFieldSettings"]!;
        if (options.Count > 0)
        {
            var predefined = settings["TextFieldPredefinedListEditorSettings"] as JsonObject ?? new JsonObject { ["Editor"] = 0 };
            predefined["Options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["value"] = o.Value }).ToArray());
            if (predefined["DefaultValue"] is JsonValue dv && dv.TryGetValue<string>(out var d) && options.All(o => o.Value != d))
            {
                predefined.Remove("DefaultValue");
                (settings["TextFieldSettings"] as JsonObject)?.Remove("DefaultValue");
            }

            settings["TextFieldPredefinedListEditorSettings"] = predefined;
            common["Editor"] = "PredefinedList";
            return;
        }

        settings.Remove("TextFieldPredefinedListEditorSettings");
        if (form.Multiline)
        {
            common["Editor"] = "TextArea";
        }
        else if (FieldText.Text(common["Editor"]) is "TextArea" or "PredefinedList")
        {
            common.Remove("Editor");
        }
    }

    /// <summary>One option a line, "Name | value"; a line without a name or a value given twice is an error.</summary>
    private List<PredefinedOption> ParseOptions(string? text, FieldSettingsUpdate update)
    {
        var options = new List<PredefinedOption>();
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var bar = line.LastIndexOf('|');
            var name = PostedSettings.Clean(bar < 0 ? line : line[..bar]) ?? "";
            var value = bar < 0 ? name : PostedSettings.Clean(line[(bar + 1)..]) ?? name;
            if (name.Length == 0)
            {
                update.AddError(nameof(TextFieldSettingsForm.Options), T["Each option needs a name before the | sign."]);
                continue;
            }

            if (options.Any(o => o.Value == value))
            {
                update.AddError(nameof(TextFieldSettingsForm.Options), T["The value {0} appears twice in the options.", value]);
                continue;
            }

            options.Add(new PredefinedOption { Name = name, Value = value });
        }

        return options;
    }
}
