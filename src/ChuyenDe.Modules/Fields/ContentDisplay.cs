using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Fields;

public sealed record LinkView(string Text, string Url, bool External = false);

/// <summary>
/// An image: the address of the original file, its alt text (empty only as a last resort), and its derivatives for
/// public pages.
/// </summary>
public sealed record ImageView(string Url, string Alt, ImageDerivatives Derivatives);

/// <summary>
/// The addresses of an image's derivatives (<c>/media/_anh/…</c>) and the widths they are made at (the longer side, the
/// width of a landscape image), for <c>srcset</c> and the <c>width</c>/<c>height</c> of the 3:2 frames cards and
/// galleries crop them to.
/// </summary>
public sealed record ImageDerivatives(
    string ThumbnailWebp,
    string ThumbnailJpeg,
    string CardWebp,
    string CardJpeg,
    string FullJpeg,
    int ThumbnailWidth,
    int CardWidth)
{
    /// <summary>The height of the 3:2 frame at card width.</summary>
    public int CardHeight => (int)Math.Round(CardWidth * 2 / 3.0, MidpointRounding.AwayFromZero);

    public string WebpSrcset => FormattableString.Invariant($"{ThumbnailWebp} {ThumbnailWidth}w, {CardWebp} {CardWidth}w");

    public string JpegSrcset => FormattableString.Invariant($"{ThumbnailJpeg} {ThumbnailWidth}w, {CardJpeg} {CardWidth}w");

    public static ImageDerivatives For(string mediaPath, ImageOptions options) => new(
        DerivativeEndpoint.Url(mediaPath, ImageSize.Thumbnail, ImageFormatKind.Webp),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Thumbnail, ImageFormatKind.Jpeg),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Card, ImageFormatKind.Webp),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Card, ImageFormatKind.Jpeg),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Full, ImageFormatKind.Jpeg),
        options.ThumbnailSize,
        options.CardSize);
}

public sealed record FileView(string Name, string Url, string Extension);

/// <summary>A field ready to show: its label and its values by kind.</summary>
public sealed record FieldView(string Name, string Label, string Kind)
{
    public string? Text { get; init; }
    public IReadOnlyList<LinkView> Links { get; init; } = [];
    public IReadOnlyList<ImageView> Images { get; init; } = [];
    public IReadOnlyList<FileView> Files { get; init; } = [];
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Links.Count == 0 && Images.Count == 0 && Files.Count == 0;
}

/// <summary>A card in a list: title, link, summary, picture and where it comes from.</summary>
public sealed record ContentCard(
    string ContentItemId,
    string ContentType,
    string TypeDisplayName,
    string Title,
    string Url,
    string? Summary,
    ImageView? Image,
    DateTime? PublishedLocal,
    string? OrganizationName)
{
    /// <summary>Curations shown with the item: exemplary product or model site, with level, theme, year and citation.</summary>
    public IReadOnlyList<ContentBadge> Badges { get; init; } = [];
}

/// <summary>A recognition shown on a card and an item page: its kind (a CSS hook), a title and the citation.</summary>
public sealed record ContentBadge(string Kind, string Title, string? Text);

/// <summary>A whole item page.</summary>
public sealed record ContentDetail(
    ContentCard Card,
    string BodyHtml,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<ImageView> Gallery,
    IReadOnlyList<FileView> Downloads,
    DateTime? ModifiedLocal)
{
    /// <summary>How many times the item's documents were downloaded.</summary>
    public long DownloadCount { get; init; }
}

public interface IContentDisplayBuilder
{
    Task<IReadOnlyList<ContentCard>> BuildCardsAsync(IEnumerable<ContentItem> items, CancellationToken ct = default);
    Task<ContentDetail> BuildDetailAsync(ContentItem item, CancellationToken ct = default);
}

/// <summary>
/// Where the badges of an item's page come from (the public site's curations); implemented outside this module so that
/// the display builder depends on no feature that shows it.
/// </summary>
public interface IContentBadgeSource
{
    Task<IReadOnlyList<ContentBadge>> GetBadgesAsync(string contentItemId, CancellationToken ct = default);
}

