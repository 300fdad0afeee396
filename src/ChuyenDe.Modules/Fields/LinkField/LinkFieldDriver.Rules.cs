using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.LinkField;

/// <summary>The engine's rules of a link: an address on this site or an absolute http(s) address, never another site by <c>//</c>.</summary>
internal sealed partial class LinkFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new()
    {
        ["Url"] = ValueShape.String,
        ["Text"] = ValueShape.String,
        ["Target"] = ValueShape.String,
    };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var label = context.Label;
        var url = ContentValidator.Text(context.Value?["Url"]);
        if (string.IsNullOrWhiteSpace(url))
        {
            if (context.Definition.KindSettings.Required)
            {
                context.Fail(T["Please enter {0}.", label]);
            }
        }
        else if (LinkUrls.IsNetworkPathReference(url) || url.TrimStart().StartsWith('\\'))
        {
            context.Fail(T["{0}: an address starting with // or a backslash leads to another website; write the full address starting with https://.", label]);
        }
        else if (!ContentValidator.IsSafeUrl(url))
        {
            context.Fail(T["{0} must be a web address starting with http:// or https://.", label]);
        }

        return Task.CompletedTask;
    }
}
