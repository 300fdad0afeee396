using System.Buffers.Binary;

namespace ChuyenDe.Modules.Media.Images;

/// <summary>
/// Walks the container structure of an image (markers, chunks, blocks) without decoding it, to tell a complete file from a
/// truncated one — decoders are lenient and would otherwise fill the missing part with grey — and to count frames.
/// </summary>
internal static class ImageStructure
{
    internal readonly record struct Result(ImageRejectionCode? Problem, int Frames)
    {
        public static Result Ok(int frames) => new(null, frames);

        public static readonly Result Truncated = new(ImageRejectionCode.Truncated, 0);

        public static readonly Result Unreadable = new(ImageRejectionCode.Unreadable, 0);
    }

    public static Result Check(ImageFileFormat format, ReadOnlySpan<byte> data) => format switch
    {
        ImageFileFormat.Jpeg => Jpeg(data),
        ImageFileFormat.Png => Png(data),
        ImageFileFormat.Gif => Gif(data),
        ImageFileFormat.Webp => Webp(data),
        _ => Result.Unreadable,
    };

    private static bool IsStandalone(byte marker) => marker == 0x01 || marker is >= 0xD0 and <= 0xD7;

    private static Result Jpeg(ReadOnlySpan<byte> d)
    {
        if (d.Length < 2 || d[0] != 0xFF || d[1] != 0xD8)
        {
            return Result.Unreadable;
        }

        var i = 2;
        while (true)
        {
            // Skip anything up to the next marker, then fill bytes.
            while (i < d.Length && d[i] != 0xFF)
            {
                i++;
            }

            while (i < d.Length && d[i] == 0xFF)
            {
                i++;
            }

            if (i >= d.Length)
            {
                return Result.Truncated;
            }

            var marker = d[i++];
            if (marker == 0xD9)
            {
                return Result.Ok(1);
            }

            if (IsStandalone(marker) || marker == 0x00)
            {
                continue;
            }

            if (i + 2 > d.Length)
            {
                return Result.Truncated;
            }

            var length = (d[i] << 8) | d[i + 1];
            if (length < 2)
            {
                return Result.Unreadable;
            }

            if ((long)i + length > d.Length)
            {
                return Result.Truncated;
            }

            i += length;
            if (marker != 0xDA)
            {
                continue;
            }

            // Entropy-coded data runs until a marker that is neither a stuffed zero, a restart nor a fill byte.
            while (true)
            {
                if (i + 1 >= d.Length)
                {
                    return Result.Truncated;
                }

                if (d[i] == 0xFF && d[i + 1] != 0x00 && d[i + 1] != 0xFF && !IsStandalone(d[i + 1]))
                {
                    break;
                }

                i++;
            }
        }
    }

    private static Result Png(ReadOnlySpan<byte> d)
    {
        var i = 8L;
        while (true)
        {
            if (i + 8 > d.Length)
            {
                return Result.Truncated;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(d.Slice((int)i, 4));
            var type = d.Slice((int)i + 4, 4);
            if (i + 12 + length > d.Length)
            {
                return Result.Truncated;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return Result.Ok(1);
            }

            i += 12 + length;
        }
    }

    private static Result Gif(ReadOnlySpan<byte> d)
    {
        if (d.Length < 13)
        {
            return Result.Truncated;
        }

        var i = 13;
        var flags = d[10];
        if ((flags & 0x80) != 0)
        {
            i += 3 * (1 << ((flags & 7) + 1));
        }

        var frames = 0;
        while (true)
        {
            if (i >= d.Length)
            {
                // Many encoders forget the trailer; a file that ends between blocks after a whole frame is complete.
                return frames > 0 ? Result.Ok(frames) : Result.Truncated;
            }

            switch (d[i++])
            {
                case 0x3B:
                    return frames > 0 ? Result.Ok(frames) : Result.Unreadable;
                case 0x21:
                    i++;
                    if (!SkipSubBlocks(d, ref i))
                    {
                        return Result.Truncated;
                    }

                    break;
                case 0x2C:
                    if (i + 9 > d.Length)
                    {
                        return Result.Truncated;
                    }

                    var local = d[i + 8];
                    i += 9;
                    if ((local & 0x80) != 0)
                    {
                        i += 3 * (1 << ((local & 7) + 1));
                    }

                    i++; // LZW minimum code size
                    if (!SkipSubBlocks(d, ref i))
                    {
                        return Result.Truncated;
                    }

                    frames++;
                    break;
                default:
                    return Result.Unreadable;
            }
        }
    }

    private static bool SkipSubBlocks(ReadOnlySpan<byte> d, ref int i)
    {
        while (true)
        {
            if (i >= d.Length)
            {
                return false;
            }

            var size = d[i++];
            if (size == 0)
            {
                return true;
            }

            i += size;
        }
    }

    private static Result Webp(ReadOnlySpan<byte> d)
    {
        if (d.Length < 12)
        {
            return Result.Truncated;
        }

        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(d.Slice(4, 4));
        if (8L + riffSize > d.Length)
        {
            return Result.Truncated;
        }

        var end = 8L + riffSize;
        var i = 12L;
        var frames = 0;
        while (i + 8 <= end)
        {
            var type = d.Slice((int)i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(d.Slice((int)i + 4, 4));
            if (i + 8 + size > end)
            {
                return Result.Truncated;
            }

            if (type.SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            i += 8 + size + (size & 1);
        }

        return Result.Ok(Math.Max(frames, 1));
    }
}
