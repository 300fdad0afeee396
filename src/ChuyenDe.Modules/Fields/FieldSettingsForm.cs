namespace ChuyenDe.Modules.Fields;

/// <summary>
/// A field kind's settings as its form shows them; a kind with more settings than <see cref="Required"/> derives its own
/// (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;SettingsForm.cs</c>). Numbers are kept as typed, so that a wrong one is shown back.
/// </summary>
public class FieldSettingsForm
{
    /// <summary>An item cannot be saved without a value (a kind without this setting, like a check box, leaves it false).</summary>
    public bool Required { get; set; }
}
