using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentLookup(DbContext db) : IContentLookup
{
    public async Task<string?> GetLatestContentTypeAsync(string contentItemId, CancellationToken ct = default)
        => await db.Set<ContentItemVersionRecord>().AsNoTracking().Where(r => r.ContentItemId == contentItemId && r.Latest)
            .Select(r => r.ContentType).FirstOrDefaultAsync(ct);
}
