namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>The editors of the field and part kinds, by kind name.</summary>
public interface IFieldEditors
{
    /// <summary>The editor of a field kind, or null for a kind without one.</summary>
    IFieldEditor? Field(string kind);

    /// <summary>The editor of a part kind, or null for a part without its own editor.</summary>
    IPartEditor? Part(string kind);
}