/// <summary>Cards and item pages built from the field drivers (and the body parts); shared by the public site and review.</summary>
internal sealed class ContentDisplayBuilder(
    IContentDefinitionManager definitions,
    IFieldDrivers drivers,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IMediaUsage mediaUsage,
    IEnumerable<IContentBadgeSource> badgeSources) : IContentDisplayBuilder
{
    /// <summary>The badges of an item's active curations (none when curation is not part of the site).</summary>
    private async Task<IReadOnlyList<ContentBadge>> BadgesAsync(string contentItemId, CancellationToken ct = default)
    {
        var badges = new List<ContentBadge>();
        foreach (var source in badgeSources)
        {
            badges.AddRange(await source.GetBadgesAsync(contentItemId, ct));
        }

        return badges;
    }

    public static string MediaUrl(string path)
        => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string ItemUrl(ContentItem item)
        => ContentParts.Path(item) is { Length: > 0 } path ? "/" + path : "/";

    /// <summary>Images are shown (from their derivatives); every other file is a download.</summary>
    public static bool IsImage(string path) => DerivativeEndpoint.IsImage(path);

    public async Task<IReadOnlyList<ContentCard>> BuildCardsAsync(IEnumerable<ContentItem> items, CancellationToken ct = default)
    {
        var cards = new List<ContentCard>();
        foreach (var item in items)
        {
            cards.Add(await BuildCardAsync(item, ct));
        }

        return cards;
    }

    private async Task<ContentCard> BuildCardAsync(ContentItem item, CancellationToken ct)
    {
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        var site = await settings.GetAsync(ct);
        string? summary = null;
        ImageView? image = null;
        if (type is not null)
        {
            foreach (var (part, field) in type.AllFields())
            {
                if (drivers.Get(field.FieldName) is not { } driver)
                {
                    continue;
                }

                var context = new FieldContext(field, item.Field(part.Name, field.Name), site);
                if (summary is null && field.Name == "Summary")
                {
                    summary = driver.CardSummary(context);
                }

                image ??= driver.CardImage(context);
            }
        }

        var organizationId = item.OrganizationId;
        var organization = organizationId is null ? null : await organizations.GetAsync(organizationId, ct);
        return new ContentCard(item.ContentItemId, item.ContentType, type?.DisplayName ?? item.ContentType, item.DisplayText,
            ItemUrl(item), summary, image, item.PublishedUtc is { } p ? site.ToLocal(p) : null, organization?.Name);
    }

    public async Task<ContentDetail> BuildDetailAsync(ContentItem item, CancellationToken ct = default)
    {
        var card = await BuildCardAsync(item, ct);
        card = card with { Badges = item.Published ? await BadgesAsync(item.ContentItemId, ct) : [] };
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        var site = await settings.GetAsync(ct);
        var body = "";
        var fields = new List<FieldView>();
        var gallery = new List<ImageView>();
        var downloads = new List<FileView>();
        foreach (var part in type?.Parts ?? [])
        {
            body += drivers.GetPart(part.PartName)?.BodyHtml(item.Part(part.Name)) ?? "";

            foreach (var field in part.PartDefinition.Fields)
            {
                if (field.Name == "Summary")
                {
                    continue;
                }

                if (drivers.Get(field.FieldName) is not { } driver)
                {
                    continue;
                }

                var view = await driver.DisplayAsync(new FieldContext(field, item.Field(part.Name, field.Name), site), ct);
                if (view.IsEmpty)
                {
                    continue;
                }

                if (view.Images.Count > 0 || view.Files.Count > 0)
                {
                    gallery.AddRange(view.Images);
                    downloads.AddRange(view.Files);
                    continue;
                }

                fields.Add(view);
            }
        }

        return new ContentDetail(card, body, fields, gallery, downloads, item.ModifiedUtc is { } m ? site.ToLocal(m) : null)
        {
            DownloadCount = downloads.Count > 0 && item.Published ? await mediaUsage.GetDownloadCountAsync(item.ContentItemId, ct) : 0,
        };
    }
}
