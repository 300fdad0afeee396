using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The kinds' rules registered by their drivers (one <c>AddFieldDriver</c>/<c>AddPartDriver</c> line each, in the
/// Fields module). They are resolved when first asked, not when this is built: several drivers depend on the content
/// manager (e.g. to show titles of chosen items), which depends on the validator that uses these rules.
/// </summary>
internal sealed class ContentKindRules : IContentKindRules
{
    private readonly Lazy<Dictionary<string, IFieldKindRules>> _fields;
    private readonly Lazy<Dictionary<string, IPartKindRules>> _parts;

    public ContentKindRules(IServiceProvider services)
        : this(services.GetServices<IFieldKindRules>, services.GetServices<IPartKindRules>)
    {
    }

    private ContentKindRules(Func<IEnumerable<IFieldKindRules>> fields, Func<IEnumerable<IPartKindRules>> parts)
    {
        _fields = new(() => fields().ToDictionary(r => r.Kind, StringComparer.Ordinal));
        _parts = new(() => parts().ToDictionary(r => r.Kind, StringComparer.Ordinal));
    }

    /// <summary>Rules given as they are (tests, tools): no service provider needed.</summary>
    public static IContentKindRules Of(IEnumerable<IFieldKindRules> fields, IEnumerable<IPartKindRules> parts)
    {
        var (f, p) = (fields.ToList(), parts.ToList());
        return new ContentKindRules(() => f, () => p);
    }

    public IFieldKindRules? Field(string kind) => _fields.Value.GetValueOrDefault(kind);

    public IPartKindRules? Part(string kind) => _parts.Value.GetValueOrDefault(kind);

    public IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field, MediaReference File)> MediaFilesOf(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var (part, field) in type.AllFields())
        {
            if (Field(field.FieldName) is not { } rules)
            {
                continue;
            }

            foreach (var file in rules.MediaReferences(item.Field(part.Name, field.Name)))
            {
                yield return (part, field, file);
            }
        }
    }

    public IEnumerable<string> MediaLinkingTextsOf(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var part in type.Parts)
        {
            if (Part(part.PartName)?.MediaLinkingText(item.Part(part.Name)) is { } text)
            {
                yield return text;
            }
        }
    }

    public IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field, ChosenTerms Terms)> TermsOf(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var (part, field) in type.AllFields())
        {
            if (Field(field.FieldName)?.Terms(field, item.Field(part.Name, field.Name)) is { } terms)
            {
                yield return (part, field, terms);
            }
        }
    }
}
