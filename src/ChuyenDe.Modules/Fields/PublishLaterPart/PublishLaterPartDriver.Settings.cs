using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields.PublishLaterPart;

/// <summary>Scheduled publishing in the content definition editor.</summary>
internal sealed partial class PublishLaterPartDriver : IPartSettingsEditor
{
    public string Label => T["Scheduled publishing"];

    public void NewRecordSettings(JsonObject settings)
        => ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Scheduled publishing"].Value;
}
