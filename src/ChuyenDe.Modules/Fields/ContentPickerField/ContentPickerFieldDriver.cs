using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>Other content items: links to the published ones on the public site, their titles in the diff.</summary>
internal sealed partial class ContentPickerFieldDriver(
    IContentQueryService queries,
    IContentManager contents,
    IContentLookup lookup,
    IStringLocalizer<FieldsResources> T,
    IContentDefinitionManager definitions,
    IContentAuthorizer authorizer) : IFieldDriver
{
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    public string Kind => ContentKinds.ContentPickerField;

    public IEnumerable<string> LinkedItemIds(JsonObject? value) => FieldText.Strings(value?["ContentItemIds"]);

    public async Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
    {
        var picked = await queries.GetPublishedAsync(ContentValidator.Strings(context.Value?["ContentItemIds"]), ct);
        return context.EmptyView with { Links = picked.Select(p => new LinkView(p.DisplayText, ContentDisplayBuilder.ItemUrl(p))).ToList() };
    }

    public async Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
    {
        var lines = new List<string>();
        foreach (var id in FieldText.Strings(context.Value?["ContentItemIds"]))
        {
            lines.Add(await TitleOfAsync(id, ct));
        }

        return lines;
    }

    public bool DiffWholeValue => true;

    private async Task<string> TitleOfAsync(string contentItemId, CancellationToken ct)
    {
        if (_titles.TryGetValue(contentItemId, out var title))
        {
            return title;
        }

        // The published title first: a picked item of another unit may have a draft the reader must not see.
        var item = await contents.GetAsync(contentItemId, VersionOptions.Published, ct)
                   ?? await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        title = item is null ? T["{0} (item no longer exists)", contentItemId] : item.DisplayText.Length > 0 ? item.DisplayText : contentItemId;
        _titles[contentItemId] = title;
        return title;
    }
}
