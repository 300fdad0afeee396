using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.NumericField;

/// <summary>A number, shown with Vietnamese separators.</summary>
internal sealed partial class NumericFieldDriver(IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.NumericField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult(context.Value?["Value"] is { } n && ContentValidator.TryNumber(n, out var number)
            ? context.EmptyView with { Text = number.ToString("#,##0.######", FieldText.Vietnamese) }
            : context.EmptyView);

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(context.Value?["Value"] is { } n && FieldText.TryNumber(n, out var number)
            ? [number.ToString("#,##0.##########", FieldText.Vietnamese)]
            : []);

    public bool DiffWholeValue => true;
}
