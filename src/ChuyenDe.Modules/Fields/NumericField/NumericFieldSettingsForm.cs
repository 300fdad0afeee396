namespace ChuyenDe.Modules.Fields.NumericField;

/// <summary>A number's settings, kept as typed: the range and the number of decimal places.</summary>
public sealed class NumericFieldSettingsForm : FieldSettingsForm
{
    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? Scale { get; set; }
}
