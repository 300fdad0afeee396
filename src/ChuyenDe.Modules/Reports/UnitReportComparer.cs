using ChuyenDe.Modules.History;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>One entry (a section, an indicator…) of a versioned map in two versions: what it showed and their diff.</summary>
public sealed record ComparedEntry(string Key, string Label, int Depth, bool Multiline, string Old, string New, IReadOnlyList<DiffLine> Diff)
{
    public bool Changed => !string.Equals(Old, New, StringComparison.Ordinal);

    /// <summary>Present in the newer version only / in the older only.</summary>
    public bool Added => Old.Length == 0 && New.Length > 0;

    public bool Removed => New.Length == 0 && Old.Length > 0;
}

/// <summary>One versioned map of a unit's report compared (<see cref="UnitReportComparer.SectionsPart"/>, <see cref="UnitReportComparer.FiguresPart"/>, …).</summary>
public sealed record ComparedPart(string Key, IReadOnlyList<ComparedEntry> Entries)
{
    public IReadOnlyList<ComparedEntry> Changed => Entries.Where(e => e.Changed).ToList();
}

/// <summary>Two versions of a unit's report compared, part by part (each part one JSON map of the version).</summary>
public sealed record UnitReportComparison(UnitReportVersion From, UnitReportVersion To, IReadOnlyList<ComparedPart> Parts)
{
    public ComparedPart Part(string key) => Parts.FirstOrDefault(p => p.Key == key) ?? new ComparedPart(key, []);

    public bool AnyChange => Parts.Any(p => p.Changed.Count > 0);
}

/// <summary>
/// Compares two versions of a unit's report over their JSON maps (key → stored text). Each map is a part with its rows in
/// the round's order: the outline's sections (Markdown, a line and word diff, as the content history shows) and the
/// indicators (the value as the unit reads it, <see cref="IndicatorEntryValidator.Display"/>, old → new). Keys no
/// longer in the round's outline or indicators come last under their key, so nothing stored is hidden. Another
/// versioned map (say evidence files per section) is one more <see cref="ComparePart"/> call in <see cref="Compare"/>
/// with its reader and its rows.
/// </summary>
public sealed class UnitReportComparer(IndicatorEntryValidator validator)
{
    public const string SectionsPart = "sections";

    public const string FiguresPart = "figures";

    public const string EvidencePart = "evidence";

    public const string NominationsPart = "nominations";

    /// <summary>A row of a part: the map key, its label and depth, and how a stored text reads.</summary>
    public sealed record Row(string Key, string Label, int Depth, Func<string, string> Display);

    public UnitReportComparison Compare(IReadOnlyList<OutlineSection> outline, IReadOnlyList<IndicatorDefinition> indicators,
        UnitReportVersion from, UnitReportVersion to)
    {
        var numbered = UnitReports.NumberedTitles(outline);
        var sections = UnitReports.Sections(outline).Select(s => new Row(s.Section.Key, numbered[s.Section.Key], s.Depth, t => t)).ToList();
        var figures = indicators
            .Select(i => new Row(i.Key, i.Name + (string.IsNullOrEmpty(i.Unit) ? "" : " (" + i.Unit + ")"), 0, v => validator.Display(i, v)))
            .ToList();
        return new UnitReportComparison(from, to,
        [
            ComparePart(SectionsPart, sections, UnitReports.ReadMap(from.SectionsJson), UnitReports.ReadMap(to.SectionsJson), multiline: true),
            ComparePart(FiguresPart, figures, UnitReports.ReadMap(from.ValuesJson), UnitReports.ReadMap(to.ValuesJson), multiline: false),
            CompareEvidence(outline, from, to),
            CompareNominations(from, to),
        ]);
    }

    /// <summary>The evidence of two versions, one row per file or library item (keyed "File:path" / "LibraryItem:id"), showing its caption and section.</summary>
    private static ComparedPart CompareEvidence(IReadOnlyList<OutlineSection> outline, UnitReportVersion from, UnitReportVersion to)
    {
        var titles = UnitReports.NumberedTitles(outline);
        Dictionary<string, (string Name, string Shown)> Read(string json) => UnitReportAttachments.ReadEvidence(json)
            .GroupBy(e => e.Kind + ":" + e.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Name, Shown(g.First())), StringComparer.Ordinal);
        string Shown(EvidenceEntry e) => Joined(e.Name, e.Caption, e.SectionKey is { } key ? titles.GetValueOrDefault(key, key) : null);
        return CompareEntries(EvidencePart, Read(from.EvidenceJson), Read(to.EvidenceJson));
    }

    /// <summary>The nominations of two versions, one row per collective (keyed by organisation) or individual (by name and organisation).</summary>
    private static ComparedPart CompareNominations(UnitReportVersion from, UnitReportVersion to)
    {
        static Dictionary<string, (string Name, string Shown)> Read(string json) => UnitReportAttachments.ReadNominations(json)
            .GroupBy(n => n.Kind + ":" + (n.Kind == NominationKind.Collective ? n.OrganizationId ?? n.Name : n.Name + "|" + n.Organisation), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Name, Joined(g.First().Name, g.First().Position, g.First().Organisation, g.First().FileName ?? g.First().FilePath)), StringComparer.Ordinal);
        return CompareEntries(NominationsPart, Read(from.NominationsJson), Read(to.NominationsJson));
    }

    private static string Joined(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>Entries present in either version, in the newer version's order then the removed ones, each shown as its text.</summary>
    private static ComparedPart CompareEntries(string key, Dictionary<string, (string Name, string Shown)> old, Dictionary<string, (string Name, string Shown)> @new)
    {
        var rows = @new.Keys.Concat(old.Keys.Where(k => !@new.ContainsKey(k)))
            .Select(k => new Row(k, @new.TryGetValue(k, out var n) ? n.Name : old[k].Name, 0, t => t)).ToList();
        return ComparePart(key, rows, old.ToDictionary(p => p.Key, p => p.Value.Shown, StringComparer.Ordinal),
            @new.ToDictionary(p => p.Key, p => p.Value.Shown, StringComparer.Ordinal), multiline: false);
    }

    /// <summary>One map in two versions, row by row (then the keys without a row, by key).</summary>
    public static ComparedPart ComparePart(string key, IReadOnlyList<Row> rows, IReadOnlyDictionary<string, string> oldMap,
        IReadOnlyDictionary<string, string> newMap, bool multiline)
    {
        var known = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var orphans = oldMap.Keys.Concat(newMap.Keys).Where(k => !known.Contains(k)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(k => new Row(k, k, 0, t => t));
        var entries = new List<ComparedEntry>();
        foreach (var row in rows.Concat(orphans))
        {
            var old = oldMap.TryGetValue(row.Key, out var o) && !string.IsNullOrEmpty(o) ? row.Display(o) : "";
            var @new = newMap.TryGetValue(row.Key, out var n) && !string.IsNullOrEmpty(n) ? row.Display(n) : "";
            var diff = multiline
                ? TextDiff.Lines(old, @new)
                : TextDiff.Lines(old.Length == 0 ? [] : [old], @new.Length == 0 ? [] : [@new], wordLevel: false);
            entries.Add(new ComparedEntry(row.Key, row.Label, row.Depth, multiline, old, @new, diff));
        }

        return new ComparedPart(key, entries);
    }
}
