using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.DateTimeField;

/// <summary>A moment stored in UTC, shown in the site's time zone.</summary>
internal sealed partial class DateTimeFieldDriver(IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.DateTimeField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult(ContentValidator.Text(context.Value?["Value"]) is { } dt && ContentJson.TryParseDate(dt, out var dateTime)
            ? context.EmptyView with { Text = context.Site.ToLocal(dateTime).ToString("HH:mm, dd/MM/yyyy", FieldText.Vietnamese) }
            : context.EmptyView);

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(FieldText.Text(context.Value?["Value"]) is { Length: > 0 } value && ContentJson.TryParseDate(value, out var utc)
            ? [context.Site.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", FieldText.Vietnamese)]
            : []);

    public bool DiffWholeValue => true;
}
