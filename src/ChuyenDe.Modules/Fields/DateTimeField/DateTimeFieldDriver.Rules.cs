using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.DateTimeField;

/// <summary>The engine's rules of a moment (date and time): an ISO 8601 string, required when set so.</summary>
internal sealed partial class DateTimeFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Value"] = ValueShape.Date };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var text = ContentValidator.Text(context.Value?["Value"]);
        if (string.IsNullOrEmpty(text))
        {
            if (context.Definition.KindSettings.Required)
            {
                context.Fail(T["Please enter {0}.", context.Label]);
            }
        }
        else if (!ContentJson.TryParseDate(text, out _))
        {
            context.Fail(T["{0} is not a valid date.", context.Label]);
        }

        return Task.CompletedTask;
    }
}
