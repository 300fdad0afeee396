using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>The engine's rules of chosen items: existing items of the allowed types, one unless several are allowed.</summary>
internal sealed partial class ContentPickerFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["ContentItemIds"] = ValueShape.StringArray };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public async Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var settings = context.Definition.KindSettings;
        var label = context.Label;
        var ids = ContentValidator.Strings(context.Value?["ContentItemIds"]);
        if (ids.Count == 0 && settings.Required)
        {
            context.Fail(T["Please choose {0}.", label]);
        }

        if (ids.Count > 1 && !settings.Multiple)
        {
            context.Fail(T["{0} allows only one item.", label]);
        }

        foreach (var id in ids)
        {
            var contentType = await lookup.GetLatestContentTypeAsync(id, ct);
            if (contentType is null)
            {
                context.Fail(T["{0}: the chosen item does not exist.", label]);
            }
            else if (!settings.DisplayAllContentTypes && settings.DisplayedContentTypes is { Length: > 0 } types
                     && !types.Contains(contentType, StringComparer.Ordinal))
            {
                context.Fail(T["{0}: items of type {1} cannot be chosen here.", label, contentType]);
            }
        }
    }
}
