using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChuyenDe.Modules.Admin.TagHelpers;

/// <summary>
/// Marks an input, select or fieldset whose field has errors: <c>aria-invalid="true"</c> (not on fieldsets) and
/// <c>aria-describedby</c> naming the error (<c>{Field}-error</c>) before any hint already named.
/// Usage: <c>&lt;input id="Name" name="Name" cd-field="Name"&gt;</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = FieldAttribute)]
[HtmlTargetElement("select", Attributes = FieldAttribute)]
[HtmlTargetElement("textarea", Attributes = FieldAttribute)]
[HtmlTargetElement("fieldset", Attributes = FieldAttribute)]
public sealed class FieldStateTagHelper : TagHelper
{
    private const string FieldAttribute = "cd-field";

    [HtmlAttributeName(FieldAttribute)]
    public string Field { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        if (output.TagName != "fieldset")
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }

        var hint = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(hint) ? Field + "-error" : Field + "-error " + hint);
    }
}
