using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.LinkField;

/// <summary>A link: its text and address (only safe addresses are shown on the public site).</summary>
internal sealed partial class LinkFieldDriver(IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.LinkField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
    {
        var json = context.Value;
        var url = ContentValidator.Text(json?["Url"]);
        return Task.FromResult(url is not null && ContentValidator.IsSafeUrl(url)
            ? context.EmptyView with { Links = [new LinkView(ContentValidator.Text(json?["Text"]) is { Length: > 0 } t ? t : url, url, url.StartsWith("http", StringComparison.OrdinalIgnoreCase))] }
            : context.EmptyView);
    }

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
    {
        var url = FieldText.Text(context.Value?["Url"]);
        var text = FieldText.Text(context.Value?["Text"]);
        if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(text))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var line = string.IsNullOrEmpty(text) ? url! : string.IsNullOrEmpty(url) ? text : $"{text} – {url}";
        return Task.FromResult<IReadOnlyList<string>>(FieldText.Text(context.Value?["Target"]) == "_blank" ? [line + " " + T["(opens in a new window)"]] : [line]);
    }

    /// <summary>The link's text is searched.</summary>
    public Task ContributeToSearchAsync(FieldContext context, FieldSearchContribution document, CancellationToken ct = default)
    {
        document.BodyTexts.Add(FieldSearchContribution.String(context.Value?["Text"]));
        return Task.CompletedTask;
    }
}
