using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.MarkdownBodyPart;

/// <summary>The engine's rules of a Markdown body: a string, in which files of the media library may be linked.</summary>
internal sealed partial class MarkdownBodyPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Markdown"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public string? MediaLinkingText(JsonObject? value) => ContentValidator.Text(value?["Markdown"]);
}
