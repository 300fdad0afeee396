using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>The settings of links to other items: several or one, and the types whose items can be picked.</summary>
public sealed class ContentPickerFieldSettingsForm : FieldSettingsForm
{
    public bool Multiple { get; set; }

    /// <summary>The technical names of the types chosen; none allows items of every type.</summary>
    public List<string> DisplayedContentTypes { get; set; } = [];

    /// <summary>The site's content types, to choose from (loaded for the view, never posted).</summary>
    public IReadOnlyList<ContentTypeDefinition> ContentTypes { get; set; } = [];
}
