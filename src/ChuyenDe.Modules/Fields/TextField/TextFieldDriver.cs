using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>A line or area of text, or one value of a predefined list (shown by its name).</summary>
/// <remarks>The site settings give the licence field's default (none in unit tests: all rights reserved).</remarks>
internal sealed partial class TextFieldDriver(IStringLocalizer<FieldsResources> T, ISiteSettingsService? settings = null) : IFieldDriver
{
    public string Kind => ContentKinds.TextField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
    {
        var text = ContentValidator.Text(context.Value?["Text"]);
        var option = context.Definition.PredefinedOptions?.FirstOrDefault(o => o.Value == text);
        return Task.FromResult(context.EmptyView with { Text = option?.Name ?? text });
    }

    public string? CardSummary(FieldContext context) => ContentValidator.Text(context.Value?["Text"]);

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
    {
        var text = FieldText.Text(context.Value?["Text"]);
        if (string.IsNullOrEmpty(text))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var option = context.Definition.PredefinedOptions?.FirstOrDefault(o => o.Value == text);
        return Task.FromResult(option is null ? FieldText.SplitLines(text) : [option.Name.Length > 0 ? option.Name : text]);
    }

    public bool DiffMultiline(ContentPartFieldDefinition field) => field.Editor == "TextArea";

    /// <summary>The field named <c>Summary</c> is the summary; other texts are searched, except values of a predefined list.</summary>
    public Task ContributeToSearchAsync(FieldContext context, FieldSearchContribution document, CancellationToken ct = default)
    {
        if (context.Definition.Name == "Summary" && document.Summary is null)
        {
            document.Summary = FieldSearchContribution.String(context.Value?["Text"]);
        }
        else if (context.Definition.Editor is not "PredefinedList")
        {
            document.BodyTexts.Add(FieldSearchContribution.String(context.Value?["Text"]));
        }

        return Task.CompletedTask;
    }
}
