using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields.HtmlBodyPart;

/// <summary>The HTML body in the content definition editor (a type has it or the Markdown body, see MarkdownBodyPartDriver).</summary>
internal sealed partial class HtmlBodyPartDriver : IPartSettingsEditor
{
    public string Label => T["Body written in HTML"];

    public void NewRecordSettings(JsonObject settings)
        => ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Detailed body"].Value;
}
