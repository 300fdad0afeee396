using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>One part's value being validated by its kind's rules (<see cref="IPartKindRules.ValidateAsync"/>).</summary>
public sealed class PartValidationContext(ContentTypePartDefinition definition, JsonObject? value)
{
    private readonly List<ContentValidationError> _errors = [];

    public ContentTypePartDefinition Definition { get; } = definition;

    /// <summary>The part's JSON in the version, or null when absent.</summary>
    public JsonObject? Value { get; } = value;

    public IReadOnlyList<ContentValidationError> Errors => _errors;

    /// <summary>Records an error of one of the part's properties (e.g. <c>Title</c>), in the UI's language.</summary>
    public void Fail(string property, string message) => _errors.Add(new ContentValidationError(Definition.Name, property, message));
}
