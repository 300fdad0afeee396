using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields.AutoroutePart;

/// <summary>The address in the content definition editor: in every new type, made from the title.</summary>
internal sealed partial class AutoroutePartDriver : IPartSettingsEditor
{
    public string Label => T["Address (URL) made from the title"];

    public bool InNewType => true;

    /// <summary>Orchard Core's defaults as this site's recipes use them: the address made from the title, an editor may change it.</summary>
    public void NewRecordSettings(JsonObject settings)
    {
        ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Address"].Value;
        settings["AutoroutePartSettings"] = new JsonObject
        {
            ["AllowCustomPath"] = true,
            ["Pattern"] = "{{ ContentItem.DisplayText | slugify }}",
            ["ShowHomepageOption"] = false,
        };
    }
}
