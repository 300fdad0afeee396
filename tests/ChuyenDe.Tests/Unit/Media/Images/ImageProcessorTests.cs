using System.Globalization;
using System.Resources;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace ChuyenDe.Tests.Unit.Media.Images;

public sealed class ImageProcessorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chuyende-images-" + Guid.NewGuid().ToString("N"));
    private readonly DataOptions _data;

    public ImageProcessorTests()
    {
        _data = new DataOptions { DataFolder = _folder, ConnectionString = "unused" };
        Directory.CreateDirectory(_data.MediaFolder);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ImageProcessor Processor(Action<ImageOptions>? configure = null)
    {
        var options = new ImageOptions();
        configure?.Invoke(options);
        return new ImageProcessor(new FileSystemMediaStore(_data), _data, Options.Create(options));
    }

    private string Store(string path, byte[] bytes)
    {
        var full = Path.Combine(_data.MediaFolder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    private static async Task<ImageRejectedException> Rejected(Func<Task> action) => await Assert.ThrowsAsync<ImageRejectedException>(action);

    /// <summary>No EXIF (so no GPS), XMP, IPTC or ICC in the decoded image nor anywhere in the bytes.</summary>
    private static void AssertNoMetadata(byte[] bytes)
    {
        using var image = Image.Load<Rgba32>(bytes);
        Assert.True(image.Metadata.ExifProfile is null || image.Metadata.ExifProfile.Values.Count == 0);
        Assert.Null(image.Metadata.XmpProfile);
        Assert.True(image.Metadata.IptcProfile is null || !image.Metadata.IptcProfile.Values.Any());
        Assert.Null(image.Metadata.IccProfile);
        Assert.False(ImageTestFiles.Contains(bytes, "Exif"));
        Assert.False(ImageTestFiles.Contains(bytes, "EXIF"));
        Assert.False(ImageTestFiles.Contains(bytes, "xmpmeta"));
        Assert.False(ImageTestFiles.Contains(bytes, ImageTestFiles.SecretXmp));
        Assert.False(ImageTestFiles.Contains(bytes, ImageTestFiles.SecretCity));
        Assert.False(ImageTestFiles.Contains(bytes, "CameraMakerXyz"));
        Assert.False(ImageTestFiles.Contains(bytes, "Photoshop 3.0")); // the IPTC wrapper
        // A TIFF header starts every EXIF block and the GPS IFD hangs from it.
        Assert.False(ImageTestFiles.Contains(bytes, [(byte)'I', (byte)'I', 0x2A, 0x00]));
        Assert.False(ImageTestFiles.Contains(bytes, [(byte)'M', (byte)'M', 0x00, 0x2A]));
    }

    /// <summary>Orientation 6 turns the red-left/blue-right picture into red-top/blue-bottom.</summary>
    private static void AssertRotated(Image<Rgba32> image)
    {
        var top = image[image.Width / 2, image.Height / 10];
        var bottom = image[image.Width / 2, image.Height * 9 / 10];
        Assert.True(top.R > 200 && top.B < 60, $"top pixel {top}");
        Assert.True(bottom.B > 200 && bottom.R < 60, $"bottom pixel {bottom}");
    }

    [Fact]
    public void The_test_photo_really_carries_gps_xmp_and_iptc()
    {
        var photo = ImageTestFiles.GeotaggedJpeg();
        using var image = Image.Load<Rgba32>(photo);
        Assert.NotNull(image.Metadata.ExifProfile!.GetValue(ExifTagGpsLatitude()));
        Assert.NotNull(image.Metadata.XmpProfile);
        Assert.NotNull(image.Metadata.IptcProfile);
        Assert.True(ImageTestFiles.Contains(photo, "Exif"));
        Assert.True(ImageTestFiles.Contains(photo, ImageTestFiles.SecretCity));
    }

    private static SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag<Rational[]> ExifTagGpsLatitude()
        => SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitude;

    [Fact]
    public async Task Inspect_reads_format_and_size()
    {
        var inspection = await Processor().InspectAsync(new MemoryStream(ImageTestFiles.GeotaggedJpeg()));
        Assert.Equal(ImageFileFormat.Jpeg, inspection.Format);
        Assert.Equal("image/jpeg", inspection.ContentType);
        Assert.Equal((400, 200), (inspection.Width, inspection.Height));
        Assert.Equal(1, inspection.FrameCount);
    }

    [Fact]
    public async Task Sanitize_removes_all_metadata_and_applies_orientation()
    {
        using var output = new MemoryStream();
        await Processor().SanitizeAsync(new MemoryStream(ImageTestFiles.GeotaggedJpeg()), output);

        var bytes = output.ToArray();
        AssertNoMetadata(bytes);
        using var image = Image.Load<Rgba32>(bytes, out var format);
        Assert.IsType<JpegFormat>(format);
        Assert.Equal((200, 400), (image.Width, image.Height));
        AssertRotated(image);
    }

    [Fact]
    public async Task Sanitize_keeps_the_format_of_a_png()
    {
        using var output = new MemoryStream();
        await Processor().SanitizeAsync(new MemoryStream(ImageTestFiles.Solid(30, 20, new Rgba32(0, 128, 0))), output);
        using var image = Image.Load<Rgba32>(output.ToArray(), out var format);
        Assert.Equal("PNG", format.Name);
        Assert.Equal((30, 20), (image.Width, image.Height));
    }

    [Fact]
    public async Task Every_derivative_has_no_metadata_is_rotated_and_never_upscaled()
    {
        Store("anh/tre-em.jpg", ImageTestFiles.GeotaggedJpeg());
        var processor = Processor();
        foreach (var size in Enum.GetValues<ImageSize>())
        {
            foreach (var kind in Enum.GetValues<ImageFormatKind>())
            {
                var derivative = await processor.GetDerivativeAsync("anh/tre-em.jpg", size, kind);
                Assert.NotNull(derivative);
                var expectedPath = Path.Combine(_data.MediaFolder, ".derivatives", size.ToString().ToLowerInvariant(),
                    kind.ToString().ToLowerInvariant(), "anh", "tre-em.jpg." + (kind == ImageFormatKind.Jpeg ? "jpg" : "webp"));
                Assert.Equal(expectedPath, derivative.PhysicalPath);
                Assert.Equal(kind == ImageFormatKind.Jpeg ? "image/jpeg" : "image/webp", derivative.ContentType);
                var bytes = await File.ReadAllBytesAsync(derivative.PhysicalPath);
                Assert.Equal(bytes.Length, derivative.Length);
                Assert.StartsWith("\"", derivative.ETag, StringComparison.Ordinal);
                AssertNoMetadata(bytes);

                using var image = Image.Load<Rgba32>(bytes, out var format);
                Assert.True(kind == ImageFormatKind.Jpeg ? format is JpegFormat : format is WebpFormat);
                // 400 × 200 turned to 200 × 400: the thumbnail (320) shrinks it, card and full never enlarge it.
                Assert.Equal(size == ImageSize.Thumbnail ? (160, 320) : (200, 400), (image.Width, image.Height));
                AssertRotated(image);
            }
        }

        // The cache is hidden from the library.
        Assert.DoesNotContain(await new FileSystemMediaStore(_data).ListAsync(), p => p.Contains("derivatives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_small_image_is_not_upscaled()
    {
        Store("nho.png", ImageTestFiles.Solid(100, 50, new Rgba32(10, 20, 30)));
        var derivative = await Processor().GetDerivativeAsync("nho.png", ImageSize.Full, ImageFormatKind.Webp);
        using var image = Image.Load<Rgba32>(derivative!.PhysicalPath);
        Assert.Equal((100, 50), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_derivative_is_made_once()
    {
        Store("a.jpg", ImageTestFiles.Noise(900, 600));
        var processor = Processor();
        var first = await processor.GetDerivativeAsync("a.jpg", ImageSize.Card, ImageFormatKind.Jpeg);
        var written = File.GetLastWriteTimeUtc(first!.PhysicalPath);
        await Task.Delay(50);

        var second = await processor.GetDerivativeAsync("a.jpg", ImageSize.Card, ImageFormatKind.Jpeg);
        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second!.PhysicalPath));

        // A new processor (after a restart) reuses the cached file too.
        var third = await Processor().GetDerivativeAsync("a.jpg", ImageSize.Card, ImageFormatKind.Jpeg);
        Assert.Equal(written, File.GetLastWriteTimeUtc(third!.PhysicalPath));
        Assert.Equal(first.ETag, third.ETag);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_derivative_get_one_identical_file()
    {
        Store("b.jpg", ImageTestFiles.Noise(1200, 900, seed: 7));
        var processor = Processor();
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => processor.GetDerivativeAsync("b.jpg", ImageSize.Full, ImageFormatKind.Webp))));

        Assert.All(results, r => Assert.NotNull(r));
        Assert.Single(results.Select(r => r!.PhysicalPath).Distinct());
        Assert.Single(results.Select(r => r!.ETag).Distinct());
        Assert.Single(results.Select(r => r!.Length).Distinct());
        var bytes = await File.ReadAllBytesAsync(results[0]!.PhysicalPath);
        Assert.Equal(results[0]!.Length, bytes.Length);
        using var image = Image.Load<Rgba32>(bytes);
        Assert.Equal((1200, 900), (image.Width, image.Height));
        // No temporary file is left behind.
        var folder = Path.GetDirectoryName(results[0]!.PhysicalPath)!;
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task The_etag_changes_when_the_source_changes()
    {
        var full = Store("c.jpg", ImageTestFiles.Noise(800, 600, seed: 3));
        var processor = Processor();
        var before = await processor.GetDerivativeAsync("c.jpg", ImageSize.Thumbnail, ImageFormatKind.Jpeg);

        File.WriteAllBytes(full, ImageTestFiles.Noise(300, 600, seed: 4));
        File.SetLastWriteTimeUtc(full, DateTime.UtcNow.AddMinutes(1));
        var after = await processor.GetDerivativeAsync("c.jpg", ImageSize.Thumbnail, ImageFormatKind.Jpeg);

        Assert.NotEqual(before!.ETag, after!.ETag);
        using var image = Image.Load<Rgba32>(after.PhysicalPath);
        Assert.Equal((160, 320), (image.Width, image.Height));

        // Other settings give another ETag for the same source.
        var otherQuality = await Processor(o => o.JpegQuality = 60).GetDerivativeAsync("c.jpg", ImageSize.Thumbnail, ImageFormatKind.Jpeg);
        Assert.NotEqual(after.ETag, otherQuality!.ETag);
    }

    [Theory]
    [InlineData("khong-co.jpg")]
    [InlineData("../ngoai.jpg")]
    [InlineData(".derivatives/card/jpeg/a.jpg.jpg")]
    public async Task An_unknown_or_unsafe_path_has_no_derivative(string path)
    {
        Assert.Null(await Processor().GetDerivativeAsync(path, ImageSize.Card, ImageFormatKind.Jpeg));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_without_allocating()
    {
        var bomb = ImageTestFiles.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 1000);
        var processor = Processor();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var rejection = await Rejected(() => processor.InspectAsync(new MemoryStream(bomb)));
        var growth = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.Equal(ImageRejectionCode.TooManyPixels, rejection.Code);
        Assert.Equal((50_000, 50_000), (rejection.Width, rejection.Height));
        Assert.True(growth < 16 * 1024 * 1024, $"allocated {growth} bytes");

        using var output = new MemoryStream();
        Assert.Equal(ImageRejectionCode.TooManyPixels, (await Rejected(() => processor.SanitizeAsync(new MemoryStream(bomb), output))).Code);
        Assert.Equal(0, output.Length);

        Store("bom.png", bomb);
        Assert.Equal(ImageRejectionCode.TooManyPixels,
            (await Rejected(() => processor.GetDerivativeAsync("bom.png", ImageSize.Thumbnail, ImageFormatKind.Webp))).Code);
    }

    [Fact]
    public async Task A_real_image_over_the_pixel_limit_is_refused()
    {
        var png = ImageTestFiles.Solid(2000, 1000, new Rgba32(255, 255, 255));
        Assert.True(png.Length < 20_000);
        var rejection = await Rejected(() => Processor(o => o.MaxPixels = 1_000_000).InspectAsync(new MemoryStream(png)));
        Assert.Equal(ImageRejectionCode.TooManyPixels, rejection.Code);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var jpeg = ImageTestFiles.Noise(600, 400);
        var half = jpeg[..(jpeg.Length / 2)];
        var processor = Processor();

        // ImageSharp would decode it, filling the missing half with grey; the structure check finds that the end is missing.
        var inspected = await Rejected(() => processor.InspectAsync(new MemoryStream(half)));
        Assert.Equal(ImageRejectionCode.Truncated, inspected.Code);

        using var output = new MemoryStream();
        var sanitized = await Rejected(() => processor.SanitizeAsync(new MemoryStream(half), output));
        Assert.Equal(ImageRejectionCode.Truncated, sanitized.Code);
        Assert.Equal(0, output.Length);

        // The whole file is fine, and ImageSharp alone does not notice the missing half.
        await processor.InspectAsync(new MemoryStream(jpeg));
        using var lenient = Image.Load<Rgba32>(half);
        Assert.Equal(600, lenient.Width);
    }

    [Fact]
    public async Task A_truncated_png_is_refused()
    {
        var png = ImageTestFiles.Noise(300, 200, png: true);
        var rejection = await Rejected(() => Processor().InspectAsync(new MemoryStream(png[..(png.Length * 2 / 3)])));
        Assert.Equal(ImageRejectionCode.Truncated, rejection.Code);
    }

    [Fact]
    public async Task A_file_over_max_bytes_is_refused()
    {
        var jpeg = ImageTestFiles.Noise(200, 200);
        Assert.True(jpeg.Length > 5000);
        var processor = Processor(o => o.MaxBytes = 5000);

        Assert.Equal(ImageRejectionCode.TooLarge, (await Rejected(() => processor.InspectAsync(new MemoryStream(jpeg)))).Code);
        // A stream without a length is counted while reading.
        Assert.Equal(ImageRejectionCode.TooLarge, (await Rejected(() => processor.InspectAsync(new UnseekableStream(jpeg)))).Code);
        using var output = new MemoryStream();
        Assert.Equal(ImageRejectionCode.TooLarge, (await Rejected(() => processor.SanitizeAsync(new UnseekableStream(jpeg), output))).Code);
    }

    [Fact]
    public async Task Other_formats_and_garbage_are_refused()
    {
        using var bmp = new MemoryStream();
        using (var image = new Image<Rgba32>(10, 10))
        {
            image.SaveAsBmp(bmp);
        }

        bmp.Position = 0;
        var processor = Processor();
        Assert.Equal(ImageRejectionCode.UnsupportedFormat, (await Rejected(() => processor.InspectAsync(bmp))).Code);
        Assert.Equal(ImageRejectionCode.UnsupportedFormat,
            (await Rejected(() => processor.InspectAsync(new MemoryStream("<svg onload=alert(1)>"u8.ToArray())))).Code);
        Assert.Equal(ImageRejectionCode.Unreadable, (await Rejected(() => processor.InspectAsync(new MemoryStream()))).Code);
    }

    [Fact]
    public async Task Running_out_of_decode_time_is_too_slow()
    {
        var png = ImageTestFiles.Noise(800, 800, png: true);
        using var output = new MemoryStream();
        var rejection = await Rejected(() => Processor(o => o.MaxDecodeSeconds = 0).SanitizeAsync(new MemoryStream(png), output));
        Assert.Equal(ImageRejectionCode.TooSlow, rejection.Code);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_rejection()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var output = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Processor().SanitizeAsync(new MemoryStream(ImageTestFiles.Noise(100, 100)), output, cancelled.Token));
    }

    [Fact]
    public void Every_rejection_message_has_a_vietnamese_translation()
    {
        var resources = new ResourceManager(typeof(MediaResources));
        var vi = CultureInfo.GetCultureInfo("vi");
        foreach (var key in ImageRejectionMessages.AllKeys)
        {
            var translated = resources.GetString(key, vi);
            Assert.False(string.IsNullOrWhiteSpace(translated), key);
            Assert.NotEqual(key, translated);
        }
    }

    [Fact]
    public void Rejection_messages_name_the_file_and_the_reason_in_vietnamese()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(MediaResources));
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var options = new ImageOptions();
            Assert.Equal("Ảnh bé-vẽ.jpg lớn hơn 50 MB.",
                ImageRejectionMessages.For(localizer, new ImageRejectedException(ImageRejectionCode.TooLarge, "x"), "bé-vẽ.jpg", options));
            Assert.Equal("Ảnh bom.png có quá nhiều điểm ảnh (50000 × 50000); chỉ cho phép tối đa 40 megapixel.",
                ImageRejectionMessages.For(localizer,
                    new ImageRejectedException(ImageRejectionCode.TooManyPixels, "x") { Width = 50000, Height = 50000 }, "bom.png", options));
            Assert.Equal("Ảnh hong.jpg bị hỏng hoặc không đầy đủ.",
                ImageRejectionMessages.For(localizer, new ImageRejectedException(ImageRejectionCode.Truncated, "x"), "hong.jpg", options));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
