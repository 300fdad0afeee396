namespace ChuyenDe.Modules.Media.Text;

/// <summary>
/// A read-only view of a seekable stream that throws <see cref="OperationCanceledException"/> on any access once the token
/// is cancelled: a parser still working at the time limit stops at its next read of the document.
/// </summary>
internal sealed class CancellableReadStream(Stream inner, CancellationToken ct) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;

    public override long Length
    {
        get
        {
            ct.ThrowIfCancellationRequested();
            return inner.Length;
        }
    }

    public override long Position
    {
        get
        {
            ct.ThrowIfCancellationRequested();
            return inner.Position;
        }
        set
        {
            ct.ThrowIfCancellationRequested();
            inner.Position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ct.ThrowIfCancellationRequested();
        return inner.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        ct.ThrowIfCancellationRequested();
        return inner.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ct.ThrowIfCancellationRequested();
        return inner.Seek(offset, origin);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The inner stream belongs to the caller: disposing this view leaves it open.
}
