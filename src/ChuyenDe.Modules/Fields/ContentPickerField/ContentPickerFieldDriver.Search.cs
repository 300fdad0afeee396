using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>The items a picker may offer: only ones the user may see (their scope's latest versions, or published items).</summary>
internal sealed partial class ContentPickerFieldDriver : IContentPickerSearch
{
    public async Task<IReadOnlyList<PickerResult>> SearchAsync(UserScope scope, string? text, IReadOnlyCollection<string> types, int limit, CancellationToken ct = default)
    {
        var definitionsByName = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var wanted = types.Where(definitionsByName.ContainsKey).Distinct().ToList();
        if (wanted.Count == 0)
        {
            wanted = definitionsByName.Values.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
        }

        limit = Math.Clamp(limit, 1, 50);
        var title = string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)];
        var latest = await queries.QueryAsync(new ContentQuery
        {
            LatestInsteadOfPublished = true,
            ContentTypes = wanted,
            TitleContains = title,
            Order = ContentOrder.ModifiedNewest,
            PageSize = limit,
        }.InScope(scope), ct);
        var published = await queries.QueryAsync(new ContentQuery
        {
            ContentTypes = wanted,
            TitleContains = title,
            Order = ContentOrder.PublishedNewest,
            PageSize = limit,
        }, ct);

        var results = new List<PickerResult>();
        foreach (var item in latest.Items.Where(i => authorizer.Can(scope, ContentAction.View, i)).Concat(published.Items))
        {
            if (results.Count < limit && results.All(r => r.Id != item.ContentItemId))
            {
                results.Add(new PickerResult(item.ContentItemId, item.DisplayText, item.ContentType,
                    definitionsByName.GetValueOrDefault(item.ContentType)?.DisplayName ?? item.ContentType, item.Published));
            }
        }

        return results;
    }

    /// <summary>An item the user may refer to: its latest version when they may see it, else its published version.</summary>
    private async Task<ContentItem?> VisibleItemAsync(UserScope scope, string id, CancellationToken ct)
    {
        if (id.Length > 64)
        {
            return null;
        }

        var latest = await contents.GetAsync(id, VersionOptions.Latest, ct);
        if (latest is not null && authorizer.Can(scope, ContentAction.View, latest))
        {
            return latest;
        }

        return await contents.GetAsync(id, VersionOptions.Published, ct);
    }
}
