using System.Globalization;
using System.Security.Cryptography;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media.Images;
using ChuyenDe.Modules.Media.Text;
using ChuyenDe.Modules.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Media;

/// <summary>The outcome of one uploaded file: stored under <see cref="Path"/>, or refused with a Vietnamese <see cref="Message"/>.</summary>
public sealed record MediaUploadResult(string Name, bool Ok, string? Path = null, string? Message = null, long? Id = null);

/// <summary>Where an upload goes and who sends it.</summary>
public sealed record MediaUploadTarget(string OrganizationId, string Folder, string UserId);

/// <summary>Stores one uploaded file in the media library, safely (see <see cref="MediaUploadService"/>).</summary>
public interface IMediaUploadService
{
    Task<MediaUploadResult> UploadAsync(Stream content, string fileName, long? declaredLength, MediaUploadTarget target, CancellationToken ct = default);
}

/// <summary>
/// Streams the upload to a staging file (never to memory), validates the staged bytes by their real content, re-encodes
/// images without metadata into a second staged file (the raw upload is never served), extracts the text of documents,
/// then commits the file under <c>u/{organisation}/{yyyy}/{MM}/{guid}{ext}</c> together with its <see cref="MediaFileRecord"/>.
/// A refusal, an exception or an aborted request discards every staged file and writes no row.
/// </summary>
internal sealed class MediaUploadService(
    IMediaStore store,
    UploadValidator validator,
    IImageProcessor images,
    IMediaTextExtractor texts,
    DbContext db,
    IOptions<ImageOptions> imageOptions,
    IOptions<MediaTextOptions> textOptions,
    IStringLocalizer<MediaResources> imageMessages,
    IStringLocalizer<MediaUploadResources> uploadMessages,
    TimeProvider clock) : IMediaUploadService
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".docx", ".pptx" };

    public async Task<MediaUploadResult> UploadAsync(Stream content, string fileName, long? declaredLength, MediaUploadTarget target, CancellationToken ct = default)
    {
        if (!Organizations.OrganizationRules.IsValidId(target.OrganizationId))
        {
            throw new ArgumentException("An upload needs a valid organisation.", nameof(target));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var folder = $"u/{target.OrganizationId}/{now.ToString("yyyy", CultureInfo.InvariantCulture)}/{now.ToString("MM", CultureInfo.InvariantCulture)}";
        var id = Guid.NewGuid().ToString("N");
        var staged = new List<StagedMediaFile>();
        try
        {
            var raw = await store.StageAsync($"{folder}/{id}.upload", content, ct);
            staged.Add(raw);

            UploadCheck check;
            await using (var read = raw.OpenRead())
            {
                check = await validator.ValidateAsync(fileName, read, declaredLength, ct);
            }

            if (!check.Accepted)
            {
                return new MediaUploadResult(check.DisplayName, false, Message: check.Message);
            }

            var storedName = id + check.Extension;
            var record = new MediaFileRecord
            {
                Path = $"{folder}/{storedName}",
                OriginalName = check.DisplayName,
                OrganizationId = target.OrganizationId,
                Folder = MediaFolders.Normalize(target.Folder),
                Kind = check.Kind.ToString(),
                ContentType = check.ContentType!,
                UploadedBy = target.UserId,
                UploadedUtc = now,
            };

            StagedMediaFile final;
            string? note = null;
            if (FileKinds.CategoryOf(check.Kind) == MediaCategory.Image && check.Kind != FileKind.Svg)
            {
                // The image is decoded in memory by the pipeline anyway; its re-encoded copy is held there too.
                using var clean = new MemoryStream();
                try
                {
                    await using var read = raw.OpenRead();
                    await images.SanitizeAsync(read, clean, ct);
                    clean.Position = 0;
                    var inspection = await images.InspectAsync(clean, ct);
                    record.Width = inspection.Width;
                    record.Height = inspection.Height;
                }
                catch (ImageRejectedException rejection)
                {
                    return new MediaUploadResult(check.DisplayName, false,
                        Message: ImageRejectionMessages.For(imageMessages, rejection, check.DisplayName, imageOptions.Value));
                }

                clean.Position = 0;
                final = await store.StageAsync(record.Path, clean, ct);
                staged.Add(final);
            }
            else
            {
                final = raw.WithFileName(storedName);
                if (TextExtensions.Contains(check.Extension!))
                {
                    await using var read = raw.OpenRead();
                    var text = await texts.ExtractAsync(read, check.Extension!, ct);
                    if (text is { Status: TextExtractionStatus.Refused })
                    {
                        return new MediaUploadResult(check.DisplayName, false, Message: RefusalOf(check.DisplayName, text.Limit));
                    }

                    if (text is not null)
                    {
                        record.ExtractedText = text.Text.Length > 0 ? text.Text : null;
                        record.PageCount = text.PageCount;
                        note = NoteOf(check.DisplayName, text);
                    }
                }
            }

            await using (var read = final.OpenRead())
            {
                record.Length = read.Length;
                record.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            }

            var moved = false;
            try
            {
                await db.InTransactionAsync(async () =>
                {
                    db.Add(record);
                    await db.SaveChangesAsync(ct);
                    // After the move, discarding the staged files (below) finds nothing left to delete.
                    final.Commit();
                    moved = true;
                }, ct);
            }
            catch when (moved)
            {
                // The row was not committed: the file it named goes too.
                await store.DeleteAsync(record.Path, CancellationToken.None);
                throw;
            }

            return new MediaUploadResult(check.DisplayName, true, record.Path, note, record.Id);
        }
        finally
        {
            foreach (var file in staged)
            {
                file.Discard();
            }
        }
    }

    /// <summary>Why a document that inflates like a bomb is refused, in Vietnamese.</summary>
    private string RefusalOf(string name, TextLimit limit) => limit == TextLimit.CompressionRatio
        ? uploadMessages["The file “{0}” was not accepted: a part inside it ({1}) unpacks to far more than its size, as no real document does (a “decompression bomb”).",
            name, "> " + textOptions.Value.MaxCompressionRatio.ToString(CultureInfo.CurrentCulture) + " ×"]
        : uploadMessages["The file “{0}” was not accepted: a compressed part inside it unpacks to more than {1}, as no real document does (a “decompression bomb”).",
            name, UploadValidator.FormatBytes(textOptions.Value.MaxPartBytes)];

    /// <summary>The Vietnamese note shown with an upload whose text was cut short or not indexed; null when complete.</summary>
    private string? NoteOf(string name, ExtractedText text)
    {
        var settings = textOptions.Value;
        var reason = text.Limit switch
        {
            TextLimit.Characters => uploadMessages["the text is longer than {0} characters", settings.MaxCharacters.ToString("N0", CultureInfo.CurrentCulture)].Value,
            TextLimit.Pages => uploadMessages["only the first {0} pages were read", settings.MaxPages.ToString("N0", CultureInfo.CurrentCulture)].Value,
            TextLimit.PartSize => uploadMessages["a part of the document unpacks to more than {0}", UploadValidator.FormatBytes(settings.MaxPartBytes)].Value,
            TextLimit.TotalSize => uploadMessages["the document unpacks to more than {0} in all", UploadValidator.FormatBytes(settings.MaxTotalBytes)].Value,
            TextLimit.Time => uploadMessages["reading it took longer than {0} seconds", ((int)Math.Ceiling(settings.TimeLimit.TotalSeconds)).ToString(CultureInfo.CurrentCulture)].Value,
            TextLimit.Busy => uploadMessages["the server is busy reading other documents; upload the file again later to index its text"].Value,
            TextLimit.Unverifiable or TextLimit.StreamSize or TextLimit.CompressionRatio
                => uploadMessages["the PDF uses a compression, an encryption or a large image that cannot be checked safely"].Value,
            _ => null,
        };
        return (text.Status, reason) switch
        {
            (TextExtractionStatus.Partial, { } why) when text.Text.Length > 0
                => uploadMessages["The file “{0}” was uploaded, but only part of its text was indexed for search: {1}.", name, why].Value,
            (TextExtractionStatus.Partial or TextExtractionStatus.Skipped, { } why)
                => uploadMessages["The file “{0}” was uploaded, but its text was not indexed for search: {1}.", name, why].Value,
            _ => null,
        };
    }
}

/// <summary>Virtual folders of an organisation's library: segments of letters, digits, spaces, '-' and '_', joined by '/'.</summary>
public static class MediaFolders
{
    public static string Normalize(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return "";
        }

        var segments = folder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => new string(s.Normalize(System.Text.NormalizationForm.FormC).Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Trim())
            .Where(s => s.Length > 0 && s != "." && s != "..")
            .Select(s => s.Length > 64 ? s[..64] : s);
        var joined = string.Join('/', segments);
        return joined.Length > 512 ? joined[..512] : joined;
    }
}
