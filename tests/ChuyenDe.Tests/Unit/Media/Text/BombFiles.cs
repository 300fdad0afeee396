using System.IO.Compression;
using System.Text;

namespace ChuyenDe.Tests.Unit.Media.Text;

/// <summary>
/// Decompression bombs built in memory in well under a second: Deflate data for a run of one byte is made once for
/// 1 MiB (a sync flush leaves it byte-aligned and not final) and repeated, so a 1 GiB part costs about 1 MB.
/// Deflate cannot pack more than about 1,030 to 1, so a part of 1 GiB needs about 1 MB.
/// </summary>
public static class BombFiles
{
    public const long GiB = 1024L * 1024 * 1024;

    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Raw Deflate data of <paramref name="prefix"/>, <paramref name="length"/> times <paramref name="fill"/> (rounded to MiB), <paramref name="suffix"/>.</summary>
    public static byte[] Deflate(byte[] prefix, byte fill, long length, byte[] suffix)
    {
        const int chunkSize = 1024 * 1024;
        using var chunkStream = new MemoryStream();
        var deflate = new DeflateStream(chunkStream, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(Enumerable.Repeat(fill, chunkSize).ToArray());
        deflate.Flush();
        var chunk = chunkStream.ToArray();
        deflate.Dispose();

        using var output = new MemoryStream();
        Stored(output, prefix, final: false);
        for (long written = 0; written < length; written += chunkSize)
        {
            output.Write(chunk);
        }

        Stored(output, suffix, final: true);
        return output.ToArray();

        static void Stored(MemoryStream output, byte[] data, bool final)
        {
            // A stored block: the 3 header bits then padding make one byte when the stream is byte-aligned.
            output.WriteByte(final ? (byte)1 : (byte)0);
            output.Write(BitConverter.GetBytes((ushort)data.Length));
            output.Write(BitConverter.GetBytes((ushort)~data.Length));
            output.Write(data);
        }
    }

    /// <summary>
    /// A DOCX (content types, package relationships, main part) whose <c>word/document.xml</c> is one paragraph of
    /// <paramref name="length"/> letters. <paramref name="declaredLength"/>: the uncompressed size the ZIP states for it
    /// (default: the true size).
    /// </summary>
    public static byte[] Docx(long length = GiB, long? declaredLength = null)
    {
        var prefix = Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{WordNs}"><w:body><w:p><w:r><w:t>""");
        var suffix = Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>");
        var data = Deflate(prefix, (byte)'a', length, suffix);
        var trueLength = prefix.Length + ((length + 1024 * 1024 - 1) / (1024 * 1024) * 1024 * 1024) + suffix.Length;
        return Zip(
            ("[Content_Types].xml", Packed(ContentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))),
            ("_rels/.rels", Packed(PackageRels("word/document.xml"))),
            ("word/document.xml", new ZipData(data, declaredLength ?? trueLength, 0)));
    }

    /// <summary>A one-page PDF whose content stream is FlateDecode data inflating to <paramref name="length"/> zero bytes.</summary>
    public static byte[] Pdf(long length = 2 * GiB, int flateLayers = 1)
    {
        // zlib framing: a header, the Deflate data, an Adler-32 that nobody reaches.
        var data = Deflate([], 0, length, []);
        for (var layer = 1; layer < flateLayers; layer++)
        {
            using var again = new MemoryStream();
            using (var deflate = new DeflateStream(again, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write([0x78, 0xDA]);
                deflate.Write(data);
                deflate.Write(new byte[4]);
            }

            data = again.ToArray();
        }

        var filter = string.Join(" ", Enumerable.Repeat("/FlateDecode", flateLayers));
        return PdfWithContent(data, flateLayers > 1 ? $"[{filter}]" : filter);
    }

    /// <summary>A one-page PDF whose content stream holds <paramref name="deflate"/> (zlib-framed here) under <paramref name="filter"/>.</summary>
    public static byte[] PdfWithContent(byte[] deflate, string filter)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Text("%PDF-1.4\n%\u00e2\u00e3\n");
        offsets.Add(pdf.Position);
        Text("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.Add(pdf.Position);
        Text("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.Add(pdf.Position);
        Text("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets.Add(pdf.Position);
        Text($"4 0 obj\n<< /Length {deflate.Length + 6} /Filter {filter} >>\nstream\n");
        pdf.Write([0x78, 0xDA]);
        pdf.Write(deflate);
        pdf.Write(new byte[4]);
        Text("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Text("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Text($"{offset:D10} 00000 n \n");
        }

        Text($"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    public static string ContentTypes(string mainPart, string mainType, params (string Part, string Type)[] more)
        => """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
           + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"""
           + $"""<Override PartName="/{mainPart}" ContentType="{mainType}"/>"""
           + string.Concat(more.Select(m => $"""<Override PartName="/{m.Part}" ContentType="{m.Type}"/>"""))
           + "</Types>";

    public static string PackageRels(string mainPart)
        => """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
           + $"""<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart}"/>"""
           + "</Relationships>";

    /// <summary>Deflate data of an entry, the uncompressed size to declare and its CRC-32.</summary>
    public sealed record ZipData(byte[] Deflated, long DeclaredLength, uint Crc);

    public static ZipData Packed(string text) => Packed(Encoding.UTF8.GetBytes(text));

    public static ZipData Packed(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return new ZipData(output.ToArray(), bytes.Length, Crc32(bytes));
    }

    /// <summary>A ZIP written field by field, so that an entry may declare any size.</summary>
    public static byte[] Zip(params (string Name, ZipData Data)[] entries)
    {
        using var zip = new MemoryStream();
        using var writer = new BinaryWriter(zip);
        var central = new List<(string Name, ZipData Data, uint Offset)>();
        foreach (var (name, data) in entries)
        {
            central.Add((name, data, (uint)zip.Position));
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x04034B50u);
            writer.Write((ushort)20);
            writer.Write((ushort)0x0800);
            writer.Write((ushort)8);
            writer.Write(0u);
            writer.Write(data.Crc);
            writer.Write((uint)data.Deflated.Length);
            writer.Write((uint)data.DeclaredLength);
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write(nameBytes);
            writer.Write(data.Deflated);
        }

        var directoryStart = (uint)zip.Position;
        foreach (var (name, data, offset) in central)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x02014B50u);
            writer.Write((ushort)20);
            writer.Write((ushort)20);
            writer.Write((ushort)0x0800);
            writer.Write((ushort)8);
            writer.Write(0u);
            writer.Write(data.Crc);
            writer.Write((uint)data.Deflated.Length);
            writer.Write((uint)data.DeclaredLength);
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(offset);
            writer.Write(nameBytes);
        }

        var directoryEnd = (uint)zip.Position;
        writer.Write(0x06054B50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)central.Count);
        writer.Write((ushort)central.Count);
        writer.Write(directoryEnd - directoryStart);
        writer.Write(directoryStart);
        writer.Write((ushort)0);
        writer.Flush();
        return zip.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
