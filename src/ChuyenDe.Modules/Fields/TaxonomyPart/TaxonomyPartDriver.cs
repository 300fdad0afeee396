using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.TaxonomyPart;

/// <summary>A taxonomy's tree of terms.</summary>
internal sealed partial class TaxonomyPartDriver(IStringLocalizer<FieldsResources> T, ITaxonomyService taxonomies) : IPartDriver
{
    public string Kind => ContentKinds.TaxonomyPart;

    public PartDiff Diff => new("Terms", T["Terms"], "terms", Multiline: true);

    /// <summary>The terms, one per line, children indented under their parent.</summary>
    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
    {
        var lines = new List<string>();

        void Walk(JsonArray? level, int depth)
        {
            foreach (var term in level?.OfType<JsonObject>() ?? [])
            {
                var title = FieldText.Text(term["TitlePart"]?["Title"]) ?? FieldText.Text(term["DisplayText"]) ?? FieldText.Text(term["ContentItemId"]) ?? "";
                lines.Add(new string(' ', depth * 4) + "– " + title);
                Walk(term["Terms"] as JsonArray, depth + 1);
            }
        }

        Walk(part?["Terms"] as JsonArray, 0);
        return Task.FromResult<IReadOnlyList<string>>(lines);
    }
}
