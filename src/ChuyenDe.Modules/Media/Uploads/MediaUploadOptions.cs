namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>What may be uploaded to the media library, bound from <c>ChuyenDe:Media:Uploads</c>.</summary>
public sealed class MediaUploadOptions
{
    public const string Section = "ChuyenDe:Media:Uploads";

    public const long MegaByte = 1024 * 1024;

    /// <summary>The extensions allowed when <see cref="AllowedExtensions"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".jpg", ".jpeg", ".png", ".webp", ".gif", ".mp4", ".mp3"];

    /// <summary>
    /// Allowed extensions (with or without the dot, any case). Null means <see cref="DefaultExtensions"/>; a configured list
    /// replaces the defaults (it is not added to them).
    /// </summary>
    public string[]? AllowedExtensions { get; set; }

    /// <summary>Per document (PDF, Word, Excel, PowerPoint, OpenDocument).</summary>
    public long MaxDocumentBytes { get; set; } = 50 * MegaByte;

    /// <summary>Per image.</summary>
    public long MaxImageBytes { get; set; } = 50 * MegaByte;

    /// <summary>Per video.</summary>
    public long MaxVideoBytes { get; set; } = 500 * MegaByte;

    /// <summary>Per audio file.</summary>
    public long MaxAudioBytes { get; set; } = 50 * MegaByte;

    /// <summary>SVG is refused by default; when allowed, only SVG with no script, event attribute or <c>javascript:</c>.</summary>
    public bool AllowSvg { get; set; }

    /// <summary>The effective allowed extensions, lower case with a leading dot.</summary>
    public IReadOnlySet<string> EffectiveExtensions()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in AllowedExtensions is { Length: > 0 } configured ? configured : DefaultExtensions)
        {
            var ext = raw.Trim().ToLowerInvariant();
            if (ext.Length == 0)
            {
                continue;
            }

            set.Add(ext.StartsWith('.') ? ext : "." + ext);
        }

        if (AllowSvg)
        {
            set.Add(".svg");
        }

        return set;
    }

    public long MaxBytesFor(MediaCategory category) => category switch
    {
        MediaCategory.Image => MaxImageBytes,
        MediaCategory.Video => MaxVideoBytes,
        MediaCategory.Audio => MaxAudioBytes,
        _ => MaxDocumentBytes,
    };

    /// <summary>The largest of the limits: what a file of unknown kind may be before it is looked at.</summary>
    public long MaxBytesOfAnyKind() => Math.Max(Math.Max(MaxDocumentBytes, MaxImageBytes), Math.Max(MaxVideoBytes, MaxAudioBytes));
}
