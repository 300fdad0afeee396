using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Answers a request for a public page this node has already rendered straight from <see cref="FrontPageCache"/>,
/// before the output cache, localisation, static files, routing and authentication run (a crowd reading one news item
/// costs a dictionary lookup and a write per request). On a miss it lets the request through and keeps the answer when
/// <see cref="PublicPagePolicy"/> said it may be stored (a public page, an anonymous user, 200, no cookie, storable) and
/// no eviction happened meanwhile. Who may be answered from it is decided as for the output cache: GET or HEAD, no
/// sign-in cookie, no Authorization header, not the back office or media.
/// </summary>
internal sealed class FrontPageCacheMiddleware(
    RequestDelegate next, FrontPageCache cache, PublicPagePolicy policy, IOutputCacheStore store, IOptionsMonitor<PageCacheOptions> options,
    PageCacheMetrics metrics)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the policy leaves the output-cache context of a storable answer.</summary>
    internal static readonly object StorableKey = new();

    /// <summary>
    /// The <see cref="HttpContext.Items"/> key present while this middleware captures the answer: only then does
    /// <see cref="PageTagsHeaderMiddleware"/> give a page to be stored its tags header (<see cref="PageCache.TagsHeader"/>),
    /// which this middleware reads and takes off the answer.
    /// </summary>
    internal static readonly object CapturingKey = new();

    /// <summary>The <see cref="HttpContext.Items"/> key the policy sets when the output cache answers from its store.</summary>
    internal static readonly object FromStoreKey = new();

    /// <summary>Headers never replayed from a kept page (the server writes its own, or they describe this answer only).</summary>
    private static readonly HashSet<string> Unreplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.Age, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.SetCookie, HeaderNames.Connection, HeaderNames.KeepAlive, PageCache.TagsHeader,
    };

    private const int MaximumPageBytes = 2 * 1024 * 1024;

    /// <summary>The Age header's values of the first hour, made once.</summary>
    private static readonly string[] AgeTexts = Enumerable.Range(0, 3600).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Longer query strings are not kept (no public page needs one; a flood of made-up ones must not fill the cache).</summary>
    private const int MaximumQueryLength = 512;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!options.CurrentValue.Enabled || !policy.MayAnswerFromCache(request) || request.QueryString.Value?.Length > MaximumQueryLength)
        {
            await next(context);
            return;
        }

        var key = string.Concat(policy.EncodingFor(context), "|", request.Scheme, "://", request.Host.Value?.ToLowerInvariant(), request.Path.Value, request.QueryString.Value);
        var now = Environment.TickCount64;
        if (cache.TryGet(key, now, out var page))
        {
            metrics.FrontHit();
            await AnswerAsync(context, page, now);
            return;
        }

        var generation = cache.Generation;
        context.Items[PublicPagePolicy.GenerationKey] = generation;
        var response = context.Response;
        var original = response.Body;
        // The headers are taken when the answer starts, as the output cache takes them: a header meant for this site only
        // (PageCache.ItemPageHeader) is kept with the copy and taken off the answer just before it leaves. The page's tags
        // (PageCache.TagsHeader) are read then too, and taken off the answer.
        string? tagsHeader = null;
        var capture = new CapturingStream(original, MaximumPageBytes, () => PublicPagePolicy.IsPublicPage(context), () =>
        {
            // At the answer's first write, after the output cache has taken its headers and before they leave.
            tagsHeader = response.Headers[PageCache.TagsHeader].ToString();
            if (!response.HasStarted)
            {
                response.Headers.Remove(PageCache.TagsHeader);
            }

            return Replayable(response.Headers);
        });
        response.Body = capture;
        context.Items[CapturingKey] = true;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
            if (!response.HasStarted)
            {
                response.Headers.Remove(PageCache.TagsHeader); // an answer without a body (304, HEAD) has not started yet
            }
        }

        if (!context.Items.TryGetValue(StorableKey, out var value))
        {
            if (context.Items.ContainsKey(FromStoreKey))
            {
                KeepAnswerFromStore(context, key, capture, tagsHeader, generation, now);
            }

            return;
        }

        if (value is not OutputCacheContext stored || !stored.AllowCacheStorage)
        {
            return;
        }

        if (cache.EvictedSince(stored.Tags, generation))
        {
            // A change committed while the page was rendered and the output cache may have kept it after the eviction:
            // evict again, so that the next request renders what is committed now.
            foreach (var tag in stored.Tags)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }

            return;
        }

        if (KeepableBody(context, capture) is { } body)
        {
            var lifetime = stored.ResponseExpirationTimeSpan ?? TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.Minutes));
            Keep(context, key, capture, body, new HashSet<string>(stored.Tags, StringComparer.Ordinal), now, now + (long)lifetime.TotalMilliseconds, generation);
        }
    }

    /// <summary>The answer's bytes when a copy of it may be kept: 200, no cookie set, in the encoding kept under, whole.</summary>
    private byte[]? KeepableBody(HttpContext context, CapturingStream capture)
    {
        var response = context.Response;
        return response.StatusCode == StatusCodes.Status200OK
               && StringValues.IsNullOrEmpty(response.Headers.SetCookie)
               && policy.EncodingMatches(context)
               && capture.Captured is { } body
               && (response.ContentLength is null || response.ContentLength == body.Length)
            ? body
            : null;
    }

    private void Keep(HttpContext context, string key, CapturingStream capture, byte[] body, IReadOnlySet<string> tags, long storedAt, long expiresAt, long generation)
    {
        var response = context.Response;
        var headers = capture.Headers ?? Replayable(response.Headers);
        cache.TryAdd(key, new FrontPage(body, headers, response.Headers.ETag.ToString() is { Length: > 0 } tag ? tag : null, tags, storedAt, expiresAt), generation);
    }

    /// <summary>
    /// Keeps a page the output cache answered from its store (rendered by another node, or by this one before its own copy
    /// went) when it carries its tags: without this, a node would read every page another node rendered from the shared
    /// store on every request until the page expires. Kept no longer than the store keeps it (its Age subtracted from the
    /// shortest lifetime a page gets), and not when one of its tags was evicted meanwhile (the copy may predate the change).
    /// </summary>
    private void KeepAnswerFromStore(HttpContext context, string key, CapturingStream capture, string? tagsHeader, long generation, long now)
    {
        if (string.IsNullOrEmpty(tagsHeader) || KeepableBody(context, capture) is not { } body)
        {
            return;
        }

        var tags = new HashSet<string>(tagsHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        if (cache.EvictedSince(tags, generation))
        {
            return;
        }

        var age = long.TryParse(context.Response.Headers.Age.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? seconds * 1000
            : 0;
        var lifetime = (long)(PublicPagePolicy.ShortestLifetime(options.CurrentValue).TotalMilliseconds) - age;
        if (lifetime <= 0)
        {
            return;
        }

        Keep(context, key, capture, body, tags, now - age, now + lifetime, generation);
    }

    private static KeyValuePair<string, StringValues>[] Replayable(IHeaderDictionary headers)
        => headers.Where(h => !Unreplayed.Contains(h.Key)).ToArray();

    private static Task AnswerAsync(HttpContext context, FrontPage page, long now)
    {
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, values) in page.Headers)
        {
            headers[name] = values;
        }

        var age = (now - page.StoredAt) / 1000;
        headers.Age = age < AgeTexts.Length ? AgeTexts[age] : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.EntityTag is { } tag && Matches(context.Request.Headers.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentType = default;
            headers.ContentEncoding = default;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = page.Body.Length;
        return response.Body.WriteAsync(page.Body, 0, page.Body.Length, context.RequestAborted);
    }

    private static bool Matches(StringValues ifNoneMatch, string tag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        var opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        foreach (var header in ifNoneMatch)
        {
            foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (candidate == "*" || candidate == opaque)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Passes the answer through and keeps a copy of it (and its headers) when, at its first write, the endpoint answering
    /// is a public page (static files and other answers pass through without a copy); gives up beyond a size. Whether the copy is kept is
    /// decided once the answer is complete.
    /// </summary>
    private sealed class CapturingStream(Stream inner, int limit, Func<bool> storable, Func<KeyValuePair<string, StringValues>[]> headers) : Stream
    {
        private MemoryStream? _copy;
        private bool _decided;
        private bool _overflow;

        /// <summary>The answer's headers at its first write, when it is kept.</summary>
        public KeyValuePair<string, StringValues>[]? Headers { get; private set; }

        /// <summary>The bytes written, when they were kept whole.</summary>
        public byte[]? Captured => _copy is not null && !_overflow ? _copy.ToArray() : null;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Keep(buffer.AsSpan(offset, count));
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (!_decided)
            {
                _decided = true;
                if (storable())
                {
                    _copy = new MemoryStream();
                    Headers = headers();
                }
            }

            if (_copy is null || _overflow)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _overflow = true;
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
