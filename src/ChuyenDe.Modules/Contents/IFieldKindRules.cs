using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// What the engine needs to know of one field kind: the JSON shape of its value, its default, its validation and what
/// its value refers to outside the item. Implemented by the kind's driver (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;Driver.Rules.cs</c>,
/// see docs/field-kinds.md) and found by <see cref="Kind"/> (the definition's <c>FieldName</c>) through
/// <see cref="IContentKindRules"/>, so that the engine names no kind.
/// </summary>
public interface IFieldKindRules
{
    /// <summary>The field kind, e.g. <c>TextField</c>.</summary>
    string Kind { get; }

    /// <summary>The value's properties and the JSON type each must have (absent properties are not checked).</summary>
    IReadOnlyDictionary<string, ValueShape> Shape { get; }

    /// <summary>The value a new item's field starts with (e.g. the default its settings give); empty by default.</summary>
    JsonObject NewValue(ContentPartFieldDefinition field) => new();

    /// <summary>The value a new item's field starts with, when it depends on what is stored (e.g. a site setting); <see cref="NewValue"/> by default.</summary>
    Task<JsonObject> NewValueAsync(ContentPartFieldDefinition field, CancellationToken ct = default) => Task.FromResult(NewValue(field));

    /// <summary>Rewrites a value to its stored form before it is saved or imported (e.g. a value named an older way); nothing by default.</summary>
    void Normalize(ContentPartFieldDefinition field, JsonObject value)
    {
    }

    /// <summary>Checks a value against the field's settings (required, ranges, allowed values); errors go to <see cref="FieldValidationContext.Fail"/>.</summary>
    Task ValidateAsync(FieldValidationContext context, CancellationToken ct = default);

    /// <summary>The files of the media library the value uses, each with its description (none by default).</summary>
    IReadOnlyList<MediaReference> MediaReferences(JsonObject? value) => [];

    /// <summary>The terms the value chooses and their taxonomy, or null when the kind chooses none.</summary>
    ChosenTerms? Terms(ContentPartFieldDefinition field, JsonObject? value) => null;
}
