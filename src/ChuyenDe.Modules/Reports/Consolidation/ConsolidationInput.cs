using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// What the consolidation writers work from, in plain records the caller fills from the round and its reports: the
/// round's title, outline and indicators, and the units asked, in the order to show them.
/// </summary>
public sealed record ConsolidationInput
{
    /// <summary>The round's title, e.g. "Sơ kết 02 năm thực hiện chuyên đề giai đoạn 2021–2025".</summary>
    public string RoundTitle { get; init; } = "";

    public IReadOnlyList<OutlineSection> Outline { get; init; } = [];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public IReadOnlyList<ConsolidationUnit> Units { get; init; } = [];

    /// <summary>
    /// The name of the units' level, used for their sheet and column (e.g. "Trường", "Phòng GD&amp;ĐT"); null = "Trường"
    /// when the units are grouped by district, "Đơn vị" otherwise.
    /// </summary>
    public string? UnitLevelName { get; init; }

    /// <summary>The name of the groups' level (their sheet and column); null = "Phòng GD&amp;ĐT".</summary>
    public string? GroupLevelName { get; init; }
}

/// <summary>
/// One unit asked: its key, its organisation's name, the group it is added up under (its district office, for a
/// school; none for a unit asked directly), its indicator values (normalised, as stored — see
/// <see cref="IndicatorEntries"/>) and its text per outline section key (Markdown). A unit that has not answered has
/// no values and no texts; it still counts among the units asked.
/// </summary>
public sealed record ConsolidationUnit
{
    public string Key { get; init; } = "";

    public string Name { get; init; } = "";

    public string? GroupKey { get; init; }

    public string? GroupName { get; init; }

    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> SectionTexts { get; init; } = new Dictionary<string, string?>();
}

/// <summary>Collective (tập thể: an organisation) or individual (cá nhân).</summary>
public enum NominationKind
{
    Collective,
    Individual,
}

/// <summary>
/// A commendation nomination sent by a unit: for a collective, its <see cref="Name"/> is the organisation; for an
/// individual, the person's name, position and organisation. Its files (the achievement report…) are opened when the
/// ZIP is written.
/// </summary>
public sealed record Nomination
{
    public string UnitKey { get; init; } = "";

    public string UnitName { get; init; } = "";

    public NominationKind Kind { get; init; }

    public string Name { get; init; } = "";

    public string? Position { get; init; }

    public string? Organisation { get; init; }

    public IReadOnlyList<NominationFile> Files { get; init; } = [];
}

/// <summary>A file of a nomination: its name as uploaded and how to open it (the writer disposes the stream).</summary>
public sealed record NominationFile(string FileName, Func<CancellationToken, Task<Stream>> Open)
{
    public static NominationFile FromBytes(string fileName, byte[] content)
        => new(fileName, _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
}
