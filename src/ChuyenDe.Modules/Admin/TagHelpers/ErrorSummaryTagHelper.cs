using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChuyenDe.Modules.Admin.TagHelpers;

/// <summary>
/// The summary of a form's errors at its top (<c>.error-summary</c>, <c>role="alert"</c>), each linking to its field;
/// nothing when the form has no errors. <c>&lt;error-summary title="…" fields="Name,Email" /&gt;</c>: errors that belong to no
/// field first, then the fields in the order given (the order of the form), then any others.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public string Title { get; set; } = "";

    /// <summary>The form's fields in the order they appear, comma-separated.</summary>
    [HtmlAttributeName("fields")]
    public string Fields { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var order = Fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        int Position(string field) => field.Length == 0 ? -1 : order.IndexOf(field) is var i and >= 0 ? i : order.Count;
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => Position(e.Key))
            .SelectMany(e => e.Value!.Errors.Select(error => (Field: e.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("id", "error-summary");
        var title = new TagBuilder("p");
        title.AddCssClass("error-summary-title");
        title.InnerHtml.Append(Title);
        output.Content.AppendHtml(title);
        var list = new TagBuilder("ul");
        foreach (var (field, message) in errors)
        {
            var item = new TagBuilder("li");
            if (field.Length > 0)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + field;
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            else
            {
                item.InnerHtml.Append(message);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml(list);
    }
}
