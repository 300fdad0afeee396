using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Rules for publishing images (issue 4, items 3 and 6): every image chosen in a media field needs its alternative
/// text, and when the site asks for it, an item showing images needs the confirmation of the parents' consent
/// (<see cref="ContentParts.ConsentPart"/>). The files and bodies are read through the kinds' rules
/// (<see cref="IContentKindRules"/>). Drafts and recipe imports are not checked.
/// </summary>
internal sealed partial class MediaPublishChecks(
    ISiteSettingsService settings,
    IContentKindRules kinds,
    IStringLocalizer<MediaResources> T) : IContentPublishCheck
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    public async Task CheckAsync(ContentPublishCheckContext context, CancellationToken ct)
    {
        var item = context.Item;
        var hasImage = false;
        foreach (var (part, field, file) in kinds.MediaFilesOf(item, context.Type))
        {
            if (!IsImage(file.Path))
            {
                continue;
            }

            hasImage = true;
            if (string.IsNullOrWhiteSpace(file.Description))
            {
                context.Fail(part.Name, field.Name,
                    T["{0}: please enter a description (alternative text) for the image {1} before publishing.", field.DisplayName, file.Path]);
            }
        }

        var consentPart = ContentParts.ConsentPart(context.Type);
        if (consentPart is null)
        {
            return;
        }

        hasImage = hasImage || kinds.MediaLinkingTextsOf(item, context.Type).Any(text => text.Length > 0 && BodyImage().IsMatch(text));
        if (!hasImage || !(await settings.GetAsync(ct)).RequireParentalConsent)
        {
            return;
        }

        if (!ContentParts.IsConsentConfirmed(item, consentPart))
        {
            context.Fail(consentPart.Name, ContentParts.ConsentConfirmed,
                T["Please confirm that the parents of the children agreed to the publication of the photos before publishing."]);
        }
    }

    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path.Split('?', '#')[0]));

    /// <summary>An image of the media library (<c>/media/….jpg</c>) shown by a Markdown or HTML body.</summary>
    [GeneratedRegex(@"/media/[^\s""'()<>]+?\.(?:jpe?g|png|webp|gif)(?=$|[\s""'()<>?#])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyImage();
}
