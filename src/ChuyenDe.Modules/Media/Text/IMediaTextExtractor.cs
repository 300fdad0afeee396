namespace ChuyenDe.Modules.Media.Text;

/// <summary>How far extraction went.</summary>
public enum TextExtractionStatus
{
    /// <summary>All the text was extracted.</summary>
    Complete,

    /// <summary>A limit (<see cref="ExtractedText.Limit"/>) stopped extraction: the text extracted so far is kept.</summary>
    Partial,

    /// <summary>No text was extracted, for the reason in <see cref="ExtractedText.Limit"/>; the file itself is harmless.</summary>
    Skipped,

    /// <summary>
    /// The document expands far beyond any real document (a decompression bomb, <see cref="ExtractedText.Limit"/>):
    /// the upload must be refused. No text.
    /// </summary>
    Refused,
}

/// <summary>Which limit of <see cref="MediaTextOptions"/> stopped extraction.</summary>
public enum TextLimit
{
    None,

    /// <summary><see cref="MediaTextOptions.MaxCharacters"/>.</summary>
    Characters,

    /// <summary><see cref="MediaTextOptions.MaxPages"/>.</summary>
    Pages,

    /// <summary><see cref="MediaTextOptions.MaxPartBytes"/> for one part of a DOCX/PPTX.</summary>
    PartSize,

    /// <summary><see cref="MediaTextOptions.MaxTotalBytes"/>: all the parts or streams of one document together.</summary>
    TotalSize,

    /// <summary><see cref="MediaTextOptions.TimeLimit"/>.</summary>
    Time,

    /// <summary>Waiting for one of the <see cref="MediaTextOptions.MaxConcurrentExtractions"/> took longer than the time limit.</summary>
    Busy,

    /// <summary>A PDF stream uses a compression the server does not check before parsing (LZW, encryption, a damaged stream).</summary>
    Unverifiable,

    /// <summary>A ZIP entry inflates more than <see cref="MediaTextOptions.MaxCompressionRatio"/> times its compressed size.</summary>
    CompressionRatio,

    /// <summary>A PDF stream inflates to more than <see cref="MediaTextOptions.MaxPartBytes"/>.</summary>
    StreamSize,
}

/// <summary>
/// Text of a document, for search. <see cref="PageCount"/>: pages of a PDF, slides of a PPTX, null otherwise.
/// <see cref="Status"/> and <see cref="Limit"/> say whether a limit cut the text short or refused the document.
/// </summary>
public sealed record ExtractedText(string Text, int? PageCount, TextExtractionStatus Status = TextExtractionStatus.Complete, TextLimit Limit = TextLimit.None);

/// <summary>Extracts the text of PDF, DOCX and PPTX documents.</summary>
public interface IMediaTextExtractor
{
    /// <summary>
    /// The text of <paramref name="content"/> (NFC, white space collapsed per line, capped), or null when the kind has no
    /// extractor (<paramref name="extension"/> such as <c>.pdf</c>) or the document is damaged. A limit of
    /// <see cref="MediaTextOptions"/> gives a partial, skipped or refused result (<see cref="ExtractedText.Status"/>).
    /// Never throws for a bad document; throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// The stream holds the document from its first byte; a seekable stream is read in place, another is copied to a
    /// temporary file first. The work has stopped when the returned task completes (also after the time limit).
    /// </summary>
    Task<ExtractedText?> ExtractAsync(Stream content, string extension, CancellationToken ct = default);
}

/// <summary>Bound from <c>ChuyenDe:Media:Text</c>.</summary>
public sealed class MediaTextOptions
{
    public const string Section = "ChuyenDe:Media:Text";

    /// <summary>Extraction of one document is stopped after this time (a hostile PDF cannot hang an upload).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longer text is cut.</summary>
    public int MaxCharacters { get; set; } = 1_000_000;

    /// <summary>Pages of a PDF (slides of a PPTX) read at most; the rest is not indexed.</summary>
    public int MaxPages { get; set; } = 2_000;

    /// <summary>
    /// Bytes one part of a DOCX/PPTX may inflate to (more is not read), and one PDF stream (more refuses the PDF: the
    /// parser would hold it in memory).
    /// </summary>
    public long MaxPartBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Bytes all the parts read from one document may inflate to together (the PDF check included).</summary>
    public long MaxTotalBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>
    /// A ZIP entry (DOCX/PPTX/XLSX/ODT) that inflates more than this many times its compressed size, once past
    /// <see cref="RatioCheckMinBytes"/>, is a decompression bomb: the upload is refused. Checked on the sizes the
    /// archive declares and again on the bytes really inflated.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Entries smaller than this may have any ratio (short XML compresses very well).</summary>
    public long RatioCheckMinBytes { get; set; } = 1024 * 1024;

    /// <summary>Documents whose text is extracted at the same time; more wait (up to <see cref="TimeLimit"/>).</summary>
    public int MaxConcurrentExtractions { get; set; } = 2;
}
