using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields.TitlePart;

/// <summary>The title in the content definition editor: in every new type, the type's fields right after it.</summary>
internal sealed partial class TitlePartDriver : IPartSettingsEditor
{
    public string Label => T["Title"];

    public bool InNewType => true;

    public bool FieldsFollow => true;

    public void NewRecordSettings(JsonObject settings)
        => ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Title"].Value;
}
