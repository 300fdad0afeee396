using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.TaxonomyField;

/// <summary>
/// The engine's rules of chosen terms: terms of the field's taxonomy (only leaves when so set, one when unique); the
/// chosen terms are what the engine's taxonomy index and the workflow read.
/// </summary>
internal sealed partial class TaxonomyFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new()
    {
        ["TaxonomyContentItemId"] = ValueShape.String,
        ["TermContentItemIds"] = ValueShape.StringArray,
    };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public async Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var settings = context.Definition.KindSettings;
        var label = context.Label;
        var termIds = ContentValidator.Strings(context.Value?["TermContentItemIds"]);
        if (termIds.Count == 0)
        {
            if (settings.Required)
            {
                context.Fail(T["Please choose {0}.", label]);
            }

            return;
        }

        if (termIds.Count > 1 && settings.Unique)
        {
            context.Fail(T["{0} allows only one item.", label]);
        }

        var taxonomyId = settings.TaxonomyContentItemId ?? ContentValidator.Text(context.Value?["TaxonomyContentItemId"]);
        var taxonomy = taxonomyId is null ? null : await taxonomies.GetTaxonomyAsync(taxonomyId, ct);
        foreach (var termId in termIds)
        {
            var term = taxonomy?.Find(termId);
            if (term is null)
            {
                context.Fail(T["{0}: the chosen term does not belong to this taxonomy.", label]);
            }
            else if (settings.LeavesOnly && term.HasChildren)
            {
                context.Fail(T["{0}: only the most specific terms may be chosen.", label]);
            }
        }
    }

    /// <summary>The taxonomy of the settings (else of the value) and the chosen terms.</summary>
    public ChosenTerms? Terms(ContentPartFieldDefinition field, JsonObject? value)
        => new(field.KindSettings.TaxonomyContentItemId ?? ContentValidator.Text(value?["TaxonomyContentItemId"]) ?? "",
            ContentValidator.Strings(value?["TermContentItemIds"]));
}
