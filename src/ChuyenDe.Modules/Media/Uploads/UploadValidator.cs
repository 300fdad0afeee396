using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>
/// Decides whether an uploaded file may enter the media library: a usable name, an allowed extension, a size within the
/// limit of its kind, and content that really is what the extension says (no executable, HTML, SVG with script, archive
/// or polyglot). Refusals carry a Vietnamese message naming the file.
/// </summary>
public sealed class UploadValidator(
    FileTypeDetector detector,
    IOptions<MediaUploadOptions> options,
    IStringLocalizer<MediaUploadResources> T)
{
    private const int MaxOriginalNameLength = 1024;

    /// <param name="originalFileName">The name the browser sent (may contain a path: only the last segment is kept).</param>
    /// <param name="content">
    /// The file, readable and seekable (e.g. <c>IFormFile.OpenReadStream()</c> or a staged file), read from its current
    /// position; the position is restored so the caller can store the same stream afterwards.
    /// </param>
    /// <param name="declaredLength">The length the client announced, if any: a file announced too large is refused unread.</param>
    public async Task<UploadCheck> ValidateAsync(string originalFileName, Stream content, long? declaredLength, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The upload must be given as a readable, seekable stream.", nameof(content));
        }

        var settings = options.Value;
        var name = SafeFileName.Normalize(originalFileName);
        var extension = SafeFileName.ExtensionOf(name);
        if (string.IsNullOrWhiteSpace(originalFileName) || originalFileName.Length > MaxOriginalNameLength || extension.Length == 0)
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.BadName,
                T["The file “{0}” was not accepted: the name of a file needs an extension such as .pdf.", name]);
        }

        var claimedCategory = FileKinds.CategoryOfExtension(extension);
        var firstLimit = claimedCategory is { } claimed ? settings.MaxBytesFor(claimed) : settings.MaxBytesOfAnyKind();
        if (declaredLength > firstLimit)
        {
            return TooLarge(name, claimedCategory, firstLimit, FileKind.Unknown, declaredLength.Value);
        }

        var length = content.Length - content.Position;
        if (length <= 0)
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.Empty, T["The file “{0}” was not accepted: it is empty (0 bytes).", name], FileKind.Empty);
        }

        if (length > firstLimit)
        {
            return TooLarge(name, claimedCategory, firstLimit, FileKind.Unknown, length);
        }

        var detected = await detector.DetectAsync(content, ct);
        var kind = detected.Kind;
        switch (kind)
        {
            case FileKind.Empty:
                return UploadCheck.Refuse(name, UploadRefusalCode.Empty, T["The file “{0}” was not accepted: it is empty (0 bytes).", name], kind);
            case FileKind.Executable:
                return UploadCheck.Refuse(name, UploadRefusalCode.Executable,
                    T["The file “{0}” was not accepted: its content is really an executable program ({1}), not {2}.", name, detected.Detail ?? "", extension], kind, length);
            case FileKind.Html:
                return UploadCheck.Refuse(name, UploadRefusalCode.Html,
                    T["The file “{0}” was not accepted: its content is really a web page (HTML), not {1}.", name, extension], kind, length);
            case FileKind.SvgWithScript:
                return UploadCheck.Refuse(name, UploadRefusalCode.SvgScript,
                    T["The file “{0}” was not accepted: the SVG image contains script ({1}).", name, detected.Detail ?? ""], kind, length);
            case FileKind.Archive:
                return UploadCheck.Refuse(name, UploadRefusalCode.Archive,
                    T["The file “{0}” was not accepted: it is a compressed archive ({1}); upload the files it contains one by one.", name, detected.Detail ?? "ZIP"], kind, length);
            case FileKind.OfficeWithMacros:
                return UploadCheck.Refuse(name, UploadRefusalCode.Macros,
                    T["The file “{0}” was not accepted: it contains macros ({1}), which can run code on the computers that open it. Save it without macros (for example as .docx, .xlsx or .pptx) and upload it again.", name, detected.Detail ?? ""], kind, length);
            case FileKind.OfficeWithEmbeddedCode:
                return UploadCheck.Refuse(name, UploadRefusalCode.EmbeddedCode,
                    T["The file “{0}” was not accepted: it carries an embedded program or object ({1}) that could run on the computers that open it.", name, detected.Detail ?? ""], kind, length);
            case FileKind.CompressionBomb:
                return UploadCheck.Refuse(name, UploadRefusalCode.CompressionBomb,
                    T["The file “{0}” was not accepted: a part inside it ({1}) unpacks to far more than its size, as no real document does (a “decompression bomb”).", name, detected.Detail ?? ""], kind, length);
            case FileKind.InvalidOffice:
                return UploadCheck.Refuse(name, UploadRefusalCode.InvalidDocument,
                    T["The file “{0}” was not accepted: it is not a valid {1} document (its main part {2} is missing or of another kind).", name, extension, detected.Detail ?? ""], kind, length);
            case FileKind.Polyglot:
                var hidden = detected.Detail switch
                {
                    ".exe" or "ELF" => T["an executable program"].Value,
                    "ZIP" => T["a ZIP archive"].Value,
                    _ => T["web page code (HTML or script)"].Value,
                };
                var outer = FileKinds.ExtensionsOf(detected.OuterKind) is { Count: > 0 } outerExtensions ? outerExtensions[0] : extension;
                return UploadCheck.Refuse(name, UploadRefusalCode.Polyglot,
                    T["The file “{0}” was not accepted: it starts as a valid {1} file but hides {2} inside.", name, outer, hidden], kind, length);
        }

        var allowed = settings.EffectiveExtensions();
        if (!allowed.Contains(extension))
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.NotAllowedType,
                T["The file “{0}” was not accepted: files of type {1} may not be uploaded. Allowed types: {2}.", name, extension,
                    string.Join(", ", allowed.Order(StringComparer.Ordinal))], kind, length);
        }

        if (kind == FileKind.Unknown || !FileKinds.IsAcceptable(kind))
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.NotAllowedType,
                T["The file “{0}” was not accepted: its content is not a kind of file that may be uploaded, and not really {1}.", name, extension], kind, length);
        }

        if (kind == FileKind.Svg && !settings.AllowSvg)
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.NotAllowedType,
                T["The file “{0}” was not accepted: SVG images may not be uploaded.", name], kind, length);
        }

        // An OLE document whose streams were read says which of .doc, .xls and .ppt it is.
        IReadOnlyList<string> kindExtensions = kind == FileKind.OleCompound && detected.Detail is { } oleExtension ? [oleExtension] : FileKinds.ExtensionsOf(kind);
        if (!kindExtensions.Contains(extension, StringComparer.Ordinal))
        {
            return UploadCheck.Refuse(name, UploadRefusalCode.ExtensionMismatch,
                T["The file “{0}” was not accepted: its content is really a {1} file, not {2}.", name, string.Join("/", kindExtensions), extension], kind, length);
        }

        var category = FileKinds.CategoryOf(kind)!.Value;
        var limit = settings.MaxBytesFor(category);
        if (length > limit)
        {
            return TooLarge(name, category, limit, kind, length);
        }

        var canonical = FileKinds.CanonicalExtension(kind, extension);
        return UploadCheck.Accept(name, kind, canonical, FileKinds.ContentTypeOf(kind, canonical), length);
    }

    private UploadCheck TooLarge(string name, MediaCategory? category, long limit, FileKind kind, long length)
    {
        var what = category switch
        {
            MediaCategory.Image => T["an image"].Value,
            MediaCategory.Video => T["a video"].Value,
            MediaCategory.Audio => T["an audio file"].Value,
            MediaCategory.Document => T["a document"].Value,
            _ => T["a file"].Value,
        };
        return UploadCheck.Refuse(name, UploadRefusalCode.TooLarge,
            T["The file “{0}” was not accepted: its size ({1}) is over the limit of {2} for {3}.", name, FormatBytes(length), FormatBytes(limit), what], kind, length);
    }

    /// <summary>"52,4 MB", "900 KB", "12 byte" in the current culture.</summary>
    public static string FormatBytes(long bytes)
    {
        var culture = CultureInfo.CurrentCulture;
        return bytes switch
        {
            >= 1024L * 1024 * 1024 => (bytes / (1024d * 1024 * 1024)).ToString("0.#", culture) + " GB",
            >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", culture) + " MB",
            >= 1024 => (bytes / 1024d).ToString("0.#", culture) + " KB",
            _ => bytes.ToString(culture) + " byte",
        };
    }
}
