using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>The engine's rules of the organisation an item belongs to: its id (the editor checks the user's scope).</summary>
internal sealed partial class OrganizationPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["OrganizationId"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;
}
