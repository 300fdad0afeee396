using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.TaxonomyField;

/// <summary>Terms of a taxonomy: links to the library filtered by the term, their titles in the diff.</summary>
internal sealed partial class TaxonomyFieldDriver(ITaxonomyService taxonomies, IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.TaxonomyField;

    public async Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
    {
        var links = new List<LinkView>();
        foreach (var termId in ContentValidator.Strings(context.Value?["TermContentItemIds"]))
        {
            if (await taxonomies.FindTermAsync(termId, ct) is { } term)
            {
                links.Add(new LinkView(term.Title, "/kho-hoc-lieu?term=" + Uri.EscapeDataString(term.ContentItemId)));
            }
        }

        return context.EmptyView with { Links = links };
    }

    public async Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
    {
        var lines = new List<string>();
        foreach (var id in FieldText.Strings(context.Value?["TermContentItemIds"]))
        {
            lines.Add(await taxonomies.FindTermAsync(id, ct) is { } term ? term.Title : T["{0} (term no longer exists)", id]);
        }

        return lines;
    }

    public bool DiffWholeValue => true;

    /// <summary>The chosen terms are facets of the document and their titles are searched.</summary>
    public async Task ContributeToSearchAsync(FieldContext context, FieldSearchContribution document, CancellationToken ct = default)
    {
        var taxonomyId = FieldSearchContribution.String(context.Value?["TaxonomyContentItemId"])
            ?? context.Definition.Settings["TaxonomyFieldSettings"]?["TaxonomyContentItemId"]?.GetValue<string>();
        if (string.IsNullOrEmpty(taxonomyId))
        {
            return;
        }

        foreach (var termId in FieldSearchContribution.Strings(context.Value?["TermContentItemIds"]))
        {
            document.Terms.Add((taxonomyId, termId));
            if (await taxonomies.FindTermAsync(termId, ct) is { } term)
            {
                document.TermNames.Add(term.Title);
            }
        }
    }
}
