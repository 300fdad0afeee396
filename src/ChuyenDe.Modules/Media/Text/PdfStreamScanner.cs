using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ChuyenDe.Modules.Media.Text;

/// <summary>
/// Checks a PDF before PdfPig parses it: PdfPig inflates a whole stream into memory, so every stream it could inflate is
/// inflated here first, through a counting stream that keeps nothing, with a cap. The file is read in blocks; each
/// <c>stream</c> keyword is matched with the dictionary after the last <c>obj</c> keyword before it, whose
/// <c>/Filter</c> entries say how many Flate layers to undo (the data is inflated until the compressed data ends by
/// itself, whatever <c>/Length</c> says). A content stream over <see cref="MediaTextOptions.MaxPartBytes"/> refuses the
/// PDF; an image over it, a filter that is not checked (LZW, encryption) or data that does not inflate skips extraction.
/// </summary>
internal static partial class PdfStreamScanner
{
    private const int Block = 64 * 1024;
    private const int MaxDictionaryBytes = 64 * 1024;

    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] ObjKeyword = "obj"u8.ToArray();

    /// <summary>Throws <see cref="ExtractionLimitException"/> when the PDF must not be parsed; returns when it may.</summary>
    public static void Check(Stream pdf, MediaTextOptions options, CancellationToken ct)
    {
        var budget = new InflationBudget(options.MaxTotalBytes);
        var length = pdf.Length;
        var buffer = new byte[Block + 32];
        var sink = new byte[16 * 1024];
        long lastObjEnd = -1;
        for (long blockStart = 0; blockStart < length; blockStart += Block)
        {
            ct.ThrowIfCancellationRequested();
            // Each block is read with 16 bytes before and after it, so that a keyword across a boundary is seen once
            // and with what surrounds it.
            var before = (int)Math.Min(16, blockStart);
            var count = ReadAt(pdf, blockStart - before, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - blockStart + before)));
            var data = buffer.AsSpan(0, count);
            var scanEnd = Math.Min(count, before + Block);
            for (var i = before; i < scanEnd; i++)
            {
                var b = data[i];
                if (b == (byte)'o' && IsKeyword(data, i, ObjKeyword) && !EndsWith(data, i, "end"u8))
                {
                    lastObjEnd = blockStart - before + i + ObjKeyword.Length;
                }
                else if (b == (byte)'s' && IsKeyword(data, i, StreamKeyword) && !EndsWith(data, i, "end"u8))
                {
                    var keyword = blockStart - before + i;
                    if (DataStart(pdf, keyword + StreamKeyword.Length, length) is { } dataStart)
                    {
                        CheckStream(pdf, lastObjEnd, keyword, dataStart, options, budget, sink, ct);
                    }
                }
            }
        }
    }

    private static void CheckStream(Stream pdf, long dictionaryStart, long keyword, long dataStart, MediaTextOptions options, InflationBudget budget,
        byte[] sink, CancellationToken ct)
    {
        if (dictionaryStart < 0 || keyword - dictionaryStart > MaxDictionaryBytes)
        {
            throw new ExtractionLimitException(TextLimit.Unverifiable, refuse: false);
        }

        var bytes = new byte[keyword - dictionaryStart];
        ReadAt(pdf, dictionaryStart, bytes);
        var dictionary = DecodeNames(Encoding.Latin1.GetString(bytes));
        var image = ImageSubtype().IsMatch(dictionary);
        var flateLayers = 0;
        foreach (Match filter in FilterEntry().Matches(dictionary))
        {
            var names = FilterName().Matches(filter.Groups["value"].Value).Select(m => m.Groups["name"].Value).ToList();
            if (filter.Groups["value"].Value.Contains(" R", StringComparison.Ordinal) || names.Count == 0)
            {
                // An indirect filter: not resolved here.
                throw new ExtractionLimitException(TextLimit.Unverifiable, refuse: false);
            }

            if (names.Any(n => n is not ("FlateDecode" or "Fl")))
            {
                if (image && names.All(n => n is "DCTDecode" or "DCT" or "JPXDecode" or "CCITTFaxDecode" or "CCF" or "JBIG2Decode"
                        or "FlateDecode" or "Fl" or "ASCIIHexDecode" or "AHx" or "ASCII85Decode" or "A85" or "RunLengthDecode" or "RL"))
                {
                    // Image codecs are decoded only when an image is asked for, never for text.
                    continue;
                }

                throw new ExtractionLimitException(TextLimit.Unverifiable, refuse: false);
            }

            flateLayers = Math.Max(flateLayers, names.Count);
        }

        if (flateLayers == 0)
        {
            return;
        }

        var window = new WindowStream(pdf, dataStart);
        Stream decoded = window;
        var layers = new List<Stream>();
        try
        {
            for (var layer = 0; layer < flateLayers; layer++)
            {
                // As PdfPig does: the two bytes of the zlib header are skipped and the rest inflated raw.
                SkipTwo(decoded);
                decoded = new InflationGuardStream(new DeflateStream(decoded, CompressionMode.Decompress, leaveOpen: true),
                    options.MaxPartBytes, null, 0, long.MaxValue, budget, ct,
                    image ? TextLimit.Unverifiable : TextLimit.StreamSize, refuseOverSize: !image);
                layers.Add(decoded);
            }

            while (decoded.Read(sink) > 0)
            {
            }
        }
        catch (InvalidDataException)
        {
            throw new ExtractionLimitException(TextLimit.Unverifiable, refuse: false);
        }
        finally
        {
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                layers[i].Dispose();
            }
        }
    }

    private static void SkipTwo(Stream stream)
    {
        Span<byte> two = stackalloc byte[2];
        if (stream.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2)
        {
            throw new InvalidDataException("The stream ends before its data.");
        }
    }

    /// <summary>After <c>stream</c>: optional spaces, then CR LF, LF or CR; null when no end of line follows (not a keyword).</summary>
    private static long? DataStart(Stream pdf, long keywordEnd, long length)
    {
        Span<byte> after = stackalloc byte[34];
        var read = ReadAt(pdf, keywordEnd, after[..(int)Math.Min(after.Length, length - keywordEnd)]);
        var i = 0;
        while (i < read && after[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        if (i < read && after[i] == (byte)'\r')
        {
            return keywordEnd + i + (i + 1 < read && after[i + 1] == (byte)'\n' ? 2 : 1);
        }

        return i < read && after[i] == (byte)'\n' ? keywordEnd + i + 1 : null;
    }

    /// <summary><paramref name="keyword"/> at <paramref name="i"/>, not part of a longer word.</summary>
    private static bool IsKeyword(ReadOnlySpan<byte> data, int i, ReadOnlySpan<byte> keyword)
    {
        if (!data[i..].StartsWith(keyword))
        {
            return false;
        }

        var before = i > 0 ? data[i - 1] : (byte)' ';
        var afterIndex = i + keyword.Length;
        var after = afterIndex < data.Length ? data[afterIndex] : (byte)' ';
        return !IsRegular(after) && (!IsRegular(before) || EndsWith(data, i, "end"u8));
    }

    private static bool EndsWith(ReadOnlySpan<byte> data, int i, ReadOnlySpan<byte> prefix) => i >= prefix.Length && data[(i - prefix.Length)..i].SequenceEqual(prefix);

    /// <summary>A PDF regular character: neither white space nor a delimiter.</summary>
    private static bool IsRegular(byte b) => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    /// <summary>Names may spell a character as <c>#xx</c> (<c>/Fl#61teDecode</c>): undone before matching.</summary>
    private static string DecodeNames(string text) => NameEscape().Replace(text, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());

    [GeneratedRegex("#([0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex NameEscape();

    [GeneratedRegex(@"/Subtype\s*/Image\b", RegexOptions.CultureInvariant)]
    private static partial Regex ImageSubtype();

    [GeneratedRegex(@"/Filter\s*(?<value>\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R)", RegexOptions.CultureInvariant)]
    private static partial Regex FilterEntry();

    [GeneratedRegex(@"/(?<name>[^\s/\[\]<>()]+)", RegexOptions.CultureInvariant)]
    private static partial Regex FilterName();

    private static int ReadAt(Stream stream, long position, Span<byte> buffer)
    {
        stream.Position = position;
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }

    /// <summary>The PDF from <paramref name="start"/> to its end, read-only, leaving the PDF's position alone between reads.</summary>
    private sealed class WindowStream(Stream inner, long start) : Stream
    {
        private long position = start;
        private readonly long origin = start;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position - origin;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            inner.Position = position;
            var read = inner.Read(buffer);
            position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
