using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>Names of the Lucene fields of a search document.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Terms = "terms";
    public const string Body = "body";
    public const string Attachments = "att";

    /// <summary>
    /// Every text field together, folded words and pairs of neighbouring words, without positions: the cheap first
    /// pass that finds the matches, and the phrase bonus.
    /// </summary>
    public const string All = "all";
    public const string Path = "path";
    public const string Organization = "org";
    public const string Published = "pub";
    public const string PublishedTicks = "pubticks";
    public const string ModifiedTicks = "modticks";
    public const string SortDate = "sortdate";
    public const string SortTitle = "sorttitle";
    public const string Facets = "facets";
    public const string FilterPrefix = "f_";
    public const char FacetSeparator = '\u001f';

    public static string Filter(string facet) => FilterPrefix + facet;

    /// <summary>Text fields and their weights: title &gt; summary/terms &gt; body &gt; attachments.</summary>
    public static readonly (string Field, float Weight)[] Weighted =
    [
        (Title, 5f),
        (Summary, 2.5f),
        (Terms, 2.5f),
        (Body, 1f),
        (Attachments, 0.6f),
    ];
}

/// <summary>
/// Turns the words of a user query into a Lucene query without a query parser, so no input can be a syntax error:
/// each word must match in some field (exact form weighted above the folded form), and for several words a phrase of
/// the folded words (slop 1) adds weight, so `giờ ăn` written together ranks above the two words far apart.
/// </summary>
internal static class SearchQueryBuilder
{
    public const int MaxQueryLength = 500;
    public const int MaxWords = 12;

    /// <summary>How much more a word as written counts than its folded form (when the query has tone marks).</summary>
    private const float ExactBoost = 2f;
    private const float PhraseBoost = 3f;

    /// <summary>The distinct words of a query, NFC, lower case, capped in length and number.</summary>
    public static IReadOnlyList<string> QueryWords(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var words = new List<string>();
        foreach (var word in VietnameseAnalyzer.Words(text, MaxWords * 4))
        {
            if (!words.Contains(word))
            {
                words.Add(word);
            }

            if (words.Count == MaxWords)
            {
                break;
            }
        }

        return words;
    }

    /// <summary>
    /// The first pass: which documents match (each folded word in any field, or at least
    /// <paramref name="minimumShouldMatch"/> of them) and a rough score to pick the candidates for <see cref="Build"/>.
    /// </summary>
    public static Query BuildMatch(IReadOnlyList<string> words, int minimumShouldMatch = 0)
    {
        var query = new BooleanQuery(disableCoord: minimumShouldMatch == 0);
        foreach (var folded in words.Select(VietnameseAnalyzer.Fold).Distinct())
        {
            query.Add(new TermQuery(new Term(SearchFields.All, folded)), minimumShouldMatch == 0 ? Occur.MUST : Occur.SHOULD);
        }

        if (minimumShouldMatch > 0)
        {
            query.MinimumNumberShouldMatch = minimumShouldMatch;
        }

        return query;
    }

    /// <summary>The words as written and folded, as term queries on <paramref name="field"/> (for highlighting).</summary>
    public static Query BuildTerms(IReadOnlyList<string> words, string field)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var form in words.Concat(words.Select(VietnameseAnalyzer.Fold)).Distinct())
        {
            query.Add(new TermQuery(new Term(field, form)), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The full relevance query, used to score the first pass's best candidates again: field weights, exact forms
    /// above folded ones, phrases above scattered words.
    /// </summary>
    /// <param name="minimumShouldMatch">0: every word must match; otherwise at least that many words.</param>
    public static Query Build(IReadOnlyList<string> words, int minimumShouldMatch = 0)
    {
        var query = new BooleanQuery(disableCoord: false);
        var words1 = new BooleanQuery();
        foreach (var word in words)
        {
            words1.Add(WordQuery(word), minimumShouldMatch == 0 ? Occur.MUST : Occur.SHOULD);
        }

        if (minimumShouldMatch > 0)
        {
            words1.MinimumNumberShouldMatch = minimumShouldMatch;
        }

        query.Add(words1, Occur.MUST);
        if (words.Count > 1)
        {
            query.Add(PhraseQuery(words), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// One word in any text field: the best field counts (plus a little of the others). The form as written is
    /// weighed in the title and the body; the other fields take the folded form only (fewer terms to score).
    /// </summary>
    private static Query WordQuery(string word)
    {
        var folded = VietnameseAnalyzer.Fold(word);
        var fields = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, weight) in SearchFields.Weighted)
        {
            if (folded == word || field is not (SearchFields.Title or SearchFields.Body))
            {
                fields.Add(new TermQuery(new Term(field, folded)) { Boost = weight });
                continue;
            }

            var both = new BooleanQuery(disableCoord: false)
            {
                { new TermQuery(new Term(field, word)) { Boost = weight * ExactBoost }, Occur.SHOULD },
                { new TermQuery(new Term(field, folded)) { Boost = weight }, Occur.SHOULD },
            };
            fields.Add(both);
        }

        return fields;
    }

    /// <summary>Neighbouring query words that are neighbours in the text too (pairs of folded words in <see cref="SearchFields.All"/>).</summary>
    private static Query PhraseQuery(IReadOnlyList<string> words)
    {
        var pairs = new BooleanQuery(disableCoord: true);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var pair = VietnameseAnalyzer.Fold(words[i]) + " " + VietnameseAnalyzer.Fold(words[i + 1]);
            pairs.Add(new TermQuery(new Term(SearchFields.All, pair)) { Boost = PhraseBoost }, Occur.SHOULD);
        }

        return pairs;
    }
}
