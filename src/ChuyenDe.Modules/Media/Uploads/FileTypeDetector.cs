using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Media.Text;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>What a file really is. <see cref="Detail"/> names what was found, e.g. <c>.exe</c>, <c>RAR</c>, <c>&lt;script</c>.</summary>
public sealed record DetectedFile(FileKind Kind, string? Detail = null)
{
    /// <summary>For a <see cref="FileKind.Polyglot"/>: the kind the start of the file looks like.</summary>
    public FileKind OuterKind { get; init; }
}

/// <summary>
/// Finds the real kind of a file from its first bytes (magic numbers), the central directory of ZIP-based formats and
/// the last bytes (an appended ZIP). Reads at most <see cref="HeadSize"/> bytes from the start and as much from the end,
/// except for ZIP-based documents (their central directory) and SVG (the whole text, to look for script).
/// </summary>
public sealed partial class FileTypeDetector(IOptions<MediaTextOptions>? limits)
{
    private readonly MediaTextOptions limits = limits?.Value ?? new MediaTextOptions();

    /// <summary>With the default limits of <see cref="MediaTextOptions"/> (compression ratio).</summary>
    public FileTypeDetector()
        : this(null)
    {
    }

    /// <summary>How much of the start (and of the end) is read and searched for hidden signatures.</summary>
    public const int HeadSize = 64 * 1024;

    private const long MaxSvgBytes = 16 * 1024 * 1024;

