using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ChuyenDe.Modules.Media.Text;

/// <summary>PDF through PdfPig, DOCX and PPTX through DocumentFormat.OpenXml; each run off the caller's thread with a time limit.</summary>
public sealed class MediaTextExtractor(IOptions<MediaTextOptions> options, ILogger<MediaTextExtractor> logger) : IMediaTextExtractor
{
    public async Task<ExtractedText?> ExtractAsync(Stream content, string extension, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = (extension.StartsWith('.') ? extension : "." + extension).ToLowerInvariant();
        Func<Stream, CancellationToken, (string Text, int? Pages)>? extract = kind switch
        {
            ".pdf" => ExtractPdf,
            ".docx" => ExtractDocx,
            ".pptx" => ExtractPptx,
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
            var input = content;
            if (!content.CanSeek)
            {
                var copy = new MemoryStream();
                await content.CopyToAsync(copy, limit.Token);
                copy.Position = 0;
                input = copy;
            }

            // The libraries are synchronous and do not observe cancellation inside a page: the work runs on the thread
            // pool and is abandoned (not awaited) when the limit passes.
            var guarded = new CancellableReadStream(input, limit.Token);
            var work = Task.Run(() => extract(guarded, limit.Token), limit.Token);
            var (text, pages) = await work.WaitAsync(limit.Token);
            return new ExtractedText(Normalize(text, settings.MaxCharacters), pages);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Text extraction of a {Extension} document was abandoned after {Limit}.", kind, settings.TimeLimit);
            return null;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The text of a {Extension} document could not be extracted: it seems damaged.", kind);
            return null;
        }
    }

    private static (string, int?) ExtractPdf(Stream stream, CancellationToken ct)
    {
        using var document = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true });
        var pages = new List<string>(document.NumberOfPages);
        foreach (var page in document.GetPages())
        {
            ct.ThrowIfCancellationRequested();
            pages.Add(ContentOrderTextExtractor.GetText(page));
        }

        return (string.Join("\n\n", pages), document.NumberOfPages);
    }

    private static (string, int?) ExtractDocx(Stream stream, CancellationToken ct)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        var lines = new List<string>();
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            ct.ThrowIfCancellationRequested();
            var line = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                // Only this paragraph's own runs: a text box nested in it has paragraphs of its own.
                if (element.Ancestors<W.Paragraph>().FirstOrDefault() != paragraph)
                {
                    continue;
                }

                switch (element)
                {
                    case W.Text t:
                        line.Append(t.Text);
                        break;
                    case W.TabChar:
                        line.Append(' ');
                        break;
                    case W.Break or W.CarriageReturn:
                        line.Append('\n');
                        break;
                }
            }

            lines.Add(line.ToString());
        }

        return (string.Join("\n", lines), null);
    }

    private static (string, int?) ExtractPptx(Stream stream, CancellationToken ct)
    {
        using var document = PresentationDocument.Open(stream, false);
        var part = document.PresentationPart ?? throw new InvalidDataException("The presentation has no presentation part.");
        var slideIds = part.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>().ToList() ?? [];
        var slides = new List<string>(slideIds.Count);
        foreach (var slideId in slideIds)
        {
            ct.ThrowIfCancellationRequested();
            if (slideId.RelationshipId?.Value is not { } relationship || part.GetPartById(relationship) is not SlidePart slidePart)
            {
                continue;
            }

            var lines = slidePart.Slide?.Descendants<A.Paragraph>()
                .Select(p => string.Concat(p.Descendants<A.Text>().Select(t => t.Text)))
                .ToList() ?? [];
            slides.Add(string.Join("\n", lines));
        }

        return (string.Join("\n\n", slides), slideIds.Count);
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
