namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The JSON type a property of a part's or field's value must have (Orchard Core's shapes), checked by
/// <see cref="ContentShapes"/> when a recipe imports items. A kind declares its shape in its rules
/// (<see cref="IFieldKindRules.Shape"/>, <see cref="IPartKindRules.Shape"/>).
/// </summary>
public enum ValueShape
{
    String,
    Number,
    Bool,

    /// <summary>A string holding an ISO 8601 date (or empty).</summary>
    Date,
    StringArray,
    ObjectArray,
}
