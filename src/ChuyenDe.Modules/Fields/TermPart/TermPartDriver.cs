using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.TermPart;

/// <summary>The taxonomy a term belongs to.</summary>
internal sealed partial class TermPartDriver(ITaxonomyService taxonomies, IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.TermPart;

    public PartDiff Diff => new("TaxonomyContentItemId", T["Taxonomy"], "taxonomy", WholeValue: true);

    public async Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => FieldText.Text(part?["TaxonomyContentItemId"]) is { Length: > 0 } taxonomyId
            ? [await taxonomies.GetTaxonomyAsync(taxonomyId, ct) is { } taxonomy ? taxonomy.Title : taxonomyId]
            : [];
}
