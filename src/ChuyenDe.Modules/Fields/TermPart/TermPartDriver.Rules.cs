using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.TermPart;

/// <summary>The engine's rules of a term: the id of its taxonomy.</summary>
internal sealed partial class TermPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["TaxonomyContentItemId"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;
}
