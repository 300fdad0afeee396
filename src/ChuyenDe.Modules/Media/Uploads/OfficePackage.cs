using System.IO.Compression;
using System.Xml;

namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>
/// The Open Packaging Conventions parts of a DOCX/XLSX/PPTX read straight from the ZIP (no System.IO.Packaging, which
/// inflates parts without limits): part names, <c>[Content_Types].xml</c> and relationships.
/// </summary>
internal sealed class OfficePackage
{
    public const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string StrictOfficeDocumentRelationship = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    /// <summary>Bytes <c>[Content_Types].xml</c> and a <c>.rels</c> part may inflate to.</summary>
    public const long MaxMetadataBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, ZipArchiveEntry> entries;
    private readonly Func<ZipArchiveEntry, long, Stream> open;

    private OfficePackage(Dictionary<string, ZipArchiveEntry> entries, Func<ZipArchiveEntry, long, Stream> open)
    {
        this.entries = entries;
        this.open = open;
    }

    /// <summary>Part name (no leading '/') → entry; case-insensitive as OPC requires.</summary>
    public IReadOnlyDictionary<string, ZipArchiveEntry> Entries => entries;

    public Dictionary<string, string> DefaultTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> OverrideTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the part names and content types, or null when the ZIP is no package (no <c>[Content_Types].xml</c>, two
    /// parts of the same name). <paramref name="open"/> opens an entry for reading, inflating at most the given bytes.
    /// </summary>
    public static OfficePackage? Read(ZipArchive zip, Func<ZipArchiveEntry, long, Stream> open)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (!entries.TryAdd(entry.FullName.TrimStart('/'), entry))
            {
                return null;
            }
        }

        var package = new OfficePackage(entries, open);
        if (!entries.TryGetValue("[Content_Types].xml", out var types))
        {
            return null;
        }

        using var reader = package.OpenXml(types, MaxMetadataBytes);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var contentType = reader.GetAttribute("ContentType")?.Trim();
            if (contentType is null)
            {
                continue;
            }

            if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
            {
                package.DefaultTypes.TryAdd(extension.Trim().TrimStart('.'), contentType);
            }
            else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } partName)
            {
                package.OverrideTypes.TryAdd(Uri.UnescapeDataString(partName.Trim()).TrimStart('/'), contentType);
            }
        }

        return package;
    }

    /// <summary>The content type of a part: its override, else the default of its extension.</summary>
    public string? ContentTypeOf(string partName)
    {
        if (OverrideTypes.TryGetValue(partName, out var type))
        {
            return type;
        }

        var extension = Path.GetExtension(partName).TrimStart('.');
        return DefaultTypes.TryGetValue(extension, out var byDefault) ? byDefault : null;
    }

    /// <summary>The part the package's <c>officeDocument</c> relationship points at (no leading '/'), or null.</summary>
    public string? MainPartName()
        => Relationships("").FirstOrDefault(r => !r.External && r.Type is OfficeDocumentRelationship or StrictOfficeDocumentRelationship)?.Target;

    public sealed record Relationship(string Id, string Type, string Target, bool External);

    /// <summary>The relationships of <paramref name="partName"/> ("" for the package), targets resolved to part names.</summary>
    public List<Relationship> Relationships(string partName)
    {
        var result = new List<Relationship>();
        var folder = partName.Contains('/') ? partName[..(partName.LastIndexOf('/') + 1)] : "";
        var relsName = folder + "_rels/" + partName[folder.Length..] + ".rels";
        if (!entries.TryGetValue(relsName, out var rels))
        {
            return result;
        }

        using var reader = OpenXml(rels, MaxMetadataBytes);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
            {
                continue;
            }

            var id = reader.GetAttribute("Id") ?? "";
            var type = reader.GetAttribute("Type")?.Trim() ?? "";
            var target = reader.GetAttribute("Target")?.Trim() ?? "";
            var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            result.Add(new Relationship(id, type, external ? target : Resolve(folder, target), external));
        }

        return result;
    }

    /// <summary>A relationship target relative to <paramref name="folder"/> (or absolute) as a part name.</summary>
    public static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('#', 2)[0]).Replace('\\', '/');
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>An XML reader over a part, inflating at most <paramref name="maxBytes"/>; no DTD, no external resources.</summary>
    public XmlReader OpenXml(ZipArchiveEntry entry, long maxBytes) => XmlReader.Create(open(entry, maxBytes), XmlSettings);

    public static XmlReaderSettings XmlSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };
}
