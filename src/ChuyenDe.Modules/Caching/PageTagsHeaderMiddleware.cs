using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Gives a page the output cache will store its tags as a header (<see cref="PageCache.TagsHeader"/>), set at the
/// answer's first write — the moment the output cache takes the headers it keeps with the page (its policies' last word
/// comes only after the body, when headers can no longer change). Placed inside the output cache and compression; a
/// public page's body reaches it whole (<see cref="EntityTagMiddleware"/> buffers it for its entity tag), so every tag
/// the page was given while it was rendered is known by then. A tag added after that first write would be missing from
/// the kept header: such a page is not stored at all.
/// Only while <see cref="FrontPageCacheMiddleware"/> captures the answer (it reads the header and takes it off).
/// </summary>
internal sealed class PageTagsHeaderMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Items.ContainsKey(FrontPageCacheMiddleware.CapturingKey)
            || context.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } cache)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        var tagging = new TaggingStream(original, response, cache);
        response.Body = tagging;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (tagging.TagsAtFirstWrite is { } count && cache.Tags.Count != count)
        {
            cache.AllowCacheStorage = false;
        }
    }

    /// <summary>Passes everything through; sets the tags header once, before the first byte or flush goes on.</summary>
    private sealed class TaggingStream(Stream inner, HttpResponse response, OutputCacheContext cache) : Stream
    {
        public int? TagsAtFirstWrite { get; private set; }

        private bool _started;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            Start();
            inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Start();
            return inner.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Start();
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Start();
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Start();
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Start()
        {
            if (_started)
            {
                return;
            }

            _started = true;
            if (!response.HasStarted)
            {
                response.Headers[PageCache.TagsHeader] = string.Join(' ', cache.Tags);
                TagsAtFirstWrite = cache.Tags.Count;
            }
        }
    }
}
