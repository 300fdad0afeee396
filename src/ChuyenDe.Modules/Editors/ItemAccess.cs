using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Editors;

public sealed record ItemAccess(AccessOutcome Outcome, ContentItem? Item = null, ContentTypeDefinition? Type = null)
{
    public static readonly ItemAccess NotFound = new(AccessOutcome.NotFound);
}
