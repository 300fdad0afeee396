using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The page of a content type (new or existing): the part kinds offered, and the fields of its own part.</summary>
public sealed record TypeEditView(
    TypeForm Form,
    ContentTypeDefinition? Type,
    IReadOnlyList<IPartSettingsEditor> PartKinds,
    IReadOnlyList<IFieldSettingsEditor> FieldKinds,
    IReadOnlyDictionary<string, string> Errors)
{
    public bool IsNew => Type is null;

    /// <summary>The fields of the type's own part (the part named like the type), in position order.</summary>
    public IReadOnlyList<ContentPartFieldDefinition> Fields
        => Type?.Parts.FirstOrDefault(p => p.PartName == Type.Name)?.PartDefinition.Fields ?? [];

    /// <summary>The name of a field kind for administrators (the technical name for a kind no driver edits).</summary>
    public string KindName(string kind) => FieldKinds.FirstOrDefault(k => k.Kind == kind)?.DisplayName ?? kind;
}
