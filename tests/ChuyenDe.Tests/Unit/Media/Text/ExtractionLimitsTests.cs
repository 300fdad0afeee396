using System.Diagnostics;
using System.IO.Compression;
using ChuyenDe.Modules.Media.Text;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChuyenDe.Tests.Unit.Media.Text;

/// <summary>Tests that measure the memory of the whole process: they run alone.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Decompression bombs and oversized documents: refused or cut short, quickly, with the memory of the process bounded
/// (bytes allocated by the whole process while extracting, measured with nothing else running).
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class ExtractionLimitsTests
{
    private const long MaxAllocated = 64L * 1024 * 1024;

    private static MediaTextExtractor Create(Action<MediaTextOptions>? configure = null)
    {
        var options = new MediaTextOptions();
        configure?.Invoke(options);
        return new MediaTextExtractor(Options.Create(options), NullLogger<MediaTextExtractor>.Instance);
    }

    private static async Task<(ExtractedText? Text, long Allocated, TimeSpan Elapsed)> MeasureAsync(byte[] bytes, string extension, MediaTextExtractor? extractor = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        extractor ??= Create();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var text = await extractor.ExtractAsync(stream, extension);
        watch.Stop();
        return (text, GC.GetTotalAllocatedBytes(precise: true) - before, watch.Elapsed);
    }

    [Fact]
    public async Task A_DOCX_whose_document_part_inflates_to_a_gigabyte_is_refused_with_little_memory()
    {
        var bomb = BombFiles.Docx(BombFiles.GiB);
        Assert.InRange(bomb.Length, 1, 2 * 1024 * 1024);

        var (text, allocated, elapsed) = await MeasureAsync(bomb, ".docx");

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Refused, text.Status);
        Assert.Equal(TextLimit.CompressionRatio, text.Limit);
        Assert.Equal("", text.Text);
        Assert.True(allocated < MaxAllocated, $"{allocated:N0} bytes allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), elapsed.ToString());
    }

    [Fact]
    public async Task A_DOCX_bomb_whose_headers_understate_the_size_is_still_stopped_by_the_bytes_really_inflated()
    {
        // The ZIP claims document.xml inflates to 512 KB: under the size where the ratio matters, so the declared
        // sizes pass. The bytes past the declared size are never handed over (the archive stops there, the XML is cut
        // and the document counts as damaged) or, were they, the guard would refuse them: never a gigabyte of text.
        var lying = BombFiles.Docx(BombFiles.GiB, declaredLength: 512 * 1024);

        var (text, allocated, elapsed) = await MeasureAsync(lying, ".docx");

        Assert.True(text is null || text.Status == TextExtractionStatus.Refused, text?.Status.ToString());
        Assert.True(allocated < MaxAllocated, $"{allocated:N0} bytes allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), elapsed.ToString());
    }

    [Fact]
    public void The_guard_counts_the_bytes_really_inflated_whatever_the_headers_say()
    {
        var deflated = BombFiles.Deflate([], (byte)'a', 256L * 1024 * 1024, []);
        using var guard = new InflationGuardStream(new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress),
            maxBytes: long.MaxValue, compressedLength: deflated.Length, maxRatio: 200, ratioMinBytes: 1024 * 1024, budget: null, CancellationToken.None);
        var buffer = new byte[81920];

        var refused = Assert.Throws<ExtractionLimitException>(() =>
        {
            while (guard.Read(buffer) > 0)
            {
            }
        });

        Assert.True(refused.Refuse);
        Assert.Equal(TextLimit.CompressionRatio, refused.Limit);
        Assert.InRange(guard.BytesRead, 200L * deflated.Length, 200L * deflated.Length + buffer.Length);
    }

    [Fact]
    public async Task A_PDF_whose_content_stream_inflates_to_gigabytes_is_refused_before_PdfPig_reads_it()
    {
        var bomb = BombFiles.Pdf(2 * BombFiles.GiB);
        Assert.InRange(bomb.Length, 1, 4 * 1024 * 1024);

        var (text, allocated, elapsed) = await MeasureAsync(bomb, ".pdf");

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Refused, text.Status);
        Assert.Equal(TextLimit.StreamSize, text.Limit);
        Assert.True(allocated < MaxAllocated, $"{allocated:N0} bytes allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), elapsed.ToString());
    }

    [Fact]
    public async Task A_PDF_bomb_wrapped_in_two_Flate_layers_is_refused_too()
    {
        var (text, allocated, _) = await MeasureAsync(BombFiles.Pdf(BombFiles.GiB, flateLayers: 2), ".pdf");

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Refused, text.Status);
        Assert.True(allocated < MaxAllocated, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public async Task A_PDF_content_stream_under_a_filter_that_is_not_checked_is_not_parsed()
    {
        var pdf = BombFiles.PdfWithContent([0x80, 0x0B, 0x60, 0x50], "/LZWDecode");

        var (text, _, _) = await MeasureAsync(pdf, ".pdf");

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Skipped, text.Status);
        Assert.Equal(TextLimit.Unverifiable, text.Limit);
    }

    [Fact]
    public async Task A_PDF_stream_under_its_limit_is_parsed()
    {
        // 4 MiB of zeros in the content stream: over nothing, so PdfPig reads the page (no text on it).
        var (text, _, _) = await MeasureAsync(BombFiles.Pdf(4 * 1024 * 1024), ".pdf");

        Assert.True(text is null || text.Status != TextExtractionStatus.Refused, text?.Status.ToString());
    }

    [Fact]
    public async Task Text_over_the_character_limit_is_cut_and_marked_partial()
    {
        var paragraphs = Enumerable.Range(1, 400).Select(i => $"Đoạn {i}: trẻ học qua chơi, chơi mà học.").ToList();
        var docx = SampleFiles.Docx(paragraphs);

        var (text, _, _) = await MeasureAsync(docx, ".docx", Create(o => o.MaxCharacters = 1_000));

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Partial, text.Status);
        Assert.Equal(TextLimit.Characters, text.Limit);
        Assert.Equal(1_000, text.Text.Length);
        Assert.StartsWith("Đoạn 1: trẻ học qua chơi, chơi mà học.\nĐoạn 2:", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DOCX_part_over_the_size_limit_is_read_up_to_the_limit()
    {
        var paragraphs = Enumerable.Range(1, 2_000).Select(i => $"Hoạt động {i} của lớp Mầm").ToList();
        var docx = SampleFiles.Docx(paragraphs);

        var (text, _, _) = await MeasureAsync(docx, ".docx", Create(o => o.MaxPartBytes = 20_000));

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Partial, text.Status);
        Assert.Equal(TextLimit.PartSize, text.Limit);
        Assert.StartsWith("Hoạt động 1 của lớp Mầm\nHoạt động 2 của lớp Mầm", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoạt động 2000 ", text.Text + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_over_the_limit_of_a_PDF_are_not_read()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= 5; i++)
        {
            builder.AddPage(PageSize.A4).AddText($"Trang {i}", 12, new PdfPoint(40, 750), font);
        }

        var (text, _, _) = await MeasureAsync(builder.Build(), ".pdf", Create(o => o.MaxPages = 2));

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Partial, text.Status);
        Assert.Equal(TextLimit.Pages, text.Limit);
        Assert.Equal(5, text.PageCount);
        Assert.Equal("Trang 1\n\nTrang 2", text.Text);
    }

    [Fact]
    public async Task Slides_over_the_limit_of_a_PPTX_are_not_read()
    {
        var pptx = SampleFiles.Pptx(["Một"], ["Hai"], ["Ba"]);

        var (text, _, _) = await MeasureAsync(pptx, ".pptx", Create(o => o.MaxPages = 2));

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Partial, text.Status);
        Assert.Equal("Một\n\nHai", text.Text);
        Assert.Equal(3, text.PageCount);
    }
}
