using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace ChuyenDe.Modules.History;

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,

    /// <summary>A line present in both versions with words inserted and/or deleted inside it.</summary>
    Modified,
}

/// <summary>A run of text of one kind (unchanged, inserted or deleted) inside a line.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>One line of a diff; a modified line holds unchanged, inserted and deleted segments.</summary>
public sealed record DiffLine(DiffKind Kind, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>The line as it was in the old version (empty for an inserted line).</summary>
    public string OldText => string.Concat(Segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text));

    /// <summary>The line as it is in the new version (empty for a deleted line).</summary>
    public string NewText => string.Concat(Segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text));

    public static DiffLine Unchanged(string text) => new(DiffKind.Unchanged, [new DiffSegment(DiffKind.Unchanged, text)]);

    public static DiffLine Inserted(string text) => new(DiffKind.Inserted, [new DiffSegment(DiffKind.Inserted, text)]);

    public static DiffLine Deleted(string text) => new(DiffKind.Deleted, [new DiffSegment(DiffKind.Deleted, text)]);
}

/// <summary>Consecutive lines of a diff; long runs of unchanged lines are <see cref="Collapsed"/> for display.</summary>
public sealed record DiffBlock(bool Collapsed, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// A line- and word-level text diff: a shortest edit of the lines (DiffPlex), then, inside each pair of changed lines
/// that still resemble each other, a shortest edit of their words.
/// </summary>
public static class TextDiff
{
    /// <summary>How much of two changed lines must be shared for them to be shown as one modified line.</summary>
    public const double SimilarityThreshold = 0.4;

    internal enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>The lines of a text; \r\n and \r count as line breaks; null or empty text has no lines.</summary>
    public static IReadOnlyList<string> SplitLines(string? text)
        => string.IsNullOrEmpty(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    public static IReadOnlyList<DiffLine> Lines(string? oldText, string? newText)
        => Lines(SplitLines(oldText), SplitLines(newText));

    /// <summary>
    /// The line diff of two texts, with word-level segments inside changed lines that resemble each other; without
    /// <paramref name="wordLevel"/> a changed line is always shown as deleted and inserted whole (for values such
    /// as numbers and dates, which read better whole).
    /// </summary>
    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, bool wordLevel = true)
    {
        var result = new List<DiffLine>();
        var deleted = new List<string>();
        var inserted = new List<string>();
        foreach (var (op, oldIndex, newIndex) in Lcs(oldLines, newLines, StringComparer.Ordinal))
        {
            switch (op)
            {
                case Op.Equal:
                    Flush(deleted, inserted, result, wordLevel);
                    result.Add(DiffLine.Unchanged(oldLines[oldIndex]));
                    break;
                case Op.Delete:
                    deleted.Add(oldLines[oldIndex]);
                    break;
                default:
                    inserted.Add(newLines[newIndex]);
                    break;
            }
        }

        Flush(deleted, inserted, result, wordLevel);
        return result;
    }

    /// <summary>
    /// The word diff of two lines: deletions and insertions grouped so that a replaced phrase reads as one deleted
    /// run followed by one inserted run.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Words(string oldLine, string newLine)
    {
        var oldTokens = Tokenize(oldLine);
        var newTokens = Tokenize(newLine);
        var ops = Lcs(oldTokens, newTokens, StringComparer.Ordinal)
            .Select(o => (o.Op, Text: o.Op == Op.Insert ? newTokens[o.NewIndex] : oldTokens[o.OldIndex]))
            .ToList();

        // A space between two changes belongs to the change: "<del>a b</del><ins>c d</ins>", not "<del>a</del><ins>c</ins> <del>b</del><ins>d</ins>".
        for (var i = 1; i < ops.Count - 1; i++)
        {
            if (ops[i].Op == Op.Equal && string.IsNullOrWhiteSpace(ops[i].Text) && ops[i - 1].Op != Op.Equal && ops[i + 1].Op != Op.Equal)
            {
                var text = ops[i].Text;
                ops[i] = (Op.Delete, text);
                ops.Insert(i + 1, (Op.Insert, text));
                i++;
            }
        }

        var segments = new List<DiffSegment>();
        var equal = new StringBuilder();
        var delete = new StringBuilder();
        var insert = new StringBuilder();

        void FlushChanges()
        {
            if (delete.Length > 0)
            {
                segments.Add(new DiffSegment(DiffKind.Deleted, delete.ToString()));
                delete.Clear();
            }

            if (insert.Length > 0)
            {
                segments.Add(new DiffSegment(DiffKind.Inserted, insert.ToString()));
                insert.Clear();
            }
        }

        foreach (var (op, text) in ops)
        {
            if (op == Op.Equal)
            {
                FlushChanges();
                equal.Append(text);
                continue;
            }

            if (equal.Length > 0)
            {
                segments.Add(new DiffSegment(DiffKind.Unchanged, equal.ToString()));
                equal.Clear();
            }

            (op == Op.Delete ? delete : insert).Append(text);
        }

        FlushChanges();
        if (equal.Length > 0)
        {
            segments.Add(new DiffSegment(DiffKind.Unchanged, equal.ToString()));
        }

        return segments;
    }

    /// <summary>
    /// Words (letters, digits and combining marks), runs of white space, and every other character on its own.
    /// Concatenated, the tokens give the text back.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsWordChar(text, i))
            {
                while (i < text.Length && IsWordChar(text, i))
                {
                    i += char.IsSurrogatePair(text, i) ? 2 : 1;
                }
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    /// <summary>
    /// Groups the lines for display: changed lines with <paramref name="context"/> unchanged lines around them;
    /// longer runs of unchanged lines become collapsed blocks.
    /// </summary>
    public static IReadOnlyList<DiffBlock> Collapse(IReadOnlyList<DiffLine> lines, int context = 3)
    {
        var blocks = new List<DiffBlock>();
        var visible = new List<DiffLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind != DiffKind.Unchanged)
            {
                visible.Add(lines[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Count && lines[end].Kind == DiffKind.Unchanged)
            {
                end++;
            }

            var keepBefore = i == 0 ? 0 : context;
            var keepAfter = end == lines.Count ? 0 : context;
            var length = end - i;
            if (length <= keepBefore + keepAfter + 1)
            {
                visible.AddRange(lines.Skip(i).Take(length));
            }
            else
            {
                visible.AddRange(lines.Skip(i).Take(keepBefore));
                if (visible.Count > 0)
                {
                    blocks.Add(new DiffBlock(false, visible.ToList()));
                    visible.Clear();
                }

                blocks.Add(new DiffBlock(true, lines.Skip(i + keepBefore).Take(length - keepBefore - keepAfter).ToList()));
                visible.AddRange(lines.Skip(end - keepAfter).Take(keepAfter));
            }

            i = end;
        }

        if (visible.Count > 0)
        {
            blocks.Add(new DiffBlock(false, visible));
        }

        return blocks;
    }

    /// <summary>
    /// The edit script turning <paramref name="a"/> into <paramref name="b"/> along a shortest edit (DiffPlex's Myers
    /// diff); in each changed run deletions come before insertions.
    /// </summary>
    internal static List<(Op Op, int OldIndex, int NewIndex)> Lcs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> comparer)
        where T : notnull
    {
        // DiffPlex compares pieces of text: each distinct item becomes a number, one per line.
        var ids = new Dictionary<T, int>(comparer);
        string Encode(IReadOnlyList<T> items)
            => string.Join('\n', items.Select(item => ids.TryGetValue(item, out var id) ? id : ids[item] = ids.Count));
        var oldText = Encode(a);
        var newText = Encode(b);
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false,
            new CustomFunctionChunker(text => text.Length == 0 ? [] : text.Split('\n')));

        var script = new List<(Op, int, int)>(a.Count + b.Count);
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; x < block.DeleteStartA; x++, y++)
            {
                script.Add((Op.Equal, x, y));
            }

            for (var k = 0; k < block.DeleteCountA; k++, x++)
            {
                script.Add((Op.Delete, x, -1));
            }

            for (var k = 0; k < block.InsertCountB; k++, y++)
            {
                script.Add((Op.Insert, -1, y));
            }
        }

        for (; x < a.Count; x++, y++)
        {
            script.Add((Op.Equal, x, y));
        }

        return script;
    }

    /// <summary>Turns a run of deleted and inserted lines into modified lines where they resemble each other.</summary>
    private static void Flush(List<string> deleted, List<string> inserted, List<DiffLine> into, bool wordLevel)
    {
        var pairs = wordLevel ? Math.Min(deleted.Count, inserted.Count) : 0;
        var leftoverDeleted = new List<string>();
        var leftoverInserted = new List<string>();
        for (var k = 0; k < pairs; k++)
        {
            if (deleted[k] == inserted[k])
            {
                // A pair of equal lines in a changed run (an edit that is not the shortest): shown unchanged.
                FlushLeftovers(leftoverDeleted, leftoverInserted, into);
                into.Add(DiffLine.Unchanged(deleted[k]));
                continue;
            }

            var segments = Words(deleted[k], inserted[k]);
            if (Similarity(segments) >= SimilarityThreshold)
            {
                FlushLeftovers(leftoverDeleted, leftoverInserted, into);
                into.Add(new DiffLine(DiffKind.Modified, segments));
            }
            else
            {
                leftoverDeleted.Add(deleted[k]);
                leftoverInserted.Add(inserted[k]);
            }
        }

        leftoverDeleted.AddRange(deleted.Skip(pairs));
        leftoverInserted.AddRange(inserted.Skip(pairs));
        FlushLeftovers(leftoverDeleted, leftoverInserted, into);
        deleted.Clear();
        inserted.Clear();
    }

    private static void FlushLeftovers(List<string> deleted, List<string> inserted, List<DiffLine> into)
    {
        into.AddRange(deleted.Select(DiffLine.Deleted));
        into.AddRange(inserted.Select(DiffLine.Inserted));
        deleted.Clear();
        inserted.Clear();
    }

    /// <summary>Share of the visible characters of both lines that is unchanged (0 to 1).</summary>
    private static double Similarity(IReadOnlyList<DiffSegment> segments)
    {
        static int Visible(string s) => s.Count(c => !char.IsWhiteSpace(c));
        var common = segments.Where(s => s.Kind == DiffKind.Unchanged).Sum(s => Visible(s.Text));
        var deleted = segments.Where(s => s.Kind == DiffKind.Deleted).Sum(s => Visible(s.Text));
        var inserted = segments.Where(s => s.Kind == DiffKind.Inserted).Sum(s => Visible(s.Text));
        return common == 0 ? 0 : 2.0 * common / (2 * common + deleted + inserted);
    }

    private static bool IsWordChar(string text, int index)
    {
        var category = char.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }
}
