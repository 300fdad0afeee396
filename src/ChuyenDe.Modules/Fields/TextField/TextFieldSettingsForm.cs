namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>A text's settings: one line or several, or a list of predefined options to choose from.</summary>
public sealed class TextFieldSettingsForm : FieldSettingsForm
{
    /// <summary>Several lines (the TextArea editor).</summary>
    public bool Multiline { get; set; }

    /// <summary>One option a line, "Name | value" (the value defaults to the name); empty for free text.</summary>
    public string? Options { get; set; }
}
