using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.ConsentPart;

/// <summary>The engine's rules of the consent: whether it was confirmed, by whom and when.</summary>
internal sealed partial class ConsentPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new()
    {
        [ContentParts.ConsentConfirmed] = ValueShape.Bool,
        ["ConfirmedBy"] = ValueShape.String,
        ["ConfirmedUtc"] = ValueShape.Date,
    };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;
}
