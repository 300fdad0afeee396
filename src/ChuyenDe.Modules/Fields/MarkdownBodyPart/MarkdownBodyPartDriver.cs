using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Settings;
using Markdig;
using Microsoft.Extensions.Localization;
using ChuyenDe.Modules.Media;

namespace ChuyenDe.Modules.Fields.MarkdownBodyPart;

/// <summary>A body written in Markdown: rendered (and sanitised) on item pages, its plain text searched.</summary>
internal sealed partial class MarkdownBodyPartDriver(IContentHtmlRenderer renderer, IStringLocalizer<FieldsResources> T, IMediaFileAccess mediaFiles) : IPartDriver
{
    public string Kind => ContentKinds.MarkdownBodyPart;

    public string? BodyHtml(JsonObject? part) => renderer.RenderMarkdown(ContentValidator.Text(part?["Markdown"]));

    public PartDiff Diff => new("Markdown", T["Body (Markdown)"], "markdown", Multiline: true);

    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult(FieldText.SplitLines(FieldText.Text(part?["Markdown"])));

    public string? SearchText(JsonObject? part) => PlainText(FieldSearchContribution.String(part?["Markdown"]));

    internal static string? PlainText(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? null : Markdown.ToPlainText(markdown);
}
