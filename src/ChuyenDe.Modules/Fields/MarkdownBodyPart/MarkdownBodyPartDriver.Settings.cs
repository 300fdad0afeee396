using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.MarkdownBodyPart;

/// <summary>The Markdown body in the content definition editor: in a new type, and not together with an HTML body.</summary>
internal sealed partial class MarkdownBodyPartDriver : IPartSettingsEditor
{
    public string Label => T["Body written in Markdown"];

    public bool InNewType => true;

    public void NewRecordSettings(JsonObject settings)
        => ((JsonObject)settings["ContentTypePartSettings"]!)["DisplayName"] = T["Detailed body"].Value;

    public string? Conflict(IReadOnlyCollection<string> parts)
        => parts.Contains(Kind) && parts.Contains(ContentKinds.HtmlBodyPart) ? T["Choose either a Markdown body or an HTML body, not both."].Value : null;
}
