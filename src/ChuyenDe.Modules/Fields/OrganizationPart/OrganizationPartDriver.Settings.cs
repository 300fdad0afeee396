using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>The organisation in the content definition editor.</summary>
internal sealed partial class OrganizationPartDriver : IPartSettingsEditor
{
    public string Label => T["Organisation the item belongs to"];

    public void NewRecordSettings(JsonObject settings)
        => ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Organisation"].Value;
}
