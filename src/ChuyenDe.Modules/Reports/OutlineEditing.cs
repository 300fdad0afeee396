using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>One section of the outline editor's form: the outline as a flat list, each row with its depth.</summary>
public sealed class OutlineRowForm
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Guidance { get; set; }
    public int Depth { get; set; }
}

/// <summary>The outline editor's form: the rows, and the button pressed (<c>save</c>, or <c>add</c>, <c>add:3</c>, <c>child:3</c>, <c>remove:3</c>, <c>up:3</c>, <c>down:3</c>, <c>indent:3</c>, <c>outdent:3</c>).</summary>
public sealed class OutlineForm
{
    public List<OutlineRowForm> Sections { get; set; } = [];
    public string? Op { get; set; }
}

/// <summary>
/// The outline editor without script: the form posts every row, a button names an operation on one row (and its
/// subsections), the server applies it and shows the form again; <c>save</c> checks the rows and builds the tree.
/// </summary>
public static class OutlineEditing
{
    public const int MaxTitleLength = 300;
    public const int MaxGuidanceLength = 4000;
    public const int MaxDepth = 3;

    public static List<OutlineRowForm> Flatten(IReadOnlyList<OutlineSection> outline)
    {
        var rows = new List<OutlineRowForm>();
        void Walk(IReadOnlyList<OutlineSection> sections, int depth)
        {
            foreach (var section in sections)
            {
                rows.Add(new OutlineRowForm { Key = section.Key, Title = section.Title, Guidance = section.Guidance, Depth = depth });
                Walk(section.Children, depth + 1);
            }
        }

        Walk(outline, 0);
        return rows;
    }

    /// <summary>Depths as a tree allows: the first row at the top, each row at most one level below the one before.</summary>
    public static void Normalise(List<OutlineRowForm> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var max = i == 0 ? 0 : Math.Min(rows[i - 1].Depth + 1, MaxDepth);
            rows[i].Depth = Math.Clamp(rows[i].Depth, 0, max);
        }
    }

    /// <summary>The end (exclusive) of row <paramref name="index"/>'s block: the row and its subsections.</summary>
    public static int BlockEnd(List<OutlineRowForm> rows, int index)
    {
        var end = index + 1;
        while (end < rows.Count && rows[end].Depth > rows[index].Depth)
        {
            end++;
        }

        return end;
    }

    /// <summary>Applies an operation; false when it names no row or cannot apply (the rows are left as they were).</summary>
    public static bool Apply(List<OutlineRowForm> rows, string op)
    {
        Normalise(rows);
        var (verb, index) = ParseOp(op);
        if (verb == "add" && index is null)
        {
            rows.Add(new OutlineRowForm { Depth = 0 });
            return true;
        }

        if (index is not { } i || i < 0 || i >= rows.Count)
        {
            return false;
        }

        var depth = rows[i].Depth;
        var end = BlockEnd(rows, i);
        switch (verb)
        {
            case "add":
                rows.Insert(end, new OutlineRowForm { Depth = depth });
                return true;
            case "child" when depth < MaxDepth:
                rows.Insert(i + 1, new OutlineRowForm { Depth = depth + 1 });
                return true;
            case "remove":
                rows.RemoveRange(i, end - i);
                Normalise(rows);
                return true;
            case "up":
                {
                    var previous = PreviousSibling(rows, i);
                    if (previous is not { } p)
                    {
                        return false;
                    }

                    var block = rows.GetRange(i, end - i);
                    rows.RemoveRange(i, end - i);
                    rows.InsertRange(p, block);
                    return true;
                }

            case "down":
                {
                    if (end >= rows.Count || rows[end].Depth != depth)
                    {
                        return false;
                    }

                    var nextEnd = BlockEnd(rows, end);
                    var next = rows.GetRange(end, nextEnd - end);
                    rows.RemoveRange(end, nextEnd - end);
                    rows.InsertRange(i, next);
                    return true;
                }

            case "indent":
                {
                    if (PreviousSibling(rows, i) is null || depth >= MaxDepth || rows.Skip(i).Take(end - i).Any(r => r.Depth >= MaxDepth))
                    {
                        return false;
                    }

                    for (var k = i; k < end; k++)
                    {
                        rows[k].Depth++;
                    }

                    return true;
                }

            case "outdent":
                {
                    if (depth == 0)
                    {
                        return false;
                    }

                    for (var k = i; k < end; k++)
                    {
                        rows[k].Depth--;
                    }

                    Normalise(rows);
                    return true;
                }

            default:
                return false;
        }
    }

    private static int? PreviousSibling(List<OutlineRowForm> rows, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (rows[k].Depth == rows[index].Depth)
            {
                return k;
            }

            if (rows[k].Depth < rows[index].Depth)
            {
                return null;
            }
        }

        return null;
    }

    private static (string Verb, int? Index) ParseOp(string op)
    {
        var colon = op.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (op, null);
        }

        return (op[..colon], int.TryParse(op[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1);
    }

    /// <summary>Checks the rows and builds the outline; sections without a key get one from their numbering.</summary>
    public static (IReadOnlyList<OutlineSection>? Outline, IReadOnlyList<FormError> Errors) Build(List<OutlineRowForm> rows)
    {
        Normalise(rows);
        var errors = new List<FormError>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            row.Title = row.Title?.Trim().Normalize();
            row.Guidance = string.IsNullOrWhiteSpace(row.Guidance) ? null : row.Guidance.Trim().Normalize();
            var field = $"Sections[{i}]";
            if (string.IsNullOrEmpty(row.Title))
            {
                errors.Add(new FormError(field + ".Title", "Section {0}: enter its heading.", i + 1));
            }
            else if (row.Title.Length > MaxTitleLength)
            {
                errors.Add(new FormError(field + ".Title", "Section {0}: the heading is longer than {1} characters.", i + 1, MaxTitleLength));
            }

            if (row.Guidance?.Length > MaxGuidanceLength)
            {
                errors.Add(new FormError(field + ".Guidance", "Section {0}: the guidance is longer than {1} characters.", i + 1, MaxGuidanceLength));
            }

            var key = row.Key?.Trim();
            row.Key = key is not null && ReportKeys.IsValid(key) && used.Add(key) ? key : null;
        }

        if (rows.Count == 0)
        {
            errors.Add(new FormError("Sections", "The outline needs at least one section."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Keys for new sections from their numbering (1, 1-2, …), never one already used.
        var numbers = new int[MaxDepth + 1];
        foreach (var row in rows)
        {
            numbers[row.Depth]++;
            Array.Clear(numbers, row.Depth + 1, numbers.Length - row.Depth - 1);
            if (row.Key is null)
            {
                var stem = "muc-" + string.Join('-', numbers.Take(row.Depth + 1));
                var key = stem;
                for (var n = 2; !used.Add(key); n++)
                {
                    key = $"{stem}-{n}";
                }

                row.Key = key;
            }
        }

        var position = 0;
        List<OutlineSection> Read(int depth)
        {
            var list = new List<OutlineSection>();
            while (position < rows.Count && rows[position].Depth == depth)
            {
                var row = rows[position++];
                var children = position < rows.Count && rows[position].Depth > depth ? Read(depth + 1) : [];
                list.Add(new OutlineSection { Key = row.Key!, Title = row.Title!, Guidance = row.Guidance, Children = children });
            }

            return list;
        }

        return (Read(0), []);
    }
}
