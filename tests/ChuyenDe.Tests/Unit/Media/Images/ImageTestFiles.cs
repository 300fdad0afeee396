using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace ChuyenDe.Tests.Unit.Media.Images;

/// <summary>Images built in the tests: a geotagged rotated photo, a PNG bomb written byte by byte, noise.</summary>
internal static class ImageTestFiles
{
    public const string SecretCity = "SecretCityXyz";
    public const string SecretXmp = "secret-xmp-marker";

    /// <summary>A JPEG whose left half is red and right half blue, with EXIF orientation 6, GPS, XMP and IPTC.</summary>
    public static byte[] GeotaggedJpeg(int width = 400, int height = 200, ushort orientation = 6)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = x < width / 2 ? new Rgba32(255, 0, 0) : new Rgba32(0, 0, 255);
            }
        }

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(10, 1), new Rational(46, 1), new Rational(3012, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(106, 1), new Rational(41, 1), new Rational(5, 1)]);
        exif.SetValue(ExifTag.Make, "CameraMakerXyz");
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description about=\"{SecretXmp}\"/></rdf:RDF></x:xmpmeta>"));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, SecretCity);
        image.Metadata.IptcProfile = iptc;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    /// <summary>Random pixels: a JPEG or PNG with plenty of entropy-coded data.</summary>
    public static byte[] Noise(int width, int height, bool png = false, int seed = 1)
    {
        var random = new Random(seed);
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }

        using var output = new MemoryStream();
        if (png)
        {
            image.SaveAsPng(output, new PngEncoder());
        }
        else
        {
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        }

        return output.ToArray();
    }

    public static byte[] Solid(int width, int height, Rgba32 colour, bool png = true)
    {
        using var image = new Image<Rgba32>(width, height, colour);
        using var output = new MemoryStream();
        if (png)
        {
            image.SaveAsPng(output);
        }
        else
        {
            image.SaveAsJpeg(output);
        }

        return output.ToArray();
    }

    /// <summary>A valid PNG of a few hundred bytes whose IHDR claims <paramref name="width"/> × <paramref name="height"/> RGB pixels.</summary>
    public static byte[] PngBomb(uint width, uint height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        WriteBigEndian(ihdr, 0, width);
        WriteBigEndian(ihdr, 4, height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        WriteChunk(png, "IHDR", ihdr);
        using (var zlib = new MemoryStream())
        {
            using (var deflate = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(new byte[4096]);
            }

            WriteChunk(png, "IDAT", zlib.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var header = new byte[4];
        WriteBigEndian(header, 0, (uint)data.Length);
        png.Write(header);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typeAndData));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static bool Contains(byte[] haystack, string ascii) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
