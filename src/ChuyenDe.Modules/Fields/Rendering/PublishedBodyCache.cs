using System.Security.Cryptography;
using System.Text;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Caching.Memory;

namespace ChuyenDe.Modules.Fields.Rendering;

/// <summary>
/// The rendered and sanitised body of published versions, computed once per version: a published version never changes
/// (an edit makes a new version), so its Markdown is rendered and its HTML sanitised on the first view only. Bounded by
/// the characters held (<see cref="MaxCharacters"/>); the least recently used bodies go first.
/// </summary>
internal sealed class PublishedBodyCache : IDisposable
{
    /// <summary>At most this many characters of rendered bodies are kept (about 64 MB).</summary>
    public const long MaxCharacters = 32 * 1024 * 1024;

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = MaxCharacters });

    /// <summary>
    /// The body of a published version, rendered by <paramref name="render"/> the first time. The key is the version and
    /// a hash of its parts' values: a recipe that imports a version again under the same id with other values (the only
    /// way a stored version changes) gets its body rendered anew.
    /// </summary>
    public string GetOrRender(ContentItem item, IEnumerable<string> partNames, Func<string> render)
    {
        var values = new StringBuilder();
        foreach (var name in partNames)
        {
            values.Append(name).Append('\u0001').Append(item.Part(name)?.ToJsonString()).Append('\u0002');
        }

        var key = item.ContentItemVersionId + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString())));
        if (_bodies.TryGetValue(key, out string? body) && body is not null)
        {
            return body;
        }

        body = render();
        _bodies.Set(key, body, new MemoryCacheEntryOptions { Size = Math.Max(1, body.Length), SlidingExpiration = TimeSpan.FromHours(6) });
        return body;
    }

    public void Dispose() => _bodies.Dispose();
}
