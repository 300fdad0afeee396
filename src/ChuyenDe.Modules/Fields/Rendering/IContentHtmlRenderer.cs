namespace ChuyenDe.Modules.Fields.Rendering;

/// <summary>Turns user Markdown and HTML into HTML that is safe to show: no script, no event handlers, no javascript: links.</summary>
public interface IContentHtmlRenderer
{
    string RenderMarkdown(string? markdown);
    string SanitizeHtml(string? html);
}
