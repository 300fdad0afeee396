using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>"Did you mean": the words of a query that found nothing, corrected to words the index knows.</summary>
internal sealed class DidYouMean
{
    private (IndexReader Reader, Dictionary<string, int> Words)? _vocabulary;

    /// <summary>
    /// For a query that found nothing: each word not in the index replaced by the indexed title or term word
    /// nearest to it (edit distance on folded forms, at most 1 for short words and 2 for longer ones; the most
    /// frequent wins). Null when no word could be corrected.
    /// </summary>
    public string? Correct(IndexSearcher searcher, IReadOnlyList<string> words)
    {
        var vocabulary = Vocabulary(searcher.IndexReader);
        var changed = false;
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            var folded = VietnameseAnalyzer.Fold(word);
            if (vocabulary.ContainsKey(word) || searcher.IndexReader.DocFreq(new Term(SearchFields.Body, folded)) > 0
                || searcher.IndexReader.DocFreq(new Term(SearchFields.Attachments, folded)) > 0)
            {
                result.Add(word);
                continue;
            }

            var limit = folded.Length <= 4 ? 1 : 2;
            string? best = null;
            var bestDistance = int.MaxValue;
            var bestFrequency = 0;
            foreach (var (candidate, frequency) in vocabulary)
            {
                if (Math.Abs(candidate.Length - word.Length) > limit + 1)
                {
                    continue;
                }

                var distance = EditDistance(VietnameseAnalyzer.Fold(candidate), folded, limit);
                var better = distance < bestDistance || (distance == bestDistance && (frequency > bestFrequency
                    || (frequency == bestFrequency && best is not null && IsAscii(best) && !IsAscii(candidate))));
                if (distance <= limit && better)
                {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }

            if (best is not null && best != word)
            {
                changed = true;
                result.Add(best);
            }
            else
            {
                result.Add(word);
            }
        }

        return changed ? string.Join(' ', result) : null;
    }

    private static bool IsAscii(string s) => s.All(c => c < 128);

    /// <summary>Words of titles and term names with their document frequency, cached per reader.</summary>
    private Dictionary<string, int> Vocabulary(IndexReader reader)
    {
        var cached = _vocabulary;
        if (cached is { } c && ReferenceEquals(c.Reader, reader))
        {
            return c.Words;
        }

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.Title, SearchFields.Terms })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var word = iterator.Term.Utf8ToString();
                if (word.Length < 2 || word.Any(char.IsDigit))
                {
                    continue;
                }

                words[word] = words.GetValueOrDefault(word) + iterator.DocFreq;
            }
        }

        _vocabulary = (reader, words);
        return words;
    }

    /// <summary>Levenshtein distance with adjacent transpositions, giving up (limit + 1) once it exceeds <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
