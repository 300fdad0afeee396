using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.TaxonomyPart;

/// <summary>The engine's rules of a taxonomy's terms: a tree of term items (objects) and the type of its terms.</summary>
internal sealed partial class TaxonomyPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new()
    {
        ["Terms"] = ValueShape.ObjectArray,
        ["TermContentType"] = ValueShape.String,
    };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;
}