    /// <summary>Entries a ZIP-based document may have (ZIP64's 0xFFFF marker included in "more").</summary>
    private const int MaxZipEntries = 10_000;

    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SevenZip = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];
    private static readonly byte[] Xz = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00];
    private static readonly byte[] ZipLocal = "PK\x03\x04"u8.ToArray();
    private static readonly byte[] ZipEnd = "PK\x05\x06"u8.ToArray();
    private static readonly string[] HtmlMarkers = ["<!doctype html", "<html", "<script", "<iframe"];
    private static readonly string[] NotVideoBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "crx "];
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>
    /// Detects the kind of <paramref name="content"/>, which must be seekable; it is read from its current position, and
    /// the position is restored afterwards.
    /// </summary>
    public async Task<DetectedFile> DetectAsync(Stream content, CancellationToken ct = default)
    {
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(content));
        }

        var start = content.Position;
        try
        {
            var length = content.Length - start;
            if (length <= 0)
            {
                return new DetectedFile(FileKind.Empty);
            }

            var head = await ReadAtAsync(content, start, (int)Math.Min(HeadSize, length), ct);
            // The end of the file (overlapping the start in a small file): where an appended ZIP's directory would be.
            var tailStart = Math.Max(start, content.Length - (HeadSize + 22));
            var tail = await ReadAtAsync(content, tailStart, (int)(content.Length - tailStart), ct);

            if (StartsWith(head, ZipLocal) || StartsWith(head, ZipEnd) || StartsWith(head, "PK\x07\x08"u8))
            {
                // A ZIP: what it holds decides.
                content.Position = start;
                return InspectZip(content, head, tail);
            }

            var outer = DetectStart(head);
            if (outer.Kind == FileKind.OleCompound)
            {
                // The whole directory, not only the part of it within the first bytes.
                outer = OfficeInspector.InspectOle(content, start, length);
                content.Position = start;
            }

            switch (outer.Kind)
            {
                case FileKind.Executable or FileKind.Archive or FileKind.Html or FileKind.Unknown
                    or FileKind.OfficeWithMacros or FileKind.OfficeWithEmbeddedCode:
                    return outer;
                case FileKind.Svg:
                    content.Position = start;
                    return await InspectSvgAsync(content, length, ct);
            }

            // A real image, PDF, OLE document or media file at the start: nothing else may hide in it.
            if ((FindHidden(head, 1) ?? FindHidden(tail, tailStart == start ? 1 : 0)) is { } hidden)
            {
                return new DetectedFile(FileKind.Polyglot, hidden) { OuterKind = outer.Kind };
            }

            if (HasAppendedZip(tail) || HasZipLocalHeader(head, 1))
            {
                return new DetectedFile(FileKind.Polyglot, "ZIP") { OuterKind = outer.Kind };
            }

            return outer;
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>The kind from the first bytes alone (ZIP files are inspected before).</summary>
    private static DetectedFile DetectStart(byte[] h)
    {
        if (StartsWith(h, "MZ"u8))
        {
            return new(FileKind.Executable, ".exe");
        }

        if (StartsWith(h, [0x7F, 0x45, 0x4C, 0x46]))
        {
            return new(FileKind.Executable, "ELF");
        }

        if (StartsWith(h, [0xFE, 0xED, 0xFA, 0xCE]) || StartsWith(h, [0xFE, 0xED, 0xFA, 0xCF]) || StartsWith(h, [0xCE, 0xFA, 0xED, 0xFE])
            || StartsWith(h, [0xCF, 0xFA, 0xED, 0xFE]) || StartsWith(h, [0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return new(FileKind.Executable, "Mach-O");
        }

        if (StartsWith(h, "#!"u8))
        {
            return new(FileKind.Executable, "script #!");
        }

        if (StartsWith(h, "%PDF-"u8))
        {
            return new(FileKind.Pdf);
        }

        if (StartsWith(h, Ole))
        {
            // The directory is read from the stream (OfficeInspector.InspectOle).
            return new(FileKind.OleCompound);
        }

        if (StartsWith(h, [0xFF, 0xD8, 0xFF]))
        {
            return new(FileKind.Jpeg);
        }

        if (StartsWith(h, PngMagic))
        {
            return new(FileKind.Png);
        }

        if (StartsWith(h, "GIF87a"u8) || StartsWith(h, "GIF89a"u8))
        {
            return new(FileKind.Gif);
        }

        if (h.Length >= 12 && StartsWith(h, "RIFF"u8) && h.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return new(FileKind.WebP);
        }

        if (h.Length >= 12 && h.AsSpan(4, 4).SequenceEqual("ftyp"u8) && BinaryPrimitives.ReadUInt32BigEndian(h) >= 8)
        {
            var brand = Encoding.ASCII.GetString(h, 8, 4);
            return NotVideoBrands.Contains(brand, StringComparer.OrdinalIgnoreCase) ? new(FileKind.Unknown, brand.Trim()) : new(FileKind.Mp4);
        }

        if (StartsWith(h, "ID3"u8) || IsMpegAudioFrame(h))
        {
            return new(FileKind.Mp3);
        }

        if (StartsWith(h, "Rar!\x1A\x07"u8))
        {
            return new(FileKind.Archive, "RAR");
        }

        if (StartsWith(h, SevenZip))
        {
            return new(FileKind.Archive, "7z");
        }

        if (StartsWith(h, [0x1F, 0x8B]))
        {
            return new(FileKind.Archive, "gzip");
        }

        if (StartsWith(h, Xz))
        {
            return new(FileKind.Archive, "xz");
        }

        if (StartsWith(h, "BZh"u8) && h.Length > 3 && h[3] is >= (byte)'1' and <= (byte)'9')
        {
            return new(FileKind.Archive, "bzip2");
        }

        if (h.Length >= 262 && h.AsSpan(257, 5).SequenceEqual("ustar"u8))
        {
            return new(FileKind.Archive, "tar");
        }

        return DetectText(h);
    }

    /// <summary>Text files: HTML and SVG are recognised (also after a byte-order mark and white space); anything else is unknown.</summary>
    private static DetectedFile DetectText(byte[] h)
    {
        var text = LowerAscii(h, 0, Math.Min(h.Length, 4096));
        var trimmed = text.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n', '\f', '\0');
        var near = trimmed[..Math.Min(trimmed.Length, 1024)];
        if (trimmed.StartsWith('<') && trimmed.Contains("<svg", StringComparison.Ordinal)
            && !near.Contains("<html", StringComparison.Ordinal) && !near.Contains("<!doctype html", StringComparison.Ordinal))
        {
            return new(FileKind.Svg);
        }

        foreach (var marker in HtmlMarkers)
        {
            if (near.Contains(marker, StringComparison.Ordinal))
            {
                return new(FileKind.Html, marker);
            }
        }

        return new(FileKind.Unknown);
    }

    private static async Task<DetectedFile> InspectSvgAsync(Stream content, long length, CancellationToken ct)
    {
        if (length > MaxSvgBytes)
        {
            return new(FileKind.SvgWithScript, "size");
        }

        var bytes = new byte[length];
        await content.ReadExactlyAsync(bytes, ct);
        var text = Encoding.UTF8.GetString(bytes).ToLowerInvariant();
        foreach (var marker in (string[])["<script", "javascript:", "<foreignobject", "<!entity", "<iframe", "<embed", "<object"])
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return new(FileKind.SvgWithScript, marker);
            }
        }

        return EventAttribute().Match(text) is { Success: true } m ? new(FileKind.SvgWithScript, m.Value.Trim()) : new(FileKind.Svg);
    }

    [GeneratedRegex(@"[\s/""']on[a-z]+\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex EventAttribute();

    /// <summary>
    /// A ZIP is a DOCX/XLSX/PPTX (by the main part its content types and relationships name), an ODT (mimetype first), or
    /// a plain archive; any of them may be refused for an entry that inflates like a bomb, macros or embedded programs
    /// (<see cref="OfficeInspector"/>).
    /// </summary>
    private DetectedFile InspectZip(Stream content, byte[] head, byte[] tail)
    {
        // The archive reads its whole central directory into objects: more entries than any document has are not read.
        var end = LastIndexOf(tail, ZipEnd);
        if (end >= 0 && end + 22 <= tail.Length && BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10)) > MaxZipEntries)
        {
            return new(FileKind.Archive, "ZIP");
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Count == 0)
            {
                return new(FileKind.Archive, "ZIP");
            }

            var odt = IsOdt(head, names[0]);
            var ooxml = names.Contains("[Content_Types].xml", StringComparer.Ordinal);
            if ((odt || ooxml) && OfficeInspector.BombEntry(zip, limits) is { } bomb)
            {
                return new(FileKind.CompressionBomb, bomb);
            }

            if (odt)
            {
                return OfficeInspector.InspectOdt(zip, limits);
            }

            return ooxml ? OfficeInspector.InspectOoxml(zip, limits) : new(FileKind.Archive, "ZIP");
        }
        catch (ExtractionLimitException e) when (e.Refuse)
        {
            return new(FileKind.CompressionBomb, "[Content_Types].xml");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or System.Xml.XmlException or ExtractionLimitException)
        {
            return new(FileKind.Unknown, "ZIP");
        }
    }

    /// <summary>ODF: the first local entry is <c>mimetype</c>, stored, holding exactly the ODT media type.</summary>
    private static bool IsOdt(byte[] head, string firstCentralName)
    {
        if (firstCentralName != "mimetype" || head.Length < 30 || !StartsWith(head, ZipLocal))
        {
            return false;
        }

        var method = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(8));
        var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(18));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(28));
        var dataStart = 30 + nameLength + extraLength;
        if (method != 0 || nameLength != 8 || !head.AsSpan(30, 8).SequenceEqual("mimetype"u8) || head.Length < dataStart + OdtMimeType.Length)
        {
            return false;
        }

        // The size is 0 when written with a data descriptor: then the text must end where the next header starts.
        var effectiveSize = size != 0 ? size : OdtMimeType.Length;
        return effectiveSize == OdtMimeType.Length
               && Encoding.ASCII.GetString(head, dataStart, OdtMimeType.Length) == OdtMimeType
               && (head.Length == dataStart + OdtMimeType.Length || head[dataStart + OdtMimeType.Length] != (byte)'-');
    }

    /// <summary>An executable or HTML signature anywhere in <paramref name="data"/> from <paramref name="from"/>.</summary>
    private static string? FindHidden(byte[] data, int from)
    {
        if (data.Length == 0)
        {
            return null;
        }

        var text = LowerAscii(data, 0, data.Length);
        foreach (var marker in HtmlMarkers)
        {
            if (text.IndexOf(marker, from, StringComparison.Ordinal) >= 0)
            {
                return marker;
            }
        }

        for (var i = IndexOf(data, "MZ"u8, from); i >= 0; i = IndexOf(data, "MZ"u8, i + 1))
        {
            // A DOS header whose e_lfanew points at "PE\0\0" inside the data read.
            if (i + 0x40 <= data.Length)
            {
                var pe = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i + 0x3C));
                if (pe > 0 && i + (long)pe + 4 <= data.Length && data.AsSpan(i + pe, 4).SequenceEqual("PE\0\0"u8))
                {
                    return ".exe";
                }
            }
        }

        for (var i = IndexOf(data, [0x7F, 0x45, 0x4C, 0x46], from); i >= 0; i = IndexOf(data, [0x7F, 0x45, 0x4C, 0x46], i + 1))
        {
            // ELF identification: class 1/2, data 1/2, version 1.
            if (i + 7 <= data.Length && data[i + 4] is 1 or 2 && data[i + 5] is 1 or 2 && data[i + 6] == 1)
            {
                return "ELF";
            }
        }

        return null;
    }

    /// <summary>
    /// A ZIP end-of-central-directory record that ends exactly at the end of the file (with its comment), or that follows
    /// the central directory it describes (then with anything after it).
    /// </summary>
    private static bool HasAppendedZip(byte[] tail)
    {
        for (var i = LastIndexOf(tail, ZipEnd); i >= 0; i = i > 0 ? LastIndexOf(tail.AsSpan(0, i), ZipEnd) : -1)
        {
            if (i + 22 > tail.Length)
            {
                continue;
            }

            if (i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) == tail.Length)
            {
                return true;
            }

            var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12));
            if (directorySize >= 46 && directorySize <= i && tail.AsSpan(i - (int)directorySize).StartsWith("PK\x01\x02"u8))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A ZIP local file header after <paramref name="from"/>: signature, a plausible version and a printable name.</summary>
    private static bool HasZipLocalHeader(byte[] data, int from)
    {
        for (var i = IndexOf(data, ZipLocal, from); i >= 0; i = IndexOf(data, ZipLocal, i + 1))
        {
            if (i + 30 > data.Length || data[i + 5] != 0 || data[i + 4] > 63)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(i + 26));
            if (nameLength is > 0 and <= 1024 && i + 30 + nameLength <= data.Length
                && data.AsSpan(i + 30, nameLength).IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An MPEG audio frame header (MPEG 1/2/2.5, layer I–III, valid bit rate and sampling rate).</summary>
    private static bool IsMpegAudioFrame(byte[] h)
        => h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x18) != 0x08 && (h[1] & 0x06) != 0
           && (h[2] & 0xF0) != 0xF0 && (h[2] & 0xF0) != 0 && (h[2] & 0x0C) != 0x0C;

    private static async Task<byte[]> ReadAtAsync(Stream stream, long position, int count, CancellationToken ct)
    {
        stream.Position = position;
        var buffer = new byte[count];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, ct);
        return read == count ? buffer : buffer[..read];
    }

    private static bool StartsWith(byte[] data, ReadOnlySpan<byte> prefix) => data.AsSpan().StartsWith(prefix);

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int from)
    {
        if (from >= data.Length)
        {
            return -1;
        }

        var i = data.AsSpan(from).IndexOf(value);
        return i < 0 ? -1 : i + from;
    }

    private static int LastIndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> value) => data.LastIndexOf(value);

    /// <summary>Bytes as Latin-1 characters, ASCII letters lowered: positions match the bytes.</summary>
    private static string LowerAscii(byte[] data, int offset, int count)
        => string.Create(count, (data, offset), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var b = state.data[state.offset + i];
                span[i] = (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b);
            }
        });
}
