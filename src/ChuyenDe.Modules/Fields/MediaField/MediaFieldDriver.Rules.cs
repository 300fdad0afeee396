using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.MediaField;

/// <summary>
/// The engine's rules of files of the media library: safe paths of allowed types, one unless several are allowed; the
/// files and their descriptions are what the media index and the publishing checks read.
/// </summary>
internal sealed partial class MediaFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new()
    {
        ["Paths"] = ValueShape.StringArray,
        ["MediaTexts"] = ValueShape.StringArray,
    };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var settings = context.Definition.KindSettings;
        var label = context.Label;
        var paths = ContentValidator.Strings(context.Value?["Paths"]);
        if (paths.Count == 0 && settings.Required)
        {
            context.Fail(T["Please choose {0}.", label]);
        }

        if (paths.Count > 1 && !settings.Multiple)
        {
            context.Fail(T["{0} allows only one item.", label]);
        }

        foreach (var path in paths)
        {
            if (!ContentValidator.IsSafeMediaPath(path))
            {
                context.Fail(T["{0}: the file path is not valid.", label]);
            }
            else if (settings.AllowedExtensions is { Length: > 0 } allowed
                     && !allowed.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                context.Fail(T["{0}: the file type {1} is not allowed.", label, Path.GetExtension(path)]);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Each non-empty path, with the description at its position (the alternative text of an image).</summary>
    public IReadOnlyList<MediaReference> MediaReferences(JsonObject? value)
    {
        var paths = ContentValidator.Strings(value?["Paths"]);
        var texts = value?["MediaTexts"] as JsonArray;
        return paths.Select((path, i) => new MediaReference(path, texts is not null && i < texts.Count ? ContentValidator.Text(texts[i]) : null)).ToList();
    }
}
