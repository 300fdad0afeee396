using System.Text;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// A short passage of a stored text around the query's words, HTML-encoded, each word found wrapped in
/// <c>&lt;mark&gt;</c>. Words are matched as the index matches them: lower case, as written or folded. Works on the
/// text directly (letters, digits and combining marks make words), which is much faster than analysing it again.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>The snippet, or null when none of <paramref name="words"/> occurs in the first <paramref name="maxSource"/> characters.</summary>
    public static string? Build(string text, IReadOnlyList<string> words, int length, int maxSource)
    {
        if (string.IsNullOrEmpty(text) || words.Count == 0)
        {
            return null;
        }

        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            wanted.TryAdd(words[i], i);
            wanted.TryAdd(VietnameseAnalyzer.Fold(words[i]), i);
        }

        // Word spans that match, with the index of the query word they match. Each word of the text is lower-cased
        // (and, when not ASCII, folded) into reused buffers and looked up as a span: no string per word.
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var longest = 0;
        foreach (var key in wanted.Keys)
        {
            longest = Math.Max(longest, key.Length);
        }

        var lower = new char[64];
        var folded = new char[lower.Length * 4 + 4];
        var matches = new List<(int Start, int End, int Word)>();
        var limit = Math.Min(text.Length, maxSource);
        var position = 0;
        while (position < limit)
        {
            if (!IsWordChar(text[position]))
            {
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && IsWordChar(text[position]))
            {
                position++;
            }

            // Lower-casing keeps a word's length and folding never shortens it: a word longer than every wanted form
            // cannot match.
            var wordLength = position - start;
            if (wordLength > longest)
            {
                continue;
            }

            if (wordLength > lower.Length)
            {
                lower = new char[wordLength];
                folded = new char[wordLength * 4 + 4];
            }

            var written = text.AsSpan(start, wordLength).ToLowerInvariant(lower);
            var word = lower.AsSpan(0, written);
            if (lookup.TryGetValue(word, out var index)
                || (!System.Text.Ascii.IsValid(word) && lookup.TryGetValue(Fold(lower, written, folded), out index)))
            {
                matches.Add((start, position, index));
            }
        }

        if (matches.Count == 0)
        {
            return null;
        }

        // The window of about `length` characters with the most distinct query words (then the most matches).
        var bestFirst = 0;
        var bestLast = 0;
        var bestScore = -1;
        for (var first = 0; first < matches.Count; first++)
        {
            var seen = 0UL;
            var last = first;
            for (var j = first; j < matches.Count && matches[j].End - matches[first].Start <= length; j++)
            {
                seen |= 1UL << Math.Min(matches[j].Word, 63);
                last = j;
            }

            var score = System.Numerics.BitOperations.PopCount(seen) * 1000 + (last - first);
            if (score > bestScore)
            {
                bestScore = score;
                bestFirst = first;
                bestLast = last;
            }
        }

        // Centre the window on the matches, then widen it to whole words.
        var span = matches[bestLast].End - matches[bestFirst].Start;
        var from = Math.Max(0, matches[bestFirst].Start - Math.Max(0, (length - span) / 2));
        var to = Math.Min(text.Length, from + Math.Max(length, span));
        while (from > 0 && IsWordChar(text[from - 1]))
        {
            from--;
        }

        while (to < text.Length && IsWordChar(text[to]))
        {
            to++;
        }

        var html = new StringBuilder(to - from + 64);
        if (from > 0)
        {
            html.Append("… ");
        }

        var cursor = from;
        foreach (var (start, end, _) in matches)
        {
            if (start < from || end > to)
            {
                continue;
            }

            Encode(html, text, cursor, start);
            html.Append("<mark>");
            Encode(html, text, start, end);
            html.Append("</mark>");
            cursor = end;
        }

        Encode(html, text, cursor, to);
        if (to < text.Length)
        {
            html.Append(" …");
        }

        return html.ToString().Trim();
    }

    private static bool IsWordChar(char c)
        => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>The folded form of <c>word[..length]</c> (lower case, NFC), as <see cref="VietnameseAnalyzer.Fold"/> makes it.</summary>
    private static ReadOnlySpan<char> Fold(char[] word, int length, char[] output)
        => output.AsSpan(0, Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter.FoldToASCII(word, 0, output, 0, length));

    private static void Encode(StringBuilder html, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\r' or '\n' or '\t': html.Append(' '); break;
                default: html.Append(c); break;
            }
        }
    }
}
