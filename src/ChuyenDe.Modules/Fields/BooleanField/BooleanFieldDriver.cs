using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.BooleanField;

/// <summary>Yes or no.</summary>
internal sealed partial class BooleanFieldDriver(IStringLocalizer<FieldsResources> T) : IFieldDriver
{
    public string Kind => ContentKinds.BooleanField;

    public Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult(Flag(context) is { } flag ? context.EmptyView with { Text = flag ? T["Yes"] : T["No"] } : context.EmptyView);

    public Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(Flag(context) is { } flag ? [flag ? T["Yes"] : T["No"]] : []);

    public bool DiffWholeValue => true;

    private static bool? Flag(FieldContext context)
        => context.Value?["Value"] is JsonValue b && b.TryGetValue<bool>(out var flag) ? flag : null;
}
