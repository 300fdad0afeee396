namespace ChuyenDe.Modules.Contents;

/// <summary>The part and field kinds the engine understands, with Orchard Core's names.</summary>
public static class ContentKinds
{
    public const string TitlePart = nameof(TitlePart);
    public const string AutoroutePart = nameof(AutoroutePart);
    public const string MarkdownBodyPart = nameof(MarkdownBodyPart);
    public const string HtmlBodyPart = nameof(HtmlBodyPart);
    public const string TaxonomyPart = nameof(TaxonomyPart);
    public const string TermPart = nameof(TermPart);
    public const string PublishLaterPart = nameof(PublishLaterPart);
    public const string OrganizationPart = nameof(OrganizationPart);

    /// <summary>Ours: the contributor's confirmation that parents consented to publishing photos of their children.</summary>
    public const string ConsentPart = nameof(ConsentPart);

    public const string TextField = nameof(TextField);
    public const string NumericField = nameof(NumericField);
    public const string BooleanField = nameof(BooleanField);
    public const string DateField = nameof(DateField);
    public const string DateTimeField = nameof(DateTimeField);
    public const string LinkField = nameof(LinkField);
    public const string MediaField = nameof(MediaField);
    public const string ContentPickerField = nameof(ContentPickerField);
    public const string TaxonomyField = nameof(TaxonomyField);

    public static readonly IReadOnlySet<string> Parts = new HashSet<string>(StringComparer.Ordinal)
    {
        TitlePart, AutoroutePart, MarkdownBodyPart, HtmlBodyPart, TaxonomyPart, TermPart, PublishLaterPart, OrganizationPart, ConsentPart,
    };

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        TextField, NumericField, BooleanField, DateField, DateTimeField, LinkField, MediaField, ContentPickerField, TaxonomyField,
    };
}
