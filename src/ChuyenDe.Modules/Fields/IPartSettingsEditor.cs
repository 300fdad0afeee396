using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields;

/// <summary>
/// A part kind in the content definition editor (the type page, <c>/admin/loai-noi-dung/{type}/sua</c>): its label
/// beside its check box, whether a new type has it, the settings of its record when it is added to a type, and what it
/// does not go with. Implemented by the part's driver in a file of its own beside it
/// (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;Driver.Settings.cs</c>) and registered with it; the parts offered are the
/// registered editors, in the order of their registration (the order the parts take in a new type).
/// </summary>
public interface IPartSettingsEditor
{
    /// <summary>The part kind, e.g. <c>TitlePart</c>.</summary>
    string Kind { get; }

    /// <summary>The label beside the part's check box, e.g. "Body written in Markdown".</summary>
    string Label { get; }

    /// <summary>Whether the part is ticked for a new type.</summary>
    bool InNewType => false;

    /// <summary>Whether the type's own part (its fields) comes right after this one when it is added.</summary>
    bool FieldsFollow => false;

    /// <summary>
    /// Writes the settings of the part's record when the part is added to a type (<paramref name="settings"/> holds
    /// <c>ContentTypePartSettings</c> with the position): its display name there, and settings of its own.
    /// </summary>
    void NewRecordSettings(JsonObject settings)
    {
    }

    /// <summary>Why the part cannot go with the other parts chosen (in Vietnamese), or null when it can.</summary>
    string? Conflict(IReadOnlyCollection<string> parts) => null;
}
