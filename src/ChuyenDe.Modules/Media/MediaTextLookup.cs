using ChuyenDe.Modules.Media.Text;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Media;

/// <summary>The text of documents in the media library, for search (a contract other modules use instead of Media's tables).</summary>
public interface IMediaTextLookup
{
    /// <summary>
    /// Path → text for the documents among <paramref name="paths"/> that have text: the text extracted at upload
    /// (<see cref="MediaFileRecord.ExtractedText"/>), or, for a PDF/DOCX/PPTX placed without an upload record
    /// (a recipe's files), the text extracted now. Paths without text are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetTextsAsync(IReadOnlyCollection<string> paths, CancellationToken ct = default);
}

internal sealed class MediaTextLookup(DbContext db, IMediaStore store, IMediaTextExtractor extractor) : IMediaTextLookup
{
    private static readonly HashSet<string> Extractable = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".docx", ".pptx" };

    /// <summary>Files without a record larger than this are not read (recipes carry small sample documents).</summary>
    private const long MaxUnrecordedLength = 20 * 1024 * 1024;

    public async Task<IReadOnlyDictionary<string, string>> GetTextsAsync(IReadOnlyCollection<string> paths, CancellationToken ct = default)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = paths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return result;
        }

        var records = await db.Set<MediaFileRecord>().AsNoTracking().Where(f => wanted.Contains(f.Path))
            .Select(f => new { f.Path, f.ExtractedText }).ToListAsync(ct);
        foreach (var record in records)
        {
            if (!string.IsNullOrWhiteSpace(record.ExtractedText))
            {
                result[record.Path] = record.ExtractedText;
            }
        }

        var recorded = records.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in wanted.Where(p => !recorded.Contains(p) && Extractable.Contains(Path.GetExtension(p))))
        {
            await using var stream = await store.OpenReadAsync(path, ct);
            if (stream is null || (stream.CanSeek && stream.Length > MaxUnrecordedLength))
            {
                continue;
            }

            var text = await extractor.ExtractAsync(stream, Path.GetExtension(path), ct);
            if (!string.IsNullOrWhiteSpace(text?.Text))
            {
                result[path] = text.Text;
            }
        }

        return result;
    }
}
