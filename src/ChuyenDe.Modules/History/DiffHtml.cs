using Microsoft.AspNetCore.Html;

namespace ChuyenDe.Modules.History;

/// <summary>
/// Writes the segments of a diff line as HTML: insertions in <c>&lt;ins&gt;</c>, deletions in <c>&lt;del&gt;</c>,
/// each preceded by a visually hidden word for screen readers. Built in code rather than in Razor so that no
/// markup white space enters the line, which is shown with its own spaces preserved.
/// </summary>
public static class DiffHtml
{
    public static IHtmlContent Segments(DiffLine line, string addedLabel, string removedLabel, string emptyLineLabel)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in line.Segments)
        {
            var text = segment.Text.Length == 0 ? emptyLineLabel : segment.Text;
            switch (segment.Kind)
            {
                case DiffKind.Inserted:
                    html.AppendHtml("<span class=\"visually-hidden\">[").Append(addedLabel).AppendHtml("] </span><ins>").Append(text).AppendHtml("</ins>");
                    break;
                case DiffKind.Deleted:
                    html.AppendHtml("<span class=\"visually-hidden\">[").Append(removedLabel).AppendHtml("] </span><del>").Append(text).AppendHtml("</del>");
                    break;
                default:
                    html.Append(segment.Text);
                    break;
            }
        }

        return html;
    }
}
