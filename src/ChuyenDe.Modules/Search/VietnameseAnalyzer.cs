using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Vietnamese-aware analysis: text normalised to NFC, split by the Unicode word rules (StandardTokenizer: Vietnamese
/// syllables are words), lower-cased, and each word emitted both as written and folded (tone marks and other
/// diacritics removed, đ → d) at the same position. No stop words: Vietnamese syllables such as "là", "và", "có"
/// are parts of words. A query typed with tone marks asks for both forms and weighs the exact one higher
/// (see <see cref="SearchQueryBuilder"/>), so exact matches rank first and folded ones are still found.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Words as written, for queries (analyzers reuse their components per thread, so one instance serves all).</summary>
    private static readonly VietnameseAnalyzer QueryAnalyzer = new(VietnameseForms.AsWritten);

    private readonly VietnameseForms _forms;

    public VietnameseAnalyzer(VietnameseForms forms = VietnameseForms.AsWrittenAndFolded)
    {
        _forms = forms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        if (_forms != VietnameseForms.AsWritten)
        {
            stream = new ASCIIFoldingFilter(stream, preserveOriginal: _forms == VietnameseForms.AsWrittenAndFolded);
        }

        if (_forms == VietnameseForms.FoldedWithPairs)
        {
            // Each pair of neighbouring folded words as one more term ("gio an"): a phrase costs one term look-up.
            var pairs = new Lucene.Net.Analysis.Shingle.ShingleFilter(stream, 2, 2);
            pairs.SetOutputUnigrams(true);
            stream = pairs;
        }

        return new TokenStreamComponents(source, stream);
    }

    /// <summary>Normalises the whole input to NFC before tokenising (decomposed input would split words at combining marks).</summary>
    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        var text = reader.ReadToEnd();
        return new StringReader(Normalize(text));
    }

    /// <summary>NFC, without throwing on malformed text (lone surrogates are kept as they are).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>The folded form of a lower-cased word: diacritics removed, đ → d (the same mapping the index uses).</summary>
    public static string Fold(string word)
    {
        var input = Normalize(word).ToCharArray();
        var output = new char[input.Length * 4 + 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>The words of a text as written (NFC, lower case), in order, duplicates kept.</summary>
    public static IReadOnlyList<string> Words(string? text, int max = int.MaxValue)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        using var stream = QueryAnalyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (words.Count < max && stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}

/// <summary>Which forms of each word an analyzer emits.</summary>
public enum VietnameseForms
{
    /// <summary>Lower-cased as written (queries).</summary>
    AsWritten,

    /// <summary>As written and folded at the same position (the text fields).</summary>
    AsWrittenAndFolded,

    /// <summary>Folded only.</summary>
    FoldedOnly,

    /// <summary>Folded, plus each pair of neighbouring words joined by a space (the first-pass field).</summary>
    FoldedWithPairs,
}
