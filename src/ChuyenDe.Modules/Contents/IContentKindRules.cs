namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The rules of the registered field and part kinds, by kind name, and what an item's values refer to read through
/// them: the engine, the media index and the workflow ask here instead of naming kinds or reading their JSON.
/// </summary>
public interface IContentKindRules
{
    /// <summary>The rules of a field kind, or null for a kind nobody registered.</summary>
    IFieldKindRules? Field(string kind);

    /// <summary>The rules of a part kind, or null for a named part holding fields (or a kind nobody registered).</summary>
    IPartKindRules? Part(string kind);

    /// <summary>The files of the media library the version's fields use, in part and field order.</summary>
    IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field, MediaReference File)> MediaFilesOf(ContentItem item, ContentTypeDefinition type);

    /// <summary>The texts of the version's parts in which files of the media library may be linked (bodies), non-null.</summary>
    IEnumerable<string> MediaLinkingTextsOf(ContentItem item, ContentTypeDefinition type);

    /// <summary>The terms the version's fields choose, per field, in part and field order.</summary>
    IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field, ChosenTerms Terms)> TermsOf(ContentItem item, ContentTypeDefinition type);
}
