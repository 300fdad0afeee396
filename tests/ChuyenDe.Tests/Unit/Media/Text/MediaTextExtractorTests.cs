using System.Text;
using ChuyenDe.Modules.Media.Text;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Media.Text;

public sealed class MediaTextExtractorTests
{
    private const string Topic = "Xây dựng trường mầm non lấy trẻ làm trung tâm";

    private static readonly string[] Fonts =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static (MediaTextExtractor Extractor, RecordingLogger Log) Create(Action<MediaTextOptions>? configure = null)
    {
        var options = new MediaTextOptions();
        configure?.Invoke(options);
        var log = new RecordingLogger();
        return (new MediaTextExtractor(Options.Create(options), log), log);
    }

    private static async Task<ExtractedText?> ExtractAsync(byte[] bytes, string extension)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await Create().Extractor.ExtractAsync(stream, extension, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Vietnamese_text_and_the_page_count_of_a_PDF_are_extracted_exactly()
    {
        var font = Fonts.FirstOrDefault(File.Exists);
        Skip.If(font is null && Environment.GetEnvironmentVariable("CI") != "true",
            "No TrueType font with Vietnamese letters (install fonts-noto-core or fonts-liberation2).");
        Assert.NotNull(font);

        var pdf = SampleFiles.Pdf(font, Topic, "Trẻ được chủ động khám phá, trải nghiệm");
        var text = await ExtractAsync(pdf, ".pdf");

        Assert.NotNull(text);
        Assert.Equal(2, text.PageCount);
        Assert.Equal(Topic + "\n\nTrẻ được chủ động khám phá, trải nghiệm", text.Text);
        Assert.True(text.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Paragraphs_and_tables_of_a_DOCX_are_extracted_in_order_and_in_NFC()
    {
        var decomposed = "Mục tiêu: trẻ tự tin, mạnh dạn".Normalize(NormalizationForm.FormD);
        var docx = SampleFiles.Docx(
            [Topic, "  Kế hoạch   năm học   2025–2026  ", decomposed],
            [["Hoạt động", "Thời gian"], ["Góc xây dựng", "Thứ Hai"]]);

        var text = await ExtractAsync(docx, ".DOCX");

        Assert.NotNull(text);
        Assert.Null(text.PageCount);
        Assert.Equal(
            Topic + "\nKế hoạch năm học 2025–2026\nMục tiêu: trẻ tự tin, mạnh dạn\nHoạt động\nThời gian\nGóc xây dựng\nThứ Hai",
            text.Text);
        Assert.True(text.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task The_slides_of_a_PPTX_are_extracted_in_order()
    {
        var pptx = SampleFiles.Pptx(
            [Topic, "Trường Mầm non Bến Thành"],
            ["Trẻ học qua chơi", "Cô giáo là người hỗ trợ"]);

        var text = await ExtractAsync(pptx, "pptx");

        Assert.NotNull(text);
        Assert.Equal(2, text.PageCount);
        Assert.Equal(Topic + "\nTrường Mầm non Bến Thành\n\nTrẻ học qua chơi\nCô giáo là người hỗ trợ", text.Text);
    }

    [Theory]
    [InlineData(".pdf")]
    [InlineData(".docx")]
    [InlineData(".pptx")]
    public async Task A_damaged_document_gives_null_and_a_warning(string extension)
    {
        var (extractor, log) = Create();
        var damaged = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage garbage\nPK\u0003\u0004 truncated");
        using var stream = new MemoryStream(damaged);

        var text = await extractor.ExtractAsync(stream, extension, CancellationToken.None);

        Assert.Null(text);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_truncated_PDF_gives_null()
    {
        var pdf = SampleFiles.Pdf("Xin chao");

        Assert.Null(await ExtractAsync(pdf[..(pdf.Length / 3)], ".pdf"));
    }

    [Fact]
    public async Task Kinds_without_an_extractor_give_null_without_reading()
        => Assert.Null(await ExtractAsync(SampleFiles.Jpeg(), ".jpg"));

    [Fact]
    public async Task A_document_that_takes_too_long_is_stopped_at_the_time_limit_not_left_running()
    {
        var (extractor, log) = Create(o => o.TimeLimit = TimeSpan.FromMilliseconds(300));
        // Every read takes 100 ms: the whole document would take seconds.
        await using var stream = new SlowStream(SampleFiles.Pdf(), TimeSpan.FromMilliseconds(100));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var text = await extractor.ExtractAsync(stream, ".pdf", CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Skipped, text.Status);
        Assert.Equal(TextLimit.Time, text.Limit);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("stopped after", StringComparison.Ordinal));
        // Nothing is still working on the document once the result is back, and nothing reads it afterwards.
        Assert.Equal(0, stream.Active);
        var reads = stream.Reads;
        await Task.Delay(400);
        Assert.Equal(reads, stream.Reads);
    }

    [Fact]
    public async Task No_more_documents_than_configured_are_extracted_at_once()
    {
        var (extractor, _) = Create(o => o.MaxConcurrentExtractions = 1);
        var counter = new ConcurrencyCounter();
        await using var first = new SlowStream(SampleFiles.Pdf("Mot"), TimeSpan.FromMilliseconds(5), counter);
        await using var second = new SlowStream(SampleFiles.Pdf("Hai"), TimeSpan.FromMilliseconds(5), counter);

        var texts = await Task.WhenAll(extractor.ExtractAsync(first, ".pdf"), extractor.ExtractAsync(second, ".pdf"));

        Assert.Equal(["Mot", "Hai"], texts.Select(t => t?.Text));
        Assert.Equal(1, counter.Peak);
    }

    [Fact]
    public async Task A_document_that_waits_longer_than_the_time_limit_for_a_turn_is_skipped_as_busy()
    {
        var (extractor, _) = Create(o =>
        {
            o.MaxConcurrentExtractions = 1;
            o.TimeLimit = TimeSpan.FromMilliseconds(400);
        });
        await using var slow = new SlowStream(SampleFiles.Pdf(), TimeSpan.FromMilliseconds(300));
        var busy = extractor.ExtractAsync(slow, ".pdf");
        using var waiting = new MemoryStream(SampleFiles.Pdf("Cho"));

        var text = await extractor.ExtractAsync(waiting, ".pdf");

        Assert.NotNull(text);
        Assert.Equal(TextExtractionStatus.Skipped, text.Status);
        Assert.Equal(TextLimit.Busy, text.Limit);
        await busy;
    }

    [Fact]
    public async Task The_callers_cancellation_is_passed_on()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream(SampleFiles.Pdf());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create().Extractor.ExtractAsync(stream, ".pdf", cancelled.Token));
    }

    [Fact]
    public void Whitespace_is_collapsed_per_line_and_blank_lines_kept_single()
        => Assert.Equal("a b\n\nc d", MediaTextExtractor.Normalize("  a \t\u00A0 b  \r\n\r\n \r\n\n c   d \n\n", 1000));

    [Fact]
    public void Text_is_capped()
    {
        Assert.Equal(1_000_000, MediaTextExtractor.Normalize(new string('a', 1_200_000), 1_000_000).Length);
        Assert.Equal("ab", MediaTextExtractor.Normalize("ab\ncd", 2));
    }

    internal sealed class ConcurrencyCounter
    {
        private readonly Lock gate = new();
        private int active;

        public int Peak { get; private set; }

        public void Enter()
        {
            var now = Interlocked.Increment(ref active);
            lock (gate)
            {
                Peak = Math.Max(Peak, now);
            }
        }

        public void Leave() => Interlocked.Decrement(ref active);
    }

    /// <summary>Each read waits <paramref name="delay"/> and gives at most 64 bytes: a document that takes long to parse.</summary>
    private sealed class SlowStream(byte[] bytes, TimeSpan delay, ConcurrencyCounter? counter = null) : MemoryStream(bytes)
    {
        private int active;
        private int reads;

        public int Active => Volatile.Read(ref active);

        public int Reads => Volatile.Read(ref reads);

        // MemoryStream.Read(Span) of a derived class comes here too.
        public override int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref active);
            Interlocked.Increment(ref reads);
            counter?.Enter();
            try
            {
                Thread.Sleep(delay);
                return base.Read(buffer, offset, Math.Min(count, 64));
            }
            finally
            {
                counter?.Leave();
                Interlocked.Decrement(ref active);
            }
        }
    }

    internal sealed record LogEntry(LogLevel Level, string Message);

    private sealed class RecordingLogger : ILogger<MediaTextExtractor>
    {
        public List<LogEntry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add(new LogEntry(logLevel, formatter(state, exception)));
            }
        }
    }
}
