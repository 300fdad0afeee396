using System.Globalization;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.NumericField;

/// <summary>The engine's rules of a number: a JSON number within the settings' range and scale.</summary>
internal sealed partial class NumericFieldDriver : IFieldKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Value"] = ValueShape.Number };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default)
    {
        var settings = context.Definition.KindSettings;
        var label = context.Label;
        var node = context.Value?["Value"];
        if (node is null)
        {
            if (settings.Required)
            {
                context.Fail(T["Please enter {0}.", label]);
            }

            return Task.CompletedTask;
        }

        if (!ContentValidator.TryNumber(node, out var number))
        {
            context.Fail(T["{0} must be a number.", label]);
            return Task.CompletedTask;
        }

        if (settings.Minimum is { } min && number < min)
        {
            context.Fail(T["{0} must be at least {1}.", label, min.ToString(CultureInfo.CurrentCulture)]);
        }

        if (settings.Maximum is { } max && number > max)
        {
            context.Fail(T["{0} must be at most {1}.", label, max.ToString(CultureInfo.CurrentCulture)]);
        }

        if (decimal.Round(number, settings.Scale) != number)
        {
            context.Fail(T["{0} allows at most {1} decimal places.", label, settings.Scale]);
        }

        return Task.CompletedTask;
    }
}
