using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ChuyenDe.Modules.Media.Text;

namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>
/// What an Office file really holds. OOXML (DOCX/XLSX/PPTX): the main part that the package's <c>officeDocument</c>
/// relationship names, with the content type of its kind; no VBA project, macro-enabled content type or macro sheet; no
/// embedded program (an entry starting with <c>MZ</c> or named like a program), OLE object or package, ActiveX control.
/// OLE compound files (DOC/XLS/PPT): the whole directory is read through the FAT, and a VBA storage or an OLE package
/// refuses the file. ODT: a <c>content.xml</c>, no Basic or script macros, no program.
/// </summary>
internal static class OfficeInspector
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string PowerPointMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    private const string OleObjectType = "application/vnd.openxmlformats-officedocument.oleObject";
    private const string OleObjectRelationship = "/oleObject";
    private const string PackageRelationship = "/package";

    private static readonly string[] ProgramExtensions =
    [
        ".exe", ".dll", ".scr", ".com", ".pif", ".cpl", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse",
        ".wsf", ".wsh", ".hta", ".jar", ".lnk", ".reg", ".sh", ".elf", ".so", ".dylib",
    ];

    /// <summary>Names of OLE directory entries that hold VBA macros (Word: <c>Macros</c>; Excel: <c>_VBA_PROJECT_CUR</c>; both: <c>VBA</c>).</summary>
    private static readonly string[] VbaNames = ["VBA", "_VBA_PROJECT_CUR", "_VBA_PROJECT", "Macros"];

    /// <summary>Checks the entries' declared sizes: one that claims to inflate like a bomb is named.</summary>
    public static string? BombEntry(ZipArchive zip, MediaTextOptions limits)
        => zip.Entries.FirstOrDefault(e => e.Length > limits.RatioCheckMinBytes
                                           && e.Length > Math.Max(e.CompressedLength, 1) * (long)limits.MaxCompressionRatio)?.FullName;

    /// <summary>A ZIP with <c>[Content_Types].xml</c>: DOCX, XLSX or PPTX by its main part, or why it is refused.</summary>
    public static DetectedFile InspectOoxml(ZipArchive zip, MediaTextOptions limits)
    {
        var budget = new InflationBudget(limits.MaxTotalBytes);
        Stream Open(ZipArchiveEntry entry, long max)
            => new InflationGuardStream(entry.Open(), max, entry.CompressedLength, limits.MaxCompressionRatio, limits.RatioCheckMinBytes, budget,
                CancellationToken.None, declaredLength: entry.Length);

        var package = OfficePackage.Read(zip, Open);
        if (package is null)
        {
            return new(FileKind.InvalidOffice, "[Content_Types].xml");
        }

        var types = package.DefaultTypes.Values.Concat(package.OverrideTypes.Values).ToList();
        if (package.Entries.Keys.FirstOrDefault(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                                                      || n.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)
                                                      || n.Contains("/macrosheets/", StringComparison.OrdinalIgnoreCase)) is { } macroPart)
        {
            return new(FileKind.OfficeWithMacros, macroPart);
        }

        if (types.FirstOrDefault(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                                      || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                                      || t.Contains("ms-excel.macrosheet", StringComparison.OrdinalIgnoreCase)
                                      || t.Contains("ms-excel.intlmacrosheet", StringComparison.OrdinalIgnoreCase)) is { } macroType)
        {
            return new(FileKind.OfficeWithMacros, macroType);
        }

        if (types.FirstOrDefault(t => t.Equals(OleObjectType, StringComparison.OrdinalIgnoreCase)
                                      || t.Contains("activeX", StringComparison.OrdinalIgnoreCase)) is { } oleType)
        {
            return new(FileKind.OfficeWithEmbeddedCode, oleType);
        }

        foreach (var (name, entry) in package.Entries)
        {
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (ProgramExtensions.Contains(extension) || name.Contains("/activeX/", StringComparison.OrdinalIgnoreCase)
                || (name.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase) && extension == ".bin"))
            {
                return new(FileKind.OfficeWithEmbeddedCode, name);
            }

            if (StartsWithProgram(Open(entry, 4)))
            {
                return new(FileKind.OfficeWithEmbeddedCode, name);
            }
        }

        var main = package.MainPartName();
        if (main is null || !package.Entries.ContainsKey(main))
        {
            return new(FileKind.InvalidOffice, main ?? "officeDocument");
        }

        // Every relationship of the main part: an OLE object or package kept elsewhere in the ZIP is named there.
        if (package.Relationships(main).FirstOrDefault(r => r.Type.EndsWith(OleObjectRelationship, StringComparison.OrdinalIgnoreCase)
                                                            || r.Type.EndsWith(PackageRelationship, StringComparison.OrdinalIgnoreCase)) is { } ole)
        {
            return new(FileKind.OfficeWithEmbeddedCode, ole.Target);
        }

        return package.ContentTypeOf(main) switch
        {
            WordMain => new(FileKind.Docx),
            ExcelMain => new(FileKind.Xlsx),
            PowerPointMain => new(FileKind.Pptx),
            var other => new(FileKind.InvalidOffice, main + ", " + (other ?? "?")),
        };
    }

    /// <summary>An ODT (its <c>mimetype</c> already checked): <c>content.xml</c> present, no macros, no program.</summary>
    public static DetectedFile InspectOdt(ZipArchive zip, MediaTextOptions limits)
    {
        var budget = new InflationBudget(limits.MaxTotalBytes);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        if (!names.Contains("content.xml", StringComparer.Ordinal))
        {
            return new(FileKind.InvalidOffice, "content.xml");
        }

        if (names.FirstOrDefault(n => n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)
                                      || n.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase)) is { } macro)
        {
            return new(FileKind.OfficeWithMacros, macro);
        }

        foreach (var entry in zip.Entries)
        {
            if (ProgramExtensions.Contains(Path.GetExtension(entry.FullName).ToLowerInvariant())
                || StartsWithProgram(new InflationGuardStream(entry.Open(), 4, entry.CompressedLength, limits.MaxCompressionRatio,
                    limits.RatioCheckMinBytes, budget, CancellationToken.None)))
            {
                return new(FileKind.OfficeWithEmbeddedCode, entry.FullName);
            }
        }

        return new(FileKind.Odt);
    }

    /// <summary>Whether the first bytes are those of a Windows (<c>MZ</c>) or ELF program. Disposes the stream.</summary>
    private static bool StartsWithProgram(Stream stream)
    {
        using (stream)
        {
            Span<byte> head = stackalloc byte[4];
            int read;
            try
            {
                read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            }
            catch (ExtractionLimitException)
            {
                read = 4;
            }

            return (read >= 2 && head[0] == (byte)'M' && head[1] == (byte)'Z')
                   || (read >= 4 && head.SequenceEqual((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]));
        }
    }

    /// <summary>
    /// The directory of an OLE compound file, followed through the FAT (loops and sectors outside the file end the
    /// chain): a Windows Installer class, a VBA storage, an OLE package stream, and which of .doc/.xls/.ppt it is.
    /// </summary>
    public static DetectedFile InspectOle(Stream content, long start, long length)
    {
        var header = new byte[512];
        if (length < 512 || ReadAt(content, start, header) < 512)
        {
            return new(FileKind.OleCompound);
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12))
        {
            return new(FileKind.OleCompound);
        }

        var sectorSize = 1 << sectorShift;
        var sectorCount = (length + sectorSize - 1) / sectorSize;
        var perFatSector = sectorSize / 4;
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + i * 4)));
        }

        // Further FAT sectors are listed in the DIFAT chain.
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        var difatSector = new byte[sectorSize];
        var seen = new HashSet<uint>();
        while (difat < sectorCount && seen.Add(difat) && ReadAt(content, start + (difat + 1L) * sectorSize, difatSector) == sectorSize)
        {
            for (var i = 0; i < perFatSector - 1; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(difatSector.AsSpan(i * 4)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(difatSector.AsSpan((perFatSector - 1) * 4));
        }

        uint? Next(uint sector)
        {
            var index = sector / (uint)perFatSector;
            if (index >= fatSectors.Count || fatSectors[(int)index] >= sectorCount)
            {
                return null;
            }

            Span<byte> entry = stackalloc byte[4];
            return ReadAt(content, start + (fatSectors[(int)index] + 1L) * sectorSize + sector % perFatSector * 4, entry) == 4
                ? BinaryPrimitives.ReadUInt32LittleEndian(entry)
                : null;
        }

        string? kind = null;
        var directory = new byte[sectorSize];
        var visited = new HashSet<uint>();
        for (uint? sector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
             sector is { } s && s < sectorCount && visited.Add(s);
             sector = Next(s))
        {
            if (ReadAt(content, start + (s + 1L) * sectorSize, directory) < sectorSize)
            {
                break;
            }

            for (var offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                var e = directory.AsSpan(offset, 128);
                var type = e[0x42];
                if (type is not (1 or 2 or 5))
                {
                    continue;
                }

                var nameBytes = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(e[0x40..]), 64);
                var name = nameBytes >= 2 ? Encoding.Unicode.GetString(e[..(nameBytes - 2)]) : "";
                if (type == 5)
                {
                    // Root entry: Windows Installer classes are {000C1084-…} (MSI), {000C1086-…} (MSP), {000C1082-…} (MST).
                    var clsid = e.Slice(0x50, 16);
                    if (clsid[1] == 0x10 && clsid[2] == 0x0C && clsid[3] == 0x00 && clsid[0] is 0x84 or 0x86 or 0x82
                        && clsid[8] == 0xC0 && clsid[15] == 0x46)
                    {
                        return new(FileKind.Executable, ".msi");
                    }

                    continue;
                }

                if (VbaNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    return new(FileKind.OfficeWithMacros, name);
                }

                if (name is "\u0001Ole10Native")
                {
                    return new(FileKind.OfficeWithEmbeddedCode, "Ole10Native");
                }

                kind ??= name switch
                {
                    "WordDocument" => ".doc",
                    "Workbook" or "Book" => ".xls",
                    "PowerPoint Document" => ".ppt",
                    _ => null,
                };
            }
        }

        return new(FileKind.OleCompound, kind);
    }

    private static int ReadAt(Stream stream, long position, Span<byte> buffer)
    {
        stream.Position = position;
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }
}
