using System.Text.Json;
using System.Text.Json.Serialization;
using ChuyenDe.Modules.Reports.Consolidation;

namespace ChuyenDe.Modules.Reports;

/// <summary>What a piece of evidence points at: a file of the unit's media library or an item of its library.</summary>
public enum EvidenceKind
{
    File,
    LibraryItem,
}

/// <summary>
/// One piece of evidence (minh chứng) of a unit's report: a media path (<see cref="EvidenceKind.File"/>) or a content item
/// id (<see cref="EvidenceKind.LibraryItem"/>) in <see cref="Target"/>, the file's or item's name when it was chosen, the
/// outline section it supports (optional) and a short caption.
/// </summary>
public sealed record EvidenceEntry
{
    public EvidenceKind Kind { get; init; }

    public string Target { get; init; } = "";

    public string Name { get; init; } = "";

    public string? SectionKey { get; init; }

    public string? Caption { get; init; }
}

/// <summary>
/// One commendation nomination (đề nghị khen thưởng) of a unit's report: a collective (<see cref="OrganizationId"/> of
/// the unit or a unit below it, its name in <see cref="Name"/>) or an individual (name, position, organisation), with
/// the achievement report (báo cáo thành tích) as a media path of the unit's library.
/// </summary>
public sealed record NominationEntry
{
    public NominationKind Kind { get; init; }

    public string? OrganizationId { get; init; }

    public string Name { get; init; } = "";

    public string? Position { get; init; }

    public string? Organisation { get; init; }

    public string? FilePath { get; init; }

    public string? FileName { get; init; }
}

/// <summary>The evidence and nominations as stored on <see cref="UnitReport"/> and <see cref="UnitReportVersion"/> (JSON arrays).</summary>
public static class UnitReportAttachments
{
    public const int MaxEvidence = 100;

    public const int MaxCaptionLength = 500;

    public const int MaxNameLength = 200;

    /// <summary>The achievement report's form (Decree 91/2017) comes as a Word document or a PDF.</summary>
    public static readonly IReadOnlySet<string> NominationFileExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".docx", ".pdf" };

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<EvidenceEntry> ReadEvidence(string? json)
        => string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<EvidenceEntry>>(json, Options) ?? [];

    public static IReadOnlyList<NominationEntry> ReadNominations(string? json)
        => string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<NominationEntry>>(json, Options) ?? [];

    public static string Write(IReadOnlyList<EvidenceEntry> evidence) => JsonSerializer.Serialize(evidence, Options);

    public static string Write(IReadOnlyList<NominationEntry> nominations) => JsonSerializer.Serialize(nominations, Options);

    public const string FileField = "evidence-file";

    public const string ItemField = "evidence-item";

    /// <summary>Caption of a chosen file or item (the media field's description name, so the upload script adds it).</summary>
    public static string CaptionField(string field, string target) => $"{field}.MediaText[{target}]";

    public static string SectionField(string field, string target) => $"{field}.Section[{target}]";

    public const string NominationsField = "nominations";

    public static string CollectiveField(int row, string part) => $"nomination-c-{row}-{part}";

    public static string IndividualField(int row, string part) => $"nomination-i-{row}-{part}";
}

/// <summary>The evidence and nominations as typed in the form, before they are checked.</summary>
public sealed record UnitReportAttachmentsInput(IReadOnlyList<EvidenceEntry> Evidence, IReadOnlyList<NominationEntry> Nominations)
{
    public static UnitReportAttachmentsInput Empty { get; } = new([], []);
}

/// <summary>The evidence and nominations shown read-only (the unit's submitted report, the owner's review).</summary>
public sealed record AttachmentsSummaryView(IReadOnlyList<EvidenceEntry> Evidence, IReadOnlyList<NominationEntry> Nominations, IReadOnlyDictionary<string, string> SectionTitles)
{
    /// <summary>The address of a media file (each segment escaped).</summary>
    public static string MediaUrl(string path) => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A library item's page in the back office.</summary>
    public static string ItemUrl(string contentItemId) => "/admin/noi-dung/" + Uri.EscapeDataString(contentItemId);

    public string Href(EvidenceEntry entry) => entry.Kind == EvidenceKind.File ? MediaUrl(entry.Target) : ItemUrl(entry.Target);
}
