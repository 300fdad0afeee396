using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChuyenDe.Modules.Data;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ChuyenDe.Modules.Media.Images;

/// <summary>The ImageSharp 2.1 implementation of <see cref="IImageProcessor"/>.</summary>
internal sealed class ImageProcessor : IImageProcessor
{
    /// <summary>Part of every ETag: bump it when the way derivatives are made changes.</summary>
    private const string PipelineVersion = "1";

    private readonly IMediaStore _store;
    private readonly ImageOptions _options;
    private readonly Configuration _configuration;
    private readonly string _derivativeRoot;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _decodeSlots;

    public ImageProcessor(IMediaStore store, DataOptions data, IOptions<ImageOptions> options)
    {
        _store = store;
        _options = options.Value;
        _derivativeRoot = Path.Combine(Path.GetFullPath(data.MediaFolder), ".derivatives");
        _decodeSlots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentDecodes));

        // Only the four formats we accept; BMP, TIFF, TGA and the rest are refused as unsupported.
        _configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = _options.AllocationLimitMegabytes }),
        };
    }

    public async Task<ImageInspection> InspectAsync(Stream input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = await ReadBoundedAsync(input, ct);
        return Inspect(data);
    }

    public async Task SanitizeAsync(Stream input, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var data = await ReadBoundedAsync(input, ct);
        var inspection = Inspect(data);
        using var encoded = await RunLimitedAsync(async token =>
        {
            using var image = await DecodeAsync(data, token);
            token.ThrowIfCancellationRequested();
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);
            token.ThrowIfCancellationRequested();
            var buffer = new MemoryStream();
            await image.SaveAsync(buffer, SameFormatEncoder(inspection.Format, image), token);
            return buffer;
        }, ct);

        encoded.Position = 0;
        await encoded.CopyToAsync(output, ct);
    }

    public async Task<DerivativeFile?> GetDerivativeAsync(string mediaPath, ImageSize size, ImageFormatKind format, CancellationToken ct = default)
    {
        if (!FileSystemMediaStore.IsSafe(mediaPath) || !Enum.IsDefined(size) || !Enum.IsDefined(format))
        {
            return null;
        }

        var target = Path.GetFullPath(Path.Combine(
            _derivativeRoot, size.ToString().ToLowerInvariant(), format.ToString().ToLowerInvariant(), mediaPath + "." + Extension(format)));
        if (!target.StartsWith(_derivativeRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        var source = await _store.OpenReadAsync(mediaPath, ct);
        if (source is null)
        {
            return null;
        }

        await using (source)
        {
            byte[]? content = null;
            string fingerprint;
            if (source is FileStream file)
            {
                var info = new FileInfo(file.Name);
                fingerprint = FormattableString.Invariant($"{info.Length}:{info.LastWriteTimeUtc.Ticks}");
            }
            else
            {
                // Another store: the content itself identifies the version.
                content = await ReadBoundedAsync(source, ct);
                fingerprint = FormattableString.Invariant($"{content.Length}:{Convert.ToHexString(SHA256.HashData(content))}");
            }

            var etag = ETagFor(fingerprint, size, format);
            var etagFile = target + ".etag";
            if (IsCurrent(target, etagFile, etag))
            {
                return Describe(target, etag, format);
            }

            var gate = _gates.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            try
            {
                if (IsCurrent(target, etagFile, etag))
                {
                    return Describe(target, etag, format);
                }

                content ??= await ReadBoundedAsync(source, ct);
                using var encoded = await MakeDerivativeAsync(content, size, format, ct);
                var folder = Path.GetDirectoryName(target)!;
                Directory.CreateDirectory(folder);
                await WriteAtomicallyAsync(folder, target, encoded, ct);
                using (var tag = new MemoryStream(Encoding.ASCII.GetBytes(etag)))
                {
                    await WriteAtomicallyAsync(folder, etagFile, tag, ct);
                }

                return Describe(target, etag, format);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task<MemoryStream> MakeDerivativeAsync(byte[] content, ImageSize size, ImageFormatKind format, CancellationToken ct)
    {
        Inspect(content);
        var longest = _options.PixelsFor(size);
        return await RunLimitedAsync(async token =>
        {
            using var image = await DecodeAsync(content, token);
            token.ThrowIfCancellationRequested();
            while (image.Frames.Count > 1)
            {
                image.Frames.RemoveFrame(image.Frames.Count - 1);
            }

            image.Mutate(x => x.AutoOrient());
            if (Math.Max(image.Width, image.Height) > longest)
            {
                // Never upscale: only images larger than the size are resized.
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(longest, longest) }));
            }

            if (format == ImageFormatKind.Jpeg)
            {
                image.Mutate(x => x.BackgroundColor(Color.White));
            }

            StripMetadata(image);
            token.ThrowIfCancellationRequested();
            var buffer = new MemoryStream();
            IImageEncoder encoder = format == ImageFormatKind.Jpeg
                ? new JpegEncoder { Quality = _options.JpegQuality }
                : new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = _options.WebpQuality };
            await image.SaveAsync(buffer, encoder, token);
            return buffer;
        }, ct);
    }

    /// <summary>Header checks only: size, format, pixel count (before any pixel is allocated) and completeness.</summary>
    internal ImageInspection Inspect(byte[] data)
    {
        if (data.Length == 0)
        {
            throw new ImageRejectedException(ImageRejectionCode.Unreadable, "The file is empty.");
        }

        if (data.LongLength > _options.MaxBytes)
        {
            throw TooLarge();
        }

        var format = Image.DetectFormat(_configuration, data);
        if (format is null || KindOf(format) is not { } kind)
        {
            throw new ImageRejectedException(ImageRejectionCode.UnsupportedFormat, "The file is not a JPEG, PNG, WebP or GIF image.");
        }

        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, data, out _);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var problem = ImageStructure.Check(kind, data).Problem ?? ImageRejectionCode.Unreadable;
            throw new ImageRejectedException(problem, $"The {kind} header cannot be read.", e);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageRejectedException(ImageRejectionCode.Unreadable, $"The {kind} header cannot be read.");
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > _options.MaxPixels)
        {
            throw TooManyPixels(info.Width, info.Height);
        }

        var structure = ImageStructure.Check(kind, data);
        if (structure.Problem is { } code)
        {
            throw new ImageRejectedException(code, code == ImageRejectionCode.Truncated
                ? $"The {kind} file is incomplete."
                : $"The {kind} file is damaged.");
        }

        if (pixels * structure.Frames > _options.MaxPixels)
        {
            throw TooManyPixels(info.Width, info.Height);
        }

        return new ImageInspection(kind, format.DefaultMimeType, info.Width, info.Height, structure.Frames, data.LongLength);
    }

    private async Task<byte[]> ReadBoundedAsync(Stream input, CancellationToken ct)
    {
        if (input.CanSeek && input.Length - input.Position > _options.MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = input.CanSeek ? new MemoryStream((int)Math.Max(0, input.Length - input.Position)) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task<Image<Rgba32>> DecodeAsync(byte[] data, CancellationToken token)
    {
        try
        {
            using var input = new MemoryStream(data, writable: false);
            return await Image.LoadAsync<Rgba32>(_configuration, input, token);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new ImageRejectedException(ImageRejectionCode.TooManyPixels, "Decoding the image needs more memory than allowed.", e);
        }
        catch (Exception e)
        {
            throw new ImageRejectedException(ImageRejectionCode.Unreadable, "The image cannot be decoded.", e);
        }
    }

    /// <summary>Runs decoding and processing under the decode-time limit; running out of time is <see cref="ImageRejectionCode.TooSlow"/>.</summary>
    private async Task<T> RunLimitedAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        // Bounds the memory of simultaneous decodes; the allocator's limit bounds each one.
        await _decodeSlots.WaitAsync(ct);
        try
        {
            return await RunWithDeadlineAsync(work, ct);
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    private async Task<T> RunWithDeadlineAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.MaxDecodeSeconds));
        try
        {
            return await work(limit.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ImageRejectedException(ImageRejectionCode.TooSlow,
                $"The image took longer than {_options.MaxDecodeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s to process.", e);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new ImageRejectedException(ImageRejectionCode.TooManyPixels, "Processing the image needs more memory than allowed.", e);
        }
    }

    /// <summary>Removes every profile that can carry personal data (EXIF with GPS, IPTC, XMP, ICC) and text chunks and comments.</summary>
    internal static void StripMetadata(Image image)
    {
        var metadata = image.Metadata;
        metadata.ExifProfile = null;
        metadata.IptcProfile = null;
        metadata.XmpProfile = null;
        metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }

        metadata.GetPngMetadata().TextData.Clear();
        metadata.GetGifMetadata().Comments.Clear();
    }

    private IImageEncoder SameFormatEncoder(ImageFileFormat format, Image image) => format switch
    {
        ImageFileFormat.Jpeg => new JpegEncoder { Quality = _options.JpegQuality },
        ImageFileFormat.Png => new PngEncoder(),
        ImageFileFormat.Gif => new GifEncoder(),
        ImageFileFormat.Webp => image.Metadata.GetWebpMetadata().FileFormat == WebpFileFormatType.Lossless
            ? new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }
            : new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = _options.WebpQuality },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static ImageFileFormat? KindOf(IImageFormat format) => format switch
    {
        JpegFormat => ImageFileFormat.Jpeg,
        PngFormat => ImageFileFormat.Png,
        WebpFormat => ImageFileFormat.Webp,
        GifFormat => ImageFileFormat.Gif,
        _ => null,
    };

    private string ETagFor(string fingerprint, ImageSize size, ImageFormatKind format)
    {
        var quality = format == ImageFormatKind.Jpeg ? _options.JpegQuality : _options.WebpQuality;
        var text = FormattableString.Invariant(
            $"{PipelineVersion}|{fingerprint}|{size}|{_options.PixelsFor(size)}|{format}|{quality}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "\"" + Convert.ToHexString(hash, 0, 16).ToLowerInvariant() + "\"";
    }

    private static bool IsCurrent(string target, string etagFile, string etag)
    {
        try
        {
            return File.Exists(target) && File.Exists(etagFile) && File.ReadAllText(etagFile, Encoding.ASCII) == etag;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task WriteAtomicallyAsync(string folder, string target, Stream content, CancellationToken ct)
    {
        var temp = Path.Combine(folder, "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            content.Position = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await content.CopyToAsync(output, ct);
                await output.FlushAsync(ct);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static DerivativeFile Describe(string path, string etag, ImageFormatKind format)
    {
        var info = new FileInfo(path);
        return new DerivativeFile(path, ContentType(format), info.Length, etag, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    private static string Extension(ImageFormatKind format) => format == ImageFormatKind.Jpeg ? "jpg" : "webp";

    private static string ContentType(ImageFormatKind format) => format == ImageFormatKind.Jpeg ? "image/jpeg" : "image/webp";

    private ImageRejectedException TooLarge() => new(ImageRejectionCode.TooLarge,
        FormattableString.Invariant($"The file is larger than {_options.MaxBytes} bytes."));

    private ImageRejectedException TooManyPixels(int width, int height) => new(ImageRejectionCode.TooManyPixels,
        FormattableString.Invariant($"The image has {width} × {height} pixels; at most {_options.MaxPixels} are allowed."))
    {
        Width = width,
        Height = height,
    };
}
