namespace ChuyenDe.Modules.Fields.Editing;

internal sealed class FieldEditors(IEnumerable<IFieldEditor> fields, IEnumerable<IPartEditor> parts) : IFieldEditors
{
    private readonly Dictionary<string, IFieldEditor> _fields = fields.ToDictionary(e => e.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, IPartEditor> _parts = parts.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public IFieldEditor? Field(string kind) => _fields.GetValueOrDefault(kind);

    public IPartEditor? Part(string kind) => _parts.GetValueOrDefault(kind);
}
