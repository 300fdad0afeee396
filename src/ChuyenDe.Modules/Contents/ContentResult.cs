namespace ChuyenDe.Modules.Contents;

/// <summary>The outcome of a change: the saved item, or the validation errors (nothing saved then).</summary>
public sealed record ContentResult(ContentItem? Item, IReadOnlyList<ContentValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ContentResult Success(ContentItem item) => new(item, []);
}
