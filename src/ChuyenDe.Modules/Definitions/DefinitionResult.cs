namespace ChuyenDe.Modules.Definitions;

/// <summary>The outcome of a change to the definitions: the errors by form field name (nothing stored then).</summary>
public sealed record DefinitionResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static readonly DefinitionResult Success = new(new Dictionary<string, string>());
}
