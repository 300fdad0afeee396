using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit.Sdk;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

/// <summary>Minimal real files of every kind, built in code.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(string text = "Hello")
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(text, 12, new PdfPoint(40, 750), font);
        return builder.Build();
    }

    /// <summary>A PDF whose pages hold the given lines, written with a TrueType font (for letters outside Latin-1).</summary>
    public static byte[] Pdf(string fontFile, params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(fontFile));
        foreach (var text in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText(text, 12, new PdfPoint(40, 750), font);
        }

        return builder.Build();
    }

    public static byte[] Docx(IEnumerable<string> paragraphs, string[][]? table = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text));
            }

            if (table is not null)
            {
                var t = new W.Table();
                foreach (var row in table)
                {
                    var tr = new W.TableRow();
                    foreach (var cell in row)
                    {
                        tr.Append(new W.TableCell(Paragraph(cell)));
                    }

                    t.Append(tr);
                }

                body.Append(t);
            }

            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();

        static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(new S.Cell { CellValue = new S.CellValue("42"), DataType = S.CellValues.Number })));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Trang 1" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A presentation whose slides hold the given paragraphs.</summary>
    public static byte[] Pptx(params string[][] slides)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            var ids = new P.SlideIdList();
            presentation.Presentation = new P.Presentation(ids);
            uint id = 256;
            foreach (var paragraphs in slides)
            {
                var slide = presentation.AddNewPart<SlidePart>();
                var textBody = new P.TextBody(new A.BodyProperties(), new A.ListStyle());
                foreach (var text in paragraphs)
                {
                    textBody.Append(new A.Paragraph(new A.Run(new A.Text(text))));
                }

                slide.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(
                    new P.NonVisualGroupShapeProperties(
                        new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
                    new P.GroupShapeProperties(),
                    new P.Shape(
                        new P.NonVisualShapeProperties(
                            new P.NonVisualDrawingProperties { Id = 2, Name = "Nội dung" }, new P.NonVisualShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
                        new P.ShapeProperties(),
                        textBody))));
                slide.Slide.Save();
                ids.Append(new P.SlideId { Id = id++, RelationshipId = presentation.GetIdOfPart(slide) });
            }

            presentation.Presentation.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Odt()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression);
            Write(zip, "content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body><office:text/></office:body></office:document-content>""", CompressionLevel.Optimal);
            Write(zip, "META-INF/manifest.xml", """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>""", CompressionLevel.Optimal);
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content, CompressionLevel.Optimal);
            }
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }

    public static byte[] Jpeg() => Image((i, s) => i.SaveAsJpeg(s));
    public static byte[] Png() => Image((i, s) => i.SaveAsPng(s));
    public static byte[] Gif() => Image((i, s) => i.SaveAsGif(s));
    public static byte[] WebP() => Image((i, s) => i.SaveAsWebp(s));

    private static byte[] Image(Action<Image<Rgba32>, Stream> save)
    {
        using var image = new Image<Rgba32>(16, 12, new Rgba32(200, 120, 40));
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    /// <summary>An ftyp box (isom), a free box and an empty mdat box.</summary>
    public static byte[] Mp4()
    {
        var bytes = new List<byte>();
        bytes.AddRange([0, 0, 0, 0x1C]);
        bytes.AddRange("ftypisom"u8.ToArray());
        bytes.AddRange([0, 0, 2, 0]);
        bytes.AddRange("isomiso2mp41"u8.ToArray());
        bytes.AddRange([0, 0, 0, 8]);
        bytes.AddRange("free"u8.ToArray());
        bytes.AddRange([0, 0, 0, 8]);
        bytes.AddRange("mdat"u8.ToArray());
        return [.. bytes];
    }

    /// <summary>An empty ID3v2.3 tag followed by one silent MPEG-1 layer III frame (128 kbit/s, 44.1 kHz).</summary>
    public static byte[] Mp3()
    {
        var bytes = new byte[10 + 417];
        "ID3"u8.CopyTo(bytes);
        bytes[3] = 3;
        bytes[10] = 0xFF;
        bytes[11] = 0xFB;
        bytes[12] = 0x90;
        bytes[13] = 0x64;
        return bytes;
    }

    /// <summary>The header sector of an OLE compound file (what DOC, XLS and PPT start with), with no directory read.</summary>
    public static byte[] Doc() => Ole(null, null, directorySector: 0xFFFFFFFE);

    /// <summary>
    /// An OLE compound file whose directory (sector 0) holds the root entry (with <paramref name="rootClass"/>) and one
    /// stream named <paramref name="streamName"/>.
    /// </summary>
    public static byte[] Ole(string? streamName, byte[]? rootClass, uint directorySector = 0)
    {
        var bytes = new byte[1536];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        bytes[0x18] = 0x3E;
        bytes[0x1A] = 0x03;
        bytes[0x1C] = 0xFE;
        bytes[0x1D] = 0xFF;
        bytes[0x1E] = 0x09;
        BitConverter.GetBytes(directorySector).CopyTo(bytes, 0x30);
        Entry(512, "Root Entry", 5, rootClass);
        if (streamName is not null)
        {
            Entry(640, streamName, 2, null);
        }

        return bytes;

        void Entry(int offset, string name, byte type, byte[]? clsid)
        {
            var encoded = Encoding.Unicode.GetBytes(name + "\0");
            encoded.CopyTo(bytes, offset);
            BitConverter.GetBytes((ushort)encoded.Length).CopyTo(bytes, offset + 0x40);
            bytes[offset + 0x42] = type;
            clsid?.CopyTo(bytes, offset + 0x50);
        }
    }

    /// <summary>The class of a Windows Installer package, {000C1084-0000-0000-C000-000000000046}, as stored.</summary>
    public static byte[] MsiClass => [0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46];

    /// <summary>A DOS header whose e_lfanew points at a PE signature: what a Windows program starts with.</summary>
    public static byte[] WindowsExecutable()
    {
        var bytes = new byte[1024];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        bytes[0x84] = 0x4C;
        bytes[0x85] = 0x01;
        return bytes;
    }

    public static byte[] Elf()
    {
        var bytes = new byte[512];
        byte[] ident = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0];
        ident.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Rar() => [.. "Rar!\x1A\x07\x01\x00"u8.ToArray(), .. new byte[64]];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>Runs a test with the Vietnamese UI culture (messages come from the .vi resources).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UseVietnameseAttribute : BeforeAfterTestAttribute
{
    private CultureInfo? _culture;
    private CultureInfo? _uiCulture;

    public override void Before(MethodInfo methodUnderTest)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = _culture!;
        CultureInfo.CurrentUICulture = _uiCulture!;
    }
}
