using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Fields;

/// <summary>Cards and item pages built from the field drivers (and the body parts); shared by the public site and review.</summary>
internal sealed class ContentDisplayBuilder(
    IContentDefinitionManager definitions,
    IFieldDrivers drivers,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IMediaUsage mediaUsage,
    PublishedBodyCache publishedBodies,
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

    /// <summary>The text field naming an item's authors (initiatives, exemplary products), used in the attribution text.</summary>
    public const string AuthorsFieldName = "Authors";

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
            ItemUrl(item), summary, image, item.PublishedUtc is { } p ? site.ToLocal(p) : null, organization?.Name)
        {
            OrganizationId = organization is { Active: true } ? organization.Id : null,
        };
    }

    public async Task<long> DownloadCountAsync(ContentItem item, CancellationToken ct = default)
        => item.Published ? await mediaUsage.GetDownloadCountAsync(item.ContentItemId, ct) : 0;

    public async Task<ContentDetail> BuildDetailAsync(ContentItem item, CancellationToken ct = default)
    {
        var card = await BuildCardAsync(item, ct);
        card = card with { Badges = item.Published ? await BadgesAsync(item.ContentItemId, ct) : [] };
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        var site = await settings.GetAsync(ct);
        string RenderBody() => string.Concat((type?.Parts ?? []).Select(part => drivers.GetPart(part.PartName)?.BodyHtml(item.Part(part.Name)) ?? ""));
        var body = item.Published && !string.IsNullOrEmpty(item.ContentItemVersionId)
            ? publishedBodies.GetOrRender(item, type?.Parts.Select(p => p.Name) ?? [], RenderBody)
            : RenderBody();
        var fields = new List<FieldView>();
        var gallery = new List<ImageView>();
        var downloads = new List<FileView>();
        ContentLicense? license = null;
        string? authors = null;
        foreach (var part in type?.Parts ?? [])
        {

            foreach (var field in part.PartDefinition.Fields)
            {
                if (field.Name == "Summary")
                {
                    continue;
                }

                // The licence is shown in its own box (name, link, attribution), not among the details.
                if (TextField.TextFieldDriver.IsLicense(field))
                {
                    license ??= LicenseCatalog.Find(FieldText.Text(item.Field(part.Name, field.Name)?["Text"]));
                    continue;
                }

                if (TextField.TextFieldDriver.IsNamedText(field, AuthorsFieldName))
                {
                    authors ??= FieldText.Text(item.Field(part.Name, field.Name)?["Text"]) is { Length: > 0 } names ? names.Trim() : null;
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
            DownloadCount = downloads.Count > 0 ? await DownloadCountAsync(item, ct) : 0,
            License = license ?? site.DefaultContentLicense,
            LicenseIsSiteDefault = license is null,
            Authors = authors,
        };
    }
}
