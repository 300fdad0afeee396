using System.Runtime.InteropServices;

namespace ChuyenDe.Bench.Upload;

/// <summary>
/// A read-only MP4 of a given length made on the fly: an <c>ftyp</c> box (isom, mp42) then one <c>mdat</c> box of
/// pseudo-random bytes from a fixed seed (xorshift64*, fast enough not to limit the upload), so the same bytes come out
/// every time and nothing is held in memory.
/// </summary>
public sealed class GeneratedMp4Stream : Stream
{
    private static readonly byte[] Ftyp =
    [
        0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        0x00, 0x00, 0x02, 0x00, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'2',
    ];

    private const ulong Seed = 0x9E3779B97F4A7C15;
    private readonly long _length;
    private readonly byte[] _header;
    private ulong _state = Seed;
    private long _position;

    public GeneratedMp4Stream(long length)
    {
        var mdatSize = length - Ftyp.Length;
        if (mdatSize < 8 || mdatSize > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The mdat box needs a 32-bit size of at least 8 bytes.");
        }

        _length = length;
        _header = [.. Ftyp, (byte)(mdatSize >> 24), (byte)(mdatSize >> 16), (byte)(mdatSize >> 8), (byte)mdatSize, (byte)'m', (byte)'d', (byte)'a', (byte)'t'];
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, _length - _position);
        if (count <= 0)
        {
            return 0;
        }

        var written = 0;
        if (_position < _header.Length)
        {
            written = Math.Min(count, _header.Length - (int)_position);
            _header.AsSpan((int)_position, written).CopyTo(buffer);
        }

        FillRandom(buffer[written..count]);
        _position += count;
        return count;
    }

    /// <summary>Random bytes 8 at a time; a tail shorter than 8 takes the first bytes of one more value.</summary>
    private void FillRandom(Span<byte> buffer)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(buffer);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Next();
        }

        var rest = buffer[(words.Length * sizeof(ulong))..];
        if (rest.Length > 0)
        {
            Span<byte> last = stackalloc byte[sizeof(ulong)];
            MemoryMarshal.Write(last, Next());
            last[..rest.Length].CopyTo(rest);
        }
    }

    private ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1D;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
