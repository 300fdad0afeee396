namespace ChuyenDe.Modules.Media.Text;

/// <summary>Thrown inside extraction when a limit is reached; <see cref="Refuse"/> when the document is a decompression bomb.</summary>
internal sealed class ExtractionLimitException(TextLimit limit, bool refuse) : Exception($"Text extraction stopped at the {limit} limit.")
{
    public TextLimit Limit { get; } = limit;

    public bool Refuse { get; } = refuse;
}

/// <summary>Bytes that all the streams inflated from one document may still produce.</summary>
internal sealed class InflationBudget(long bytes)
{
    public long Remaining { get; private set; } = bytes;

    public void Take(long bytes)
    {
        Remaining -= bytes;
        if (Remaining < 0)
        {
            throw new ExtractionLimitException(TextLimit.TotalSize, refuse: false);
        }
    }
}

/// <summary>
/// A read-only view of an inflating stream (a ZIP entry, a PDF stream) that counts the bytes it really produces, whatever
/// the headers declared: past <paramref name="maxBytes"/> it throws (<see cref="TextLimit.PartSize"/>, or
/// <paramref name="sizeLimit"/>), past <paramref name="maxRatio"/> times <paramref name="compressedLength"/> (once over
/// <paramref name="ratioMinBytes"/>) it throws a refusal, and it throws <see cref="OperationCanceledException"/> at the
/// first read after <paramref name="ct"/> is cancelled. Producing more than <paramref name="declaredLength"/> (the size
/// a ZIP entry declares) refuses too.
/// </summary>
internal sealed class InflationGuardStream(
    Stream inner,
    long maxBytes,
    long? compressedLength,
    int maxRatio,
    long ratioMinBytes,
    InflationBudget? budget,
    CancellationToken ct,
    TextLimit sizeLimit = TextLimit.PartSize,
    bool refuseOverSize = false,
    long? declaredLength = null) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ct.ThrowIfCancellationRequested();
        // Never ask for more than one byte past the limit: the overrun is seen without inflating much more.
        var allowed = (int)Math.Min(buffer.Length, Math.Max(1, maxBytes - BytesRead + 1));
        var read = inner.Read(buffer[..allowed]);
        Count(read);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ct.ThrowIfCancellationRequested();
        var allowed = (int)Math.Min(buffer.Length, Math.Max(1, maxBytes - BytesRead + 1));
        var read = await inner.ReadAsync(buffer[..allowed], cancellationToken);
        Count(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(int read)
    {
        BytesRead += read;
        budget?.Take(read);
        // More than the archive declared: the headers lie, as only a crafted file's do.
        if (BytesRead > declaredLength
            || (compressedLength is { } compressed && BytesRead > ratioMinBytes && BytesRead > compressed * maxRatio))
        {
            throw new ExtractionLimitException(TextLimit.CompressionRatio, refuse: true);
        }

        if (BytesRead > maxBytes)
        {
            throw new ExtractionLimitException(sizeLimit, refuseOverSize);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
