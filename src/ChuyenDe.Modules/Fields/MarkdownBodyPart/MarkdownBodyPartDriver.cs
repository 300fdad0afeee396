using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Rendering;
using Markdig;

namespace ChuyenDe.Modules.Fields.MarkdownBodyPart;

/// <summary>A body written in Markdown: rendered (and sanitised) on item pages, its plain text searched.</summary>
internal sealed class MarkdownBodyPartDriver(IContentHtmlRenderer renderer) : IPartDriver
{
    public string Kind => ContentKinds.MarkdownBodyPart;

    public string? BodyHtml(JsonObject? part) => renderer.RenderMarkdown(ContentValidator.Text(part?["Markdown"]));

    public string? SearchText(JsonObject? part) => PlainText(FieldSearchContribution.String(part?["Markdown"]));

    internal static string? PlainText(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? null : Markdown.ToPlainText(markdown);
}
