using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Fields.MediaField;

/// <summary>Files of the media library: images go to the item's gallery, every other file is a download.</summary>
internal sealed partial class MediaFieldDriver(
    IMediaUsage mediaUsage,
    IOptions<ImageOptions> imageOptions,
    IMediaFileAccess mediaFiles,
    IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.MediaField;

    public async Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
    {
        var files = ContentValidator.Strings(context.Value?["Paths"]).Where(p => !ContentDisplayBuilder.IsImage(p) && ContentValidator.IsSafeMediaPath(p)).ToList();
        var names = await mediaUsage.GetOriginalNamesAsync(files, ct);
        return context.EmptyView with
        {
            Images = Images(context.Value),
            Files = files
                .Select(p => new FileView(names.GetValueOrDefault(p) ?? Path.GetFileName(p), ContentDisplayBuilder.MediaUrl(p), Path.GetExtension(p).TrimStart('.').ToUpperInvariant()))
                .ToList(),
        };
    }

    /// <summary>The first image of the field; the others are not looked at (a card shows one).</summary>
    public ImageView? CardImage(FieldContext context)
    {
        var paths = ContentValidator.Strings(context.Value?["Paths"]);
        for (var i = 0; i < paths.Count; i++)
        {
            if (ContentDisplayBuilder.IsImage(paths[i]) && ContentValidator.IsSafeMediaPath(paths[i]))
            {
                var texts = ContentValidator.Strings(context.Value?["MediaTexts"]);
                return new ImageView(ContentDisplayBuilder.MediaUrl(paths[i]), i < texts.Count ? texts[i] : "", ImageDerivatives.For(paths[i], imageOptions.Value));
            }
        }

        return null;
    }

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
    {
        var paths = FieldText.Strings(context.Value?["Paths"]);
        var texts = context.Value?["MediaTexts"] is JsonArray t ? t.Select(FieldText.Text).ToList() : [];
        return Task.FromResult<IReadOnlyList<string>>(paths.Select((p, i) => i < texts.Count && !string.IsNullOrEmpty(texts[i]) ? $"{p} – {texts[i]}" : p).ToList());
    }

    private List<ImageView> Images(JsonObject? json)
    {
        var paths = ContentValidator.Strings(json?["Paths"]);
        var texts = ContentValidator.Strings(json?["MediaTexts"]);
        return paths.Select((p, i) => (p, i))
            .Where(x => ContentDisplayBuilder.IsImage(x.p) && ContentValidator.IsSafeMediaPath(x.p))
            .Select(x => new ImageView(ContentDisplayBuilder.MediaUrl(x.p), x.i < texts.Count ? texts[x.i] : "", ImageDerivatives.For(x.p, imageOptions.Value)))
            .ToList();
    }

    /// <summary>The files (their extracted text) and their descriptions are searched.</summary>
    public Task ContributeToSearchAsync(FieldContext context, FieldSearchContribution document, CancellationToken ct = default)
    {
        document.MediaPaths.AddRange(FieldSearchContribution.Strings(context.Value?["Paths"]));
        document.BodyTexts.AddRange(FieldSearchContribution.Strings(context.Value?["MediaTexts"]));
        return Task.CompletedTask;
    }
}
