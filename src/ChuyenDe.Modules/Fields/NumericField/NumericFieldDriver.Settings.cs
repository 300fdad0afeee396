using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.NumericField;

/// <summary>A number's settings: required, minimum and maximum (a decimal comma or point), decimal places (0–10).</summary>
internal sealed partial class NumericFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Number"];

    public string SettingsView => "~/Fields/NumericField/Views/NumericFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new NumericFieldSettingsForm();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field)
    {
        var s = field.KindSettings;
        return new NumericFieldSettingsForm
        {
            Required = s.Required,
            Minimum = s.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = s.Maximum?.ToString(CultureInfo.InvariantCulture),
            Scale = field.Settings["NumericFieldSettings"]?["Scale"] is null ? null : s.Scale.ToString(CultureInfo.InvariantCulture),
        };
    }

    public FieldSettingsForm BindSettings(IFormCollection posted) => new NumericFieldSettingsForm
    {
        Required = posted.Flag(nameof(NumericFieldSettingsForm.Required)),
        Minimum = posted.Text(nameof(NumericFieldSettingsForm.Minimum)),
        Maximum = posted.Text(nameof(NumericFieldSettingsForm.Maximum)),
        Scale = posted.Text(nameof(NumericFieldSettingsForm.Scale)),
    };

    public Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (NumericFieldSettingsForm)settings;
        update.Set("Required", form.Required);
        var minimum = ParseNumber(form.Minimum, nameof(form.Minimum), update);
        var maximum = ParseNumber(form.Maximum, nameof(form.Maximum), update);
        if (minimum is { } min && maximum is { } max && min > max)
        {
            update.AddError(nameof(form.Maximum), T["The maximum must not be smaller than the minimum."]);
        }

        var scale = 0;
        if (!string.IsNullOrWhiteSpace(form.Scale)
            && !(int.TryParse(form.Scale.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out scale) && scale is >= 0 and <= 10))
        {
            update.AddError(nameof(form.Scale), T["The number of decimal places must be a whole number from 0 to 10."]);
        }

        update.Set("Minimum", minimum is { } a ? JsonValue.Create(a) : null);
        update.Set("Maximum", maximum is { } b ? JsonValue.Create(b) : null);
        update.Set("Scale", scale);
        return Task.CompletedTask;
    }

    private decimal? ParseNumber(string? text, string key, FieldSettingsUpdate update)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Vietnamese writes decimals with a comma; both are accepted.
        var normalized = text.Trim().Replace(',', '.').Replace('−', '-');
        if (decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        update.AddError(key, T["{0} is not a number.", text.Trim()]);
        return null;
    }
}
