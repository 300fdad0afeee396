namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>What an editor's partial view gets: its editor, the form's values, its messages and the page's preview.</summary>
public sealed record FieldEditorContext(FieldEditorView Field, ContentFormValues Form, IReadOnlyList<string> Errors, BodyPreview? Preview = null)
{
    public string Value => Form.Get(Field.Key);
    public IReadOnlyList<string> Values => Form.GetAll(Field.Key);
    public bool Invalid => Errors.Count > 0;

    /// <summary>The ids the main input is described by: its hint and its error.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Invalid)
            {
                ids.Add(Field.ErrorId);
            }

            if (!string.IsNullOrEmpty(Field.Hint))
            {
                ids.Add(Field.HintId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}
