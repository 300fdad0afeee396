namespace ChuyenDe.Modules.Contents;

/// <summary>A validation error of one field (or part, when <see cref="Field"/> is null), in the UI's language.</summary>
public sealed record ContentValidationError(string Part, string? Field, string Message)
{
    /// <summary>The form key of the field, <c>Part.Field</c>, for showing the message beside it.</summary>
    public string Key => Field is null ? Part : $"{Part}.{Field}";
}
