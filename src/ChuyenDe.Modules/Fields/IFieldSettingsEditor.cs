using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields;

/// <summary>
/// The settings of one field kind in the content definition editor (the field page under
/// <c>/admin/loai-noi-dung/{type}/truong/…</c>): which settings the kind has, its view, and how the posted settings are
/// read back, checked (errors in Vietnamese) and stored in Orchard Core's shape. Implemented by the kind's driver in a
/// file of its own beside it (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;Driver.Settings.cs</c>) and registered with it; the
/// kinds offered when adding a field are the registered editors, in the order of their registration.
/// </summary>
public interface IFieldSettingsEditor
{
    /// <summary>The field kind, e.g. <c>TextField</c>.</summary>
    string Kind { get; }

    /// <summary>The kind's name for administrators, e.g. "Văn bản" (the list of kinds, the field page, the type's fields).</summary>
    string DisplayName { get; }

    /// <summary>The view that shows the settings (an application-relative path); its model is a <see cref="FieldSettingsView"/>.</summary>
    string SettingsView { get; }

    /// <summary>The settings of a new field of this kind, as the form first shows them.</summary>
    FieldSettingsForm NewSettings();

    /// <summary>The settings of an existing field, for editing.</summary>
    FieldSettingsForm ReadSettings(ContentPartFieldDefinition field);

    /// <summary>The settings as posted (by the inputs' names), kept as typed so that a wrong value is shown back as it was.</summary>
    FieldSettingsForm BindSettings(IFormCollection posted);

    /// <summary>Loads what the view offers to choose from (taxonomies, content types) into the form before it is shown.</summary>
    Task PrepareViewAsync(FieldSettingsForm settings, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Checks posted settings and gives what to store (see <see cref="FieldSettingsUpdate"/>).</summary>
    Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default);
}
