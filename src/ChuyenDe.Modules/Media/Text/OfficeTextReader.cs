using System.IO.Compression;
using System.Text;
using System.Xml;
using ChuyenDe.Modules.Media.Uploads;

namespace ChuyenDe.Modules.Media.Text;

/// <summary>
/// The text of DOCX and PPTX documents, read as a stream of XML nodes straight from the ZIP: every part is inflated
/// through an <see cref="InflationGuardStream"/> (part size, compression ratio, the document's total, cancellation),
/// text nodes are read in chunks and reading stops once <see cref="MediaTextOptions.MaxCharacters"/> are collected, so
/// memory stays bounded whatever the document declares.
/// </summary>
internal sealed class OfficeTextReader
{
    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string WordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string DrawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string DrawingStrict = "http://purl.oclc.org/ooxml/drawingml/main";
    private const string PresentationMain = "http://schemas.openxmlformats.org/presentationml/2006/main";
    private const string PresentationStrict = "http://purl.oclc.org/ooxml/presentationml/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string RelationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private readonly MediaTextOptions options;
    private readonly CancellationToken ct;
    private readonly InflationBudget budget;
    private readonly char[] chunk = new char[4096];
    private int characters;

    public OfficeTextReader(MediaTextOptions options, CancellationToken ct)
    {
        this.options = options;
        this.ct = ct;
        budget = new InflationBudget(options.MaxTotalBytes);
    }

    /// <summary>Set when a limit cut the text short.</summary>
    public TextLimit Limit { get; private set; }

    public (string Text, int? Pages) ReadDocx(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var package = Open(zip);
        var main = package.MainPartName() is { } name && package.Entries.TryGetValue(name, out var entry)
            ? entry
            : throw new InvalidDataException("The document has no main part.");
        var lines = new List<string?>();
        try
        {
            using var reader = package.OpenXml(main, options.MaxPartBytes);
            ReadParagraphs(reader, lines, IsWord, WordText);
        }
        catch (ExtractionLimitException e) when (!e.Refuse)
        {
            Limit = e.Limit;
        }

        return (string.Join("\n", lines.Select(l => l ?? "")), null);
    }

    public (string Text, int? Pages) ReadPptx(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var package = Open(zip);
        var presentationName = package.MainPartName() ?? throw new InvalidDataException("The presentation has no presentation part.");
        if (!package.Entries.TryGetValue(presentationName, out var presentation))
        {
            throw new InvalidDataException("The presentation has no presentation part.");
        }

        var slideIds = new List<string>();
        using (var reader = package.OpenXml(presentation, options.MaxPartBytes))
        {
            while (reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sldId" && reader.NamespaceURI is PresentationMain or PresentationStrict
                    && (reader.GetAttribute("id", RelationshipsNs) ?? reader.GetAttribute("id", RelationshipsStrict)) is { } id)
                {
                    slideIds.Add(id);
                }
            }
        }

        var targets = package.Relationships(presentationName).Where(r => !r.External).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Target);
        var slides = new List<string>();
        try
        {
            foreach (var id in slideIds)
            {
                ct.ThrowIfCancellationRequested();
                if (slides.Count >= options.MaxPages)
                {
                    Limit = TextLimit.Pages;
                    break;
                }

                if (!targets.TryGetValue(id, out var target) || !package.Entries.TryGetValue(target, out var slide))
                {
                    continue;
                }

                var lines = new List<string?>();
                try
                {
                    using var reader = package.OpenXml(slide, options.MaxPartBytes);
                    ReadParagraphs(reader, lines, IsDrawing, DrawingText);
                }
                finally
                {
                    slides.Add(string.Join("\n", lines.Select(l => l ?? "")));
                }
            }
        }
        catch (ExtractionLimitException e) when (!e.Refuse)
        {
            Limit = e.Limit;
        }

        return (string.Join("\n\n", slides), slideIds.Count);
    }

    private OfficePackage Open(ZipArchive zip)
    {
        // Declared sizes first: an entry that claims a bomb's ratio is refused before a byte of it is inflated.
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > options.RatioCheckMinBytes && entry.Length > Math.Max(entry.CompressedLength, 1) * (long)options.MaxCompressionRatio)
            {
                throw new ExtractionLimitException(TextLimit.CompressionRatio, refuse: true);
            }
        }

        return OfficePackage.Read(zip, OpenEntry) ?? throw new InvalidDataException("The document is no Office package.");
    }

    private Stream OpenEntry(ZipArchiveEntry entry, long maxBytes)
        => new InflationGuardStream(entry.Open(), maxBytes, entry.CompressedLength, options.MaxCompressionRatio, options.RatioCheckMinBytes, budget, ct,
            declaredLength: entry.Length);

    private static bool IsWord(XmlReader r, string localName) => r.LocalName == localName && r.NamespaceURI is WordMain or WordStrict;

    private static bool IsDrawing(XmlReader r, string localName) => r.LocalName == localName && r.NamespaceURI is DrawingMain or DrawingStrict;

    /// <summary>w:t adds its text, w:tab a space, w:br and w:cr a line break.</summary>
    private static string? WordText(XmlReader r)
        => IsWord(r, "tab") ? " " : IsWord(r, "br") || IsWord(r, "cr") ? "\n" : null;

    private static string? DrawingText(XmlReader r) => null;

    /// <summary>
    /// One line per paragraph (<c>p</c> in the reader's vocabulary), in the order the paragraphs start; a paragraph nested
    /// in another (a text box) has its own line, its text is not its parent's. Text of <c>t</c> elements is read in chunks.
    /// </summary>
    private void ReadParagraphs(XmlReader reader, List<string?> lines, Func<XmlReader, string, bool> @is, Func<XmlReader, string?> special)
    {
        var open = new Stack<(int Line, StringBuilder Text)>();
        var textDepth = 0;
        try
        {
            ReadNodes();
        }
        finally
        {
            // Also when a limit stops reading: the paragraphs begun keep the text read so far.
            foreach (var (line, text) in open)
            {
                lines[line] = text.ToString();
            }
        }

        void ReadNodes()
        {
            while (reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when @is(reader, "p"):
                        lines.Add(reader.IsEmptyElement ? "" : null);
                        if (!reader.IsEmptyElement)
                        {
                            open.Push((lines.Count - 1, new StringBuilder()));
                        }

                        break;
                    case XmlNodeType.EndElement when @is(reader, "p") && open.Count > 0:
                        var (line, text) = open.Pop();
                        lines[line] = text.ToString();
                        break;
                    case XmlNodeType.Element when @is(reader, "t"):
                        if (!reader.IsEmptyElement)
                        {
                            textDepth++;
                        }

                        break;
                    case XmlNodeType.EndElement when @is(reader, "t"):
                        textDepth = Math.Max(0, textDepth - 1);
                        break;
                    case XmlNodeType.Element when open.Count > 0 && special(reader) is { } added:
                        Append(open.Peek().Text, added);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                        when textDepth > 0 && open.Count > 0:
                        var builder = open.Peek().Text;
                        if (reader.CanReadValueChunk)
                        {
                            int read;
                            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                            {
                                Append(builder, chunk.AsSpan(0, read));
                            }
                        }
                        else
                        {
                            Append(builder, reader.Value);
                        }

                        break;
                }
            }
        }
    }

    private void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        ct.ThrowIfCancellationRequested();
        builder.Append(text);
        characters += text.Length;
        // Some slack over the cap: normalisation collapses white space before cutting.
        if (characters > options.MaxCharacters + options.MaxCharacters / 4 + 1024)
        {
            throw new ExtractionLimitException(TextLimit.Characters, refuse: false);
        }
    }
}
