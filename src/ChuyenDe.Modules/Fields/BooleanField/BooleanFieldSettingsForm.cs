namespace ChuyenDe.Modules.Fields.BooleanField;

/// <summary>A check box's settings: the text beside it and whether it starts ticked (it has no Required setting).</summary>
public sealed class BooleanFieldSettingsForm : FieldSettingsForm
{
    public string? Label { get; set; }

    public bool DefaultValue { get; set; }
}
