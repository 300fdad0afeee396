namespace ChuyenDe.Modules.Media.Text;

/// <summary>Text of a document, for search. <see cref="PageCount"/>: pages of a PDF, slides of a PPTX, null otherwise.</summary>
public sealed record ExtractedText(string Text, int? PageCount);

/// <summary>Extracts the text of PDF, DOCX and PPTX documents.</summary>
public interface IMediaTextExtractor
{
    /// <summary>
    /// The text of <paramref name="content"/> (NFC, white space collapsed per line, capped), or null when the kind has no
    /// extractor (<paramref name="extension"/> such as <c>.pdf</c>), the document is damaged or extraction took too long.
    /// Never throws for a bad document; throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// The stream holds the document from its first byte; a seekable stream is read in place,
    /// another is copied to memory first. The libraries cannot be interrupted inside a page: after the time limit the
    /// parser is abandoned and fails at its next read of the stream.
    /// </summary>
    Task<ExtractedText?> ExtractAsync(Stream content, string extension, CancellationToken ct = default);
}

/// <summary>Bound from <c>ChuyenDe:Media:Text</c>.</summary>
public sealed class MediaTextOptions
{
    public const string Section = "ChuyenDe:Media:Text";

    /// <summary>Extraction of one document is abandoned after this time (a hostile PDF cannot hang an upload).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longer text is cut.</summary>
    public int MaxCharacters { get; set; } = 1_000_000;
}
