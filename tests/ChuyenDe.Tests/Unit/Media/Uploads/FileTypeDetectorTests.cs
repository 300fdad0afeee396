using ChuyenDe.Modules.Media.Uploads;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

public sealed class FileTypeDetectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Large_photos_full_of_compressed_data_are_not_mistaken_for_polyglots(int seed)
    {
        // Noise compresses badly: a few hundred kilobytes of entropy-coded data, where signatures could occur by chance.
        var random = new Random(seed);
        using var image = new Image<Rgba32>(640, 480);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    pixel = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                }
            }
        });
        using var jpeg = new MemoryStream();
        await image.SaveAsJpegAsync(jpeg, new JpegEncoder { Quality = 95 });
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);
        jpeg.Position = 0;
        png.Position = 0;

        Assert.True(jpeg.Length > 2 * FileTypeDetector.HeadSize);
        Assert.Equal(FileKind.Jpeg, (await new FileTypeDetector().DetectAsync(jpeg)).Kind);
        Assert.Equal(FileKind.Png, (await new FileTypeDetector().DetectAsync(png)).Kind);
    }

    [Fact]
    public async Task Only_the_start_and_the_end_of_a_large_file_are_read()
    {
        var video = new byte[20 * 1024 * 1024];
        SampleFiles.Mp4().CopyTo(video, 0);
        await using var stream = new CountingStream(video);

        var detected = await new FileTypeDetector().DetectAsync(stream);

        Assert.Equal(FileKind.Mp4, detected.Kind);
        Assert.True(stream.BytesRead <= 2 * (FileTypeDetector.HeadSize + 22), stream.BytesRead.ToString());
        Assert.Equal(0, stream.Position);
    }

    /// <summary>Counts bytes read (MemoryStream's asynchronous reads go through the synchronous ones).</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            BytesRead += n;
            return n;
        }
    }
}
