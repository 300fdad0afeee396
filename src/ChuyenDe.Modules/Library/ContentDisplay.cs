using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Library.Rendering;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Library;

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

internal sealed class ContentDisplayBuilder(
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IContentQueryService queries,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IContentHtmlRenderer renderer,
    ChuyenDe.Modules.Media.IMediaUsage mediaUsage,
    IOptions<ImageOptions> imageOptions,
    IEnumerable<ICurationQuery> curationQueries,
    IStringLocalizer<LibraryResources> T) : IContentDisplayBuilder
{
    /// <summary>The badges of an item's active curations (none when curation is not part of the site).</summary>
    public async Task<IReadOnlyList<ContentBadge>> BadgesAsync(string contentItemId, CancellationToken ct = default)
    {
        var badges = new List<ContentBadge>();
        foreach (var query in curationQueries)
        {
            badges.AddRange(Badges(await query.GetActiveAsync(contentItemId, ct), T));
        }

        return badges;
    }

    /// <summary>"Sản phẩm điển hình cấp …" with the citation; "Mô hình điểm cấp … — theme — year".</summary>
    public static IEnumerable<ContentBadge> Badges(IEnumerable<CurationInfo> curations, IStringLocalizer<LibraryResources> T)
    {
        static string Lower(string? text) => string.IsNullOrEmpty(text) ? "" : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

        foreach (var c in curations)
        {
            if (c.Kind == CurationKinds.Exemplary)
            {
                yield return new ContentBadge(c.Kind, T["Exemplary product {0}", Lower(c.LevelName)], c.Citation);
            }
            else if (c.Kind == CurationKinds.ModelSite)
            {
                var title = string.Join(" — ", new[] { T["Model site {0}", Lower(c.LevelName)].Value, c.ThemeName, c.SchoolYearName }
                    .Where(s => !string.IsNullOrEmpty(s)));
                yield return new ContentBadge(c.Kind, title, c.Citation);
            }
        }
    }

    public static string MediaUrl(string path)
        => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string ItemUrl(ContentItem item)
        => ContentValidator.Text(item.Part(ContentKinds.AutoroutePart)?["Path"]) is { Length: > 0 } path ? "/" + path : "/";

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
                var json = item.Field(part.Name, field.Name);
                if (summary is null && field.FieldName == ContentKinds.TextField && field.Name == "Summary")
                {
                    summary = ContentValidator.Text(json?["Text"]);
                }

                if (image is null && field.FieldName == ContentKinds.MediaField)
                {
                    image = Images(json).FirstOrDefault();
                }
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
            if (part.PartName == ContentKinds.MarkdownBodyPart)
            {
                body += renderer.RenderMarkdown(ContentValidator.Text(item.Part(part.Name)?["Markdown"]));
            }
            else if (part.PartName == ContentKinds.HtmlBodyPart)
            {
                body += renderer.SanitizeHtml(ContentValidator.Text(item.Part(part.Name)?["Html"]));
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (field.Name == "Summary")
                {
                    continue;
                }

                var view = await BuildFieldAsync(field, item.Field(part.Name, field.Name), site, ct);
                if (view.IsEmpty)
                {
                    continue;
                }

                if (field.FieldName == ContentKinds.MediaField)
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

    private async Task<FieldView> BuildFieldAsync(ContentPartFieldDefinition field, JsonObject? json, SiteSettings site, CancellationToken ct)
    {
        var view = new FieldView(field.Name, field.DisplayName, field.FieldName);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        switch (field.FieldName)
        {
            case ContentKinds.TextField:
                var text = ContentValidator.Text(json?["Text"]);
                var option = field.PredefinedOptions?.FirstOrDefault(o => o.Value == text);
                return view with { Text = option?.Name ?? text };
            case ContentKinds.NumericField:
                return json?["Value"] is { } n && ContentValidator.TryNumber(n, out var number)
                    ? view with { Text = number.ToString("#,##0.######", vi) }
                    : view;
            case ContentKinds.BooleanField:
                return json?["Value"] is JsonValue b && b.TryGetValue<bool>(out var flag) ? view with { Text = flag ? T["Yes"] : T["No"] } : view;
            case ContentKinds.DateField:
                return ContentValidator.Text(json?["Value"]) is { } d && ContentJson.TryParseDate(d, out var date)
                    ? view with { Text = date.ToString("dd/MM/yyyy", vi) }
                    : view;
            case ContentKinds.DateTimeField:
                return ContentValidator.Text(json?["Value"]) is { } dt && ContentJson.TryParseDate(dt, out var dateTime)
                    ? view with { Text = site.ToLocal(dateTime).ToString("HH:mm, dd/MM/yyyy", vi) }
                    : view;
            case ContentKinds.LinkField:
                var url = ContentValidator.Text(json?["Url"]);
                return url is not null && ContentValidator.IsSafeUrl(url)
                    ? view with { Links = [new LinkView(ContentValidator.Text(json?["Text"]) is { Length: > 0 } t ? t : url, url, url.StartsWith("http", StringComparison.OrdinalIgnoreCase))] }
                    : view;
            case ContentKinds.MediaField:
                var files = ContentValidator.Strings(json?["Paths"]).Where(p => !IsImage(p) && ContentValidator.IsSafeMediaPath(p)).ToList();
                var names = await mediaUsage.GetOriginalNamesAsync(files, ct);
                return view with
                {
                    Images = Images(json),
                    Files = files
                        .Select(p => new FileView(names.GetValueOrDefault(p) ?? Path.GetFileName(p), MediaUrl(p), Path.GetExtension(p).TrimStart('.').ToUpperInvariant()))
                        .ToList(),
                };
            case ContentKinds.ContentPickerField:
                var picked = await queries.GetPublishedAsync(ContentValidator.Strings(json?["ContentItemIds"]), ct);
                return view with { Links = picked.Select(p => new LinkView(p.DisplayText, ItemUrl(p))).ToList() };
            case ContentKinds.TaxonomyField:
                var links = new List<LinkView>();
                foreach (var termId in ContentValidator.Strings(json?["TermContentItemIds"]))
                {
                    if (await taxonomies.FindTermAsync(termId, ct) is { } term)
                    {
                        links.Add(new LinkView(term.Title, "/kho-hoc-lieu?term=" + Uri.EscapeDataString(term.ContentItemId)));
                    }
                }

                return view with { Links = links };
            default:
                return view;
        }
    }

    private List<ImageView> Images(JsonObject? json)
    {
        var paths = ContentValidator.Strings(json?["Paths"]);
        var texts = ContentValidator.Strings(json?["MediaTexts"]);
        return paths.Select((p, i) => (p, i))
            .Where(x => IsImage(x.p) && ContentValidator.IsSafeMediaPath(x.p))
            .Select(x => new ImageView(MediaUrl(x.p), x.i < texts.Count ? texts[x.i] : "", ImageDerivatives.For(x.p, imageOptions.Value)))
            .ToList();
    }
}
