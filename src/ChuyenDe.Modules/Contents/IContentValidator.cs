namespace ChuyenDe.Modules.Contents;

/// <summary>Checks an item against its type definition: required values, ranges, allowed values and terms.</summary>
public interface IContentValidator
{
    Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, ContentTypeDefinition type, CancellationToken ct = default);
}
