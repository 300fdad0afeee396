using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Rules for publishing images (issue 4, items 3 and 6): every image chosen in a media field needs its alternative
/// text, and when the site asks for it, an item showing images needs the confirmation of the parents' consent
/// (<see cref="ContentKinds.ConsentPart"/>). Drafts and recipe imports are not checked.
/// </summary>
internal sealed partial class MediaPublishChecks(ISiteSettingsService settings, IStringLocalizer<MediaResources> T) : IContentPublishCheck
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    public async Task CheckAsync(ContentPublishCheckContext context, CancellationToken ct)
    {
        var item = context.Item;
        var hasImage = false;
        foreach (var (part, field) in context.Type.AllFields())
        {
            if (field.FieldName != ContentKinds.MediaField)
            {
                continue;
            }

            var json = item.Field(part.Name, field.Name);
            var paths = ContentValidator.Strings(json?["Paths"]);
            var texts = json?["MediaTexts"] as JsonArray;
            for (var i = 0; i < paths.Count; i++)
            {
                if (!IsImage(paths[i]))
                {
                    continue;
                }

                hasImage = true;
                var text = texts is not null && i < texts.Count ? ContentValidator.Text(texts[i]) : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    context.Fail(part.Name, field.Name,
                        T["{0}: please enter a description (alternative text) for the image {1} before publishing.", field.DisplayName, paths[i]]);
                }
            }
        }

        var consentPart = context.Type.Parts.FirstOrDefault(p => p.PartName == ContentKinds.ConsentPart);
        if (consentPart is null)
        {
            return;
        }

        hasImage = hasImage || HasBodyImage(item, context.Type);
        if (!hasImage || !(await settings.GetAsync(ct)).RequireParentalConsent)
        {
            return;
        }

        var confirmed = item.Part(consentPart.Name)?["Confirmed"] is JsonValue value && value.TryGetValue<bool>(out var b) && b;
        if (!confirmed)
        {
            context.Fail(consentPart.Name, "Confirmed",
                T["Please confirm that the parents of the children agreed to the publication of the photos before publishing."]);
        }
    }

    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path.Split('?', '#')[0]));

    /// <summary>Whether a Markdown or HTML body shows an image of the media library (<c>/media/….jpg</c>).</summary>
    private static bool HasBodyImage(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var part in type.Parts)
        {
            var text = part.PartName switch
            {
                ContentKinds.MarkdownBodyPart => ContentValidator.Text(item.Part(part.Name)?["Markdown"]),
                ContentKinds.HtmlBodyPart => ContentValidator.Text(item.Part(part.Name)?["Html"]),
                _ => null,
            };
            if (!string.IsNullOrEmpty(text) && BodyImage().IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"/media/[^\s""'()<>]+?\.(?:jpe?g|png|webp|gif)(?=$|[\s""'()<>?#])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyImage();
}
