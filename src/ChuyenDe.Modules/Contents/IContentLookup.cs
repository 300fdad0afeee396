namespace ChuyenDe.Modules.Contents;

/// <summary>Small look-ups other code needs without loading items.</summary>
public interface IContentLookup
{
    Task<string?> GetLatestContentTypeAsync(string contentItemId, CancellationToken ct = default);
}
