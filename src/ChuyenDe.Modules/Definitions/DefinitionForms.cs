using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The content type form: technical name, Vietnamese display name, settings and the part kinds it has.</summary>
public sealed class TypeForm
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";

    // Check boxes: a box left unticked is not sent, so every setting is false unless the form says otherwise.
    public bool Creatable { get; set; }
    public bool Listable { get; set; }
    public bool Draftable { get; set; }
    public bool Versionable { get; set; }
    public bool Securable { get; set; }

    /// <summary>Items of the type go through the editorial review before publishing (our <c>WorkflowSettings.RequiresReview</c>).</summary>
    public bool RequiresReview { get; set; }

    /// <summary>The part kinds chosen (names from <see cref="ContentKinds.Parts"/>).</summary>
    public List<string> Parts { get; set; } = [];
}

/// <summary>
/// The field form. Numbers are kept as typed so that a wrong one is shown back as it was; each kind reads the
/// settings it has.
/// </summary>
public sealed class FieldForm
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Hint { get; set; }
    public string? Position { get; set; }
    public bool Required { get; set; }
    public bool Multiple { get; set; }

    /// <summary>TextField: several lines (the TextArea editor).</summary>
    public bool Multiline { get; set; }

    /// <summary>TextField: one option a line, "Name | value" (value defaults to the name).</summary>
    public string? Options { get; set; }

    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? Scale { get; set; }

    /// <summary>BooleanField: the text beside the check box, and whether it starts ticked.</summary>
    public string? Label { get; set; }

    public bool DefaultValue { get; set; }
    public string? TaxonomyContentItemId { get; set; }
    public bool Unique { get; set; }
    public bool LeavesOnly { get; set; }
    public List<string> DisplayedContentTypes { get; set; } = [];

    /// <summary>MediaField: extensions separated by commas or spaces, e.g. ".jpg, .png".</summary>
    public string? AllowedExtensions { get; set; }

    public bool AllowMediaText { get; set; }
}

/// <summary>The outcome of a change to the definitions: the errors by form field name (nothing stored then).</summary>
public sealed record DefinitionResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static readonly DefinitionResult Success = new(new Dictionary<string, string>());
}

/// <summary>The part and field kinds the editor offers, in the order it shows them.</summary>
public static class DefinitionKinds
{
    /// <summary>The order part kinds take in a new type; the type's own part comes right after the title.</summary>
    public static readonly IReadOnlyList<string> PartOrder =
    [
        ContentKinds.TitlePart, ContentKinds.MarkdownBodyPart, ContentKinds.HtmlBodyPart, ContentKinds.AutoroutePart,
        ContentKinds.OrganizationPart, ContentKinds.PublishLaterPart, ContentKinds.TaxonomyPart, ContentKinds.TermPart,
    ];

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        ContentKinds.TextField, ContentKinds.NumericField, ContentKinds.BooleanField, ContentKinds.DateField, ContentKinds.DateTimeField,
        ContentKinds.LinkField, ContentKinds.MediaField, ContentKinds.ContentPickerField, ContentKinds.TaxonomyField,
    ];

    /// <summary>The field kinds that have a Required setting (all but BooleanField).</summary>
    public static readonly IReadOnlySet<string> WithRequired = new HashSet<string>(FieldOrder.Where(k => k != ContentKinds.BooleanField), StringComparer.Ordinal);
}
