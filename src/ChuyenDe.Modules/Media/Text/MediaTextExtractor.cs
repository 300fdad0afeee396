using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ChuyenDe.Modules.Media.Text;

/// <summary>
/// PDF through PdfPig (after <see cref="PdfStreamScanner"/> has inflated every stream it would, with a cap), DOCX and
/// PPTX through <see cref="OfficeTextReader"/> (parts streamed from the ZIP with size and ratio limits). At most
/// <see cref="MediaTextOptions.MaxConcurrentExtractions"/> documents at once; each runs off the caller's thread and is
/// stopped, not abandoned, at the time limit: the loops and every read of the document observe the cancellation, and
/// the work is awaited before the result is returned.
/// </summary>
public sealed class MediaTextExtractor : IMediaTextExtractor, IDisposable
{
    private readonly IOptions<MediaTextOptions> options;
    private readonly ILogger<MediaTextExtractor> logger;
    private readonly SemaphoreSlim gate;

    public MediaTextExtractor(IOptions<MediaTextOptions> options, ILogger<MediaTextExtractor> logger)
    {
        this.options = options;
        this.logger = logger;
        var concurrent = Math.Max(1, options.Value.MaxConcurrentExtractions);
        gate = new SemaphoreSlim(concurrent, concurrent);
    }

    public async Task<ExtractedText?> ExtractAsync(Stream content, string extension, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = (extension.StartsWith('.') ? extension : "." + extension).ToLowerInvariant();
        Func<Stream, MediaTextOptions, CancellationToken, (string Text, int? Pages, TextLimit Limit)>? extract = kind switch
        {
            ".pdf" => ExtractPdf,
            ".docx" => (s, o, t) => FromOffice(s, o, t, static (r, s) => r.ReadDocx(s)),
            ".pptx" => (s, o, t) => FromOffice(s, o, t, static (r, s) => r.ReadPptx(s)),
            _ => null,
        };
        if (extract is null)
        {
            return null;
        }

        var settings = options.Value;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(settings.TimeLimit);
        try
        {
            await gate.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Text extraction of a {Extension} document waited {Limit} for one of {Count} extraction slots and was skipped.",
                kind, settings.TimeLimit, settings.MaxConcurrentExtractions);
            return new ExtractedText("", null, TextExtractionStatus.Skipped, TextLimit.Busy);
        }

        FileStream? copy = null;
        try
        {
            // The time limit counts from here: waiting for a slot is not working.
            limit.CancelAfter(settings.TimeLimit);
            var input = content;
            if (!content.CanSeek)
            {
                copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await content.CopyToAsync(copy, limit.Token);
                copy.Position = 0;
                input = copy;
            }

            var guarded = new CancellableReadStream(input, limit.Token);
            // The libraries are synchronous: the work runs on the thread pool, and is awaited even after the time limit
            // (it stops at its next check of the token, which every loop and every read of the document makes).
            var (text, pages, reached) = await Task.Run(() => extract(guarded, settings, limit.Token), CancellationToken.None);
            var normalized = Normalize(text, settings.MaxCharacters);
            if (reached == TextLimit.None && normalized.Length >= settings.MaxCharacters && text.Length > normalized.Length)
            {
                reached = TextLimit.Characters;
            }

            if (reached != TextLimit.None)
            {
                logger.LogInformation("Only part of the text of a {Extension} document was extracted: the {Limit} limit was reached.", kind, reached);
            }

            return new ExtractedText(normalized, pages, reached == TextLimit.None ? TextExtractionStatus.Complete : TextExtractionStatus.Partial, reached);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Text extraction of a {Extension} document was stopped after {Limit}.", kind, settings.TimeLimit);
            return new ExtractedText("", null, TextExtractionStatus.Skipped, TextLimit.Time);
        }
        catch (ExtractionLimitException e) when (e.Refuse)
        {
            logger.LogWarning("A {Extension} document was refused: it inflates beyond the {Limit} limit (a decompression bomb).", kind, e.Limit);
            return new ExtractedText("", null, TextExtractionStatus.Refused, e.Limit);
        }
        catch (ExtractionLimitException e)
        {
            logger.LogWarning("The text of a {Extension} document was not extracted: the {Limit} limit was reached.", kind, e.Limit);
            return new ExtractedText("", null, TextExtractionStatus.Skipped, e.Limit);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The text of a {Extension} document could not be extracted: it seems damaged.", kind);
            return null;
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }

            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static (string, int?, TextLimit) ExtractPdf(Stream stream, MediaTextOptions settings, CancellationToken ct)
    {
        PdfStreamScanner.Check(stream, settings, ct);
        stream.Position = 0;
        using var document = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true });
        var count = document.NumberOfPages;
        var pages = new List<string>(Math.Min(count, settings.MaxPages));
        var characters = 0L;
        var reached = TextLimit.None;
        for (var number = 1; number <= count; number++)
        {
            ct.ThrowIfCancellationRequested();
            if (number > settings.MaxPages)
            {
                reached = TextLimit.Pages;
                break;
            }

            var text = ContentOrderTextExtractor.GetText(document.GetPage(number));
            pages.Add(text);
            characters += text.Length;
            if (characters > settings.MaxCharacters + settings.MaxCharacters / 4L + 1024)
            {
                reached = TextLimit.Characters;
                break;
            }
        }

        return (string.Join("\n\n", pages), count, reached);
    }

    private static (string, int?, TextLimit) FromOffice(Stream stream, MediaTextOptions settings, CancellationToken ct,
        Func<OfficeTextReader, Stream, (string Text, int? Pages)> read)
    {
        var reader = new OfficeTextReader(settings, ct);
        var (text, pages) = read(reader, stream);
        return (text, pages, reader.Limit);
    }

    /// <summary>NFC; per line, runs of white space become one space and ends are trimmed; at most one blank line in a row; capped.</summary>
    internal static string Normalize(string text, int maxCharacters)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(Math.Min(text.Length, maxCharacters + 16));
        var blankPending = false;
        foreach (var rawLine in text.Split(["\r\n", "\r", "\n", "\u2028", "\u2029", "\f", "\v"], StringSplitOptions.None))
        {
            var line = CollapseWhiteSpace(rawLine);
            if (line.Length == 0)
            {
                blankPending = output.Length > 0;
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(blankPending ? "\n\n" : "\n");
            }

            blankPending = false;
            output.Append(line);
            if (output.Length >= maxCharacters)
            {
                break;
            }
        }

        if (output.Length > maxCharacters)
        {
            var cut = maxCharacters;
            if (cut > 0 && char.IsHighSurrogate(output[cut - 1]))
            {
                cut--;
            }

            output.Length = cut;
        }

        return output.ToString();
    }

    private static string CollapseWhiteSpace(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
