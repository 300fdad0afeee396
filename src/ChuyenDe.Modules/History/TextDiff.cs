using System.Globalization;
using System.Text;

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
/// A line- and word-level text diff: the longest common subsequence of the lines, then, inside each pair of
/// changed lines that still resemble each other, the longest common subsequence of their words.
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many comparisons (old × new tokens) the middle part is shown as replaced wholesale.</summary>
    public const long MaxCells = 4_000_000;

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
    /// The edit script turning <paramref name="a"/> into <paramref name="b"/> along a longest common subsequence;
    /// in each changed run deletions come before insertions.
    /// </summary>
    internal static List<(Op Op, int OldIndex, int NewIndex)> Lcs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> comparer)
    {
        var script = new List<(Op, int, int)>(a.Count + b.Count);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && comparer.Equals(a[prefix], b[prefix]))
        {
            script.Add((Op.Equal, prefix, prefix));
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix
               && comparer.Equals(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix]))
        {
            suffix++;
        }

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            // Too large to compare in memory: the middle is shown as deleted, then inserted.
            for (var i = 0; i < n; i++)
            {
                script.Add((Op.Delete, prefix + i, -1));
            }

            for (var j = 0; j < m; j++)
            {
                script.Add((Op.Insert, -1, prefix + j));
            }
        }
        else if (n > 0 || m > 0)
        {
            // lengths[i, j]: length of the LCS of a[prefix + i ..] and b[prefix + j ..] (middle parts only).
            var width = m + 1;
            var lengths = new int[(n + 1) * width];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lengths[i * width + j] = comparer.Equals(a[prefix + i], b[prefix + j])
                        ? lengths[(i + 1) * width + j + 1] + 1
                        : Math.Max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (comparer.Equals(a[prefix + x], b[prefix + y]))
                {
                    script.Add((Op.Equal, prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (lengths[(x + 1) * width + y] >= lengths[x * width + y + 1])
                {
                    script.Add((Op.Delete, prefix + x, -1));
                    x++;
                }
                else
                {
                    script.Add((Op.Insert, -1, prefix + y));
                    y++;
                }
            }

            for (; x < n; x++)
            {
                script.Add((Op.Delete, prefix + x, -1));
            }

            for (; y < m; y++)
            {
                script.Add((Op.Insert, -1, prefix + y));
            }
        }

        for (var k = suffix; k > 0; k--)
        {
            script.Add((Op.Equal, a.Count - k, b.Count - k));
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
                // Only when the texts were too long to compare line by line.
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
