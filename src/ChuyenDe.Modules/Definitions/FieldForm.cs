using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChuyenDe.Modules.Definitions;

/// <summary>
/// The field form: what every field has (kind, names, hint, position, kept as typed so that a wrong one is shown back),
/// and the settings of its kind, which the kind's <see cref="IFieldSettingsEditor"/> reads from the posted form.
/// </summary>
public sealed class FieldForm
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Hint { get; set; }
    public string? Position { get; set; }

    /// <summary>The kind's settings (null for a kind without a settings editor); not bound by MVC, see <see cref="IFieldSettingsEditor.BindSettings"/>.</summary>
    [BindNever]
    public FieldSettingsForm? Settings { get; set; }
}
