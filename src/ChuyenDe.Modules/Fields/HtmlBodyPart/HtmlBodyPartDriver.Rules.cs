using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.HtmlBodyPart;

/// <summary>The engine's rules of an HTML body: a string, in which files of the media library may be linked.</summary>
internal sealed partial class HtmlBodyPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Html"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public string? MediaLinkingText(JsonObject? value) => ContentValidator.Text(value?["Html"]);
}
