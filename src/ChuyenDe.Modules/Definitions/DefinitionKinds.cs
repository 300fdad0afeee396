using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The part kinds the editor offers, in the order it shows them (the field kinds come from their drivers).</summary>
public static class DefinitionKinds
{
    /// <summary>The order part kinds take in a new type; the type's own part comes right after the title.</summary>
    public static readonly IReadOnlyList<string> PartOrder =
    [
        ContentKinds.TitlePart, ContentKinds.MarkdownBodyPart, ContentKinds.HtmlBodyPart, ContentKinds.AutoroutePart,
        ContentKinds.OrganizationPart, ContentKinds.PublishLaterPart, ContentKinds.TaxonomyPart, ContentKinds.TermPart,
    ];
}
