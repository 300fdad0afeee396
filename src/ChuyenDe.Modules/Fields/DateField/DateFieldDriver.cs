using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.DateField;

/// <summary>A date, shown dd/MM/yyyy.</summary>
internal sealed partial class DateFieldDriver(IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.DateField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult(ContentValidator.Text(context.Value?["Value"]) is { } d && ContentJson.TryParseDate(d, out var date)
            ? context.EmptyView with { Text = date.ToString("dd/MM/yyyy", FieldText.Vietnamese) }
            : context.EmptyView);

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(FieldText.Text(context.Value?["Value"]) is { Length: > 0 } d && ContentJson.TryParseDate(d, out var date)
            ? [date.ToString("dd/MM/yyyy", FieldText.Vietnamese)]
            : []);

    public bool DiffWholeValue => true;
}
