namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>The real kind of a file, from its content.</summary>
public enum FileKind
{
    /// <summary>Not a kind this site knows.</summary>
    Unknown,
    Empty,
    Pdf,

    /// <summary>An OLE compound file: DOC, XLS or PPT (the header does not say which).</summary>
    OleCompound,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Jpeg,
    Png,
    Gif,
    WebP,
    Mp4,
    Mp3,
    Svg,

    // Refused kinds.
    Executable,
    Html,
    SvgWithScript,
    Archive,
    Polyglot,

    /// <summary>An Office document with macros (VBA project, macro-enabled content type, Excel 4.0 macro sheet).</summary>
    OfficeWithMacros,

    /// <summary>An Office document carrying a program: an embedded executable, an OLE object or package, an ActiveX control.</summary>
    OfficeWithEmbeddedCode,

    /// <summary>A ZIP-based document with an entry that inflates like a decompression bomb.</summary>
    CompressionBomb,

    /// <summary>A ZIP that looks like an Office document but lacks the main part of its kind (or has it with another content type).</summary>
    InvalidOffice,
}

public enum MediaCategory
{
    Document,
    Image,
    Video,
    Audio,
}

/// <summary>Extensions, content types and categories of the kinds that can be accepted.</summary>
public static class FileKinds
{
    private sealed record Info(string[] Extensions, string ContentType, MediaCategory Category);

    private static readonly Dictionary<FileKind, Info> Infos = new()
    {
        [FileKind.Pdf] = new([".pdf"], "application/pdf", MediaCategory.Document),
        [FileKind.OleCompound] = new([".doc", ".xls", ".ppt"], "application/x-ole-storage", MediaCategory.Document),
        [FileKind.Docx] = new([".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaCategory.Document),
        [FileKind.Xlsx] = new([".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaCategory.Document),
        [FileKind.Pptx] = new([".pptx"], "application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaCategory.Document),
        [FileKind.Odt] = new([".odt"], "application/vnd.oasis.opendocument.text", MediaCategory.Document),
        [FileKind.Jpeg] = new([".jpg", ".jpeg"], "image/jpeg", MediaCategory.Image),
        [FileKind.Png] = new([".png"], "image/png", MediaCategory.Image),
        [FileKind.Gif] = new([".gif"], "image/gif", MediaCategory.Image),
        [FileKind.WebP] = new([".webp"], "image/webp", MediaCategory.Image),
        [FileKind.Mp4] = new([".mp4"], "video/mp4", MediaCategory.Video),
        [FileKind.Mp3] = new([".mp3"], "audio/mpeg", MediaCategory.Audio),
        [FileKind.Svg] = new([".svg"], "image/svg+xml", MediaCategory.Image),
    };

    private static readonly Dictionary<string, string> OleContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>Whether <paramref name="kind"/> is one a file may be accepted as (before options are applied).</summary>
    public static bool IsAcceptable(FileKind kind) => Infos.ContainsKey(kind);

    /// <summary>The extensions a file of this kind may carry (the first is canonical); empty for refused kinds.</summary>
    public static IReadOnlyList<string> ExtensionsOf(FileKind kind) => Infos.TryGetValue(kind, out var info) ? info.Extensions : [];

    /// <summary>The kind's canonical extension, or the given one when it is one of the kind's (.doc, .xls or .ppt for OLE).</summary>
    public static string CanonicalExtension(FileKind kind, string extension)
    {
        var extensions = ExtensionsOf(kind);
        if (kind == FileKind.OleCompound && extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return extension.ToLowerInvariant();
        }

        return extensions.Count > 0 ? extensions[0] : extension.ToLowerInvariant();
    }

    public static string ContentTypeOf(FileKind kind, string canonicalExtension)
        => kind == FileKind.OleCompound && OleContentTypes.TryGetValue(canonicalExtension, out var ole) ? ole
            : Infos.TryGetValue(kind, out var info) ? info.ContentType : "application/octet-stream";

    public static MediaCategory? CategoryOf(FileKind kind) => Infos.TryGetValue(kind, out var info) ? info.Category : null;

    /// <summary>The category an extension claims, or null for an extension of no known kind.</summary>
    public static MediaCategory? CategoryOfExtension(string extension)
        => Infos.Values.FirstOrDefault(i => i.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))?.Category;

    /// <summary>The kind an extension claims, or <see cref="FileKind.Unknown"/>.</summary>
    public static FileKind KindOfExtension(string extension)
        => Infos.FirstOrDefault(p => p.Value.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)).Key;
}
