using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ChuyenDe.Tests.Unit.Media.Images;

/// <summary>GIF, WebP and the sample photos of the setup recipe through the pipeline.</summary>
public sealed class ImageFormatsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chuyende-images-" + Guid.NewGuid().ToString("N"));
    private readonly DataOptions _data;

    public ImageFormatsTests()
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

    private static byte[] AnimatedGif(int frames, int size = 100)
    {
        using var image = new Image<Rgba32>(size, size, new Rgba32(255, 0, 0));
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(size, size, new Rgba32(0, (byte)(80 * i), 255));
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        image.Metadata.GetGifMetadata().Comments.Add("secret-gif-comment");
        using var output = new MemoryStream();
        image.SaveAsGif(output);
        return output.ToArray();
    }

    private static byte[] WebpWithExif()
    {
        using var image = new Image<Rgba32>(120, 60, new Rgba32(0, 200, 0));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(10, 1), new Rational(46, 1), new Rational(30, 1)]);
        exif.SetValue(ExifTag.Make, "CameraMakerXyz");
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsWebp(output, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy });
        return output.ToArray();
    }

    [Fact]
    public async Task An_animated_gif_stays_an_animated_gif_without_its_comment()
    {
        var gif = AnimatedGif(3);
        Assert.True(ImageTestFiles.Contains(gif, "secret-gif-comment"));
        var processor = Processor();
        var inspection = await processor.InspectAsync(new MemoryStream(gif));
        Assert.Equal((ImageFileFormat.Gif, 3), (inspection.Format, inspection.FrameCount));

        using var output = new MemoryStream();
        await processor.SanitizeAsync(new MemoryStream(gif), output);
        var bytes = output.ToArray();
        Assert.False(ImageTestFiles.Contains(bytes, "secret-gif-comment"));
        using var image = Image.Load<Rgba32>(bytes, out var format);
        Assert.IsType<GifFormat>(format);
        Assert.Equal(3, image.Frames.Count);
    }

    [Fact]
    public async Task The_pixel_limit_counts_every_frame_of_an_animation()
    {
        var gif = AnimatedGif(3);
        var rejection = await Assert.ThrowsAsync<ImageRejectedException>(
            () => Processor(o => o.MaxPixels = 25_000).InspectAsync(new MemoryStream(gif)));
        Assert.Equal(ImageRejectionCode.TooManyPixels, rejection.Code);
    }

    [Fact]
    public async Task A_gif_derivative_is_its_first_frame()
    {
        File.WriteAllBytes(Path.Combine(_data.MediaFolder, "dong.gif"), AnimatedGif(2));
        var derivative = await Processor().GetDerivativeAsync("dong.gif", ImageSize.Thumbnail, ImageFormatKind.Jpeg);
        using var image = Image.Load<Rgba32>(derivative!.PhysicalPath);
        Assert.Single(image.Frames.Cast<ImageFrame>());
        var pixel = image[50, 50];
        Assert.True(pixel.R > 200 && pixel.B < 60, pixel.ToString());
    }

    [Fact]
    public async Task A_webp_stays_webp_without_exif()
    {
        var webp = WebpWithExif();
        Assert.True(ImageTestFiles.Contains(webp, "EXIF"));
        using var output = new MemoryStream();
        await Processor().SanitizeAsync(new MemoryStream(webp), output);
        var bytes = output.ToArray();
        Assert.False(ImageTestFiles.Contains(bytes, "EXIF"));
        Assert.False(ImageTestFiles.Contains(bytes, "CameraMakerXyz"));
        using var image = Image.Load<Rgba32>(bytes, out var format);
        Assert.IsType<WebpFormat>(format);
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Equal((120, 60), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_transparent_png_becomes_a_jpeg_on_white()
    {
        using (var image = new Image<Rgba32>(50, 50, new Rgba32(0, 0, 0, 0)))
        {
            image.SaveAsPng(Path.Combine(_data.MediaFolder, "trong-suot.png"));
        }

        var derivative = await Processor().GetDerivativeAsync("trong-suot.png", ImageSize.Card, ImageFormatKind.Jpeg);
        using var jpeg = Image.Load<Rgba32>(derivative!.PhysicalPath);
        Assert.True(jpeg[25, 25].R > 240 && jpeg[25, 25].G > 240 && jpeg[25, 25].B > 240);
    }

    [Fact]
    public async Task The_sample_photos_of_the_setup_recipe_pass()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "recipes", "media", "mau");
        var photos = Directory.GetFiles(folder, "*.jpg");
        Assert.NotEmpty(photos);
        var processor = Processor();
        foreach (var photo in photos)
        {
            await using var input = File.OpenRead(photo);
            var inspection = await processor.InspectAsync(input);
            Assert.Equal(ImageFileFormat.Jpeg, inspection.Format);
            input.Position = 0;
            using var output = new MemoryStream();
            await processor.SanitizeAsync(input, output);
            using var image = Image.Load<Rgba32>(output.ToArray());
            Assert.Equal((inspection.Width, inspection.Height), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task The_registration_binds_the_options_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChuyenDe:Media:Images:ThumbnailSize"] = "100",
            ["ChuyenDe:Media:Images:MaxBytes"] = "123456",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(_data)
            .AddSingleton<IMediaStore, FileSystemMediaStore>()
            .AddMediaImages();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<ImageOptions>>().Value;
        Assert.Equal((100, 640, 1600, 123456L), (options.ThumbnailSize, options.CardSize, options.FullSize, options.MaxBytes));
        Assert.Equal((40_000_000L, 10d, 82, 80), (options.MaxPixels, options.MaxDecodeSeconds, options.JpegQuality, options.WebpQuality));

        File.WriteAllBytes(Path.Combine(_data.MediaFolder, "x.png"), ImageTestFiles.Solid(400, 200, new Rgba32(1, 2, 3)));
        var derivative = await provider.GetRequiredService<IImageProcessor>().GetDerivativeAsync("x.png", ImageSize.Thumbnail, ImageFormatKind.Webp);
        using var image = Image.Load<Rgba32>(derivative!.PhysicalPath);
        Assert.Equal((100, 50), (image.Width, image.Height));
    }
}
