using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>One field's value being validated by its kind's rules (<see cref="IFieldKindRules.ValidateAsync"/>).</summary>
public sealed class FieldValidationContext(string partName, ContentPartFieldDefinition definition, JsonObject? value)
{
    private readonly List<ContentValidationError> _errors = [];

    /// <summary>The name of the part on the type that holds the field.</summary>
    public string PartName { get; } = partName;

    public ContentPartFieldDefinition Definition { get; } = definition;

    /// <summary>The field's JSON in the version, or null when absent.</summary>
    public JsonObject? Value { get; } = value;

    /// <summary>The field's label, for messages.</summary>
    public string Label => Definition.DisplayName;

    public IReadOnlyList<ContentValidationError> Errors => _errors;

    /// <summary>Records an error of the field, in the UI's language.</summary>
    public void Fail(string message) => _errors.Add(new ContentValidationError(PartName, Definition.Name, message));
}
