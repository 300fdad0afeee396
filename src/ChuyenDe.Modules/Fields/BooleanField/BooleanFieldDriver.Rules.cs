using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.BooleanField;

/// <summary>The engine's rules of a yes/no value: true or false, starting at the settings' default.</summary>
internal sealed partial class BooleanFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Value"] = ValueShape.Bool };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public JsonObject NewValue(ContentPartFieldDefinition field)
        => field.Settings["BooleanFieldSettings"]?["DefaultValue"] is JsonValue dv && dv.TryGetValue<bool>(out var b)
            ? new JsonObject { ["Value"] = b }
            : new JsonObject();

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        if (context.Value?["Value"] is { } flag && !(flag is JsonValue v && v.TryGetValue<bool>(out _)))
        {
            context.Fail(T["{0} must be yes or no.", context.Label]);
        }

        return Task.CompletedTask;
    }
}
