namespace ChuyenDe.Bench.Search;

internal enum QueryKind
{
    SingleWord,
    TwoWords,
    Phrase,
    Folded,
    Faceted,
    Highlighted,
}

internal enum QuerySort
{
    Relevance,
    Newest,
}

/// <summary>One query of the fixed mix, as a visitor of /tim-kiem would send it.</summary>
internal sealed record BenchQuery(
    QueryKind Kind,
    string? Text,
    IReadOnlyDictionary<string, string[]> Filters,
    bool ExemplaryOnly = false,
    QuerySort Sort = QuerySort.Relevance)
{
    public override string ToString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Text))
        {
            parts.Add(Text);
        }

        parts.AddRange(Filters.Select(f => $"{f.Key}={string.Join('|', f.Value)}"));
        if (ExemplaryOnly)
        {
            parts.Add("exemplary");
        }

        if (Sort != QuerySort.Relevance)
        {
            parts.Add("sort=" + Sort);
        }

        return string.Join(" · ", parts);
    }
}

internal static class QueryMix
{
    private static readonly Dictionary<string, string[]> None = [];

    /// <summary>
    /// The fixed mix: eight queries per kind, from very common words (matching most items) to rare ones. Every query
    /// asks for the first page of 12 with facet counts, as the search page does.
    /// </summary>
    public static IReadOnlyList<BenchQuery> Build(CorpusGenerator organizations)
    {
        var school = organizations.Schools[0].Id;
        var office = organizations.Offices[4].Id; // phong-dam-ha
        return
        [
            // single word: a common syllable, a mid-frequency one, a Latin word, a rare one
            new(QueryKind.SingleWord, "trẻ", None),
            new(QueryKind.SingleWord, "vườn", None),
            new(QueryKind.SingleWord, "STEAM", None),
            new(QueryKind.SingleWord, "khay", None),
            new(QueryKind.SingleWord, "bánh", None),
            new(QueryKind.SingleWord, "Zalo", None),
            new(QueryKind.SingleWord, "thỏ", None),
            new(QueryKind.SingleWord, "kính", None),

            // two words, unquoted (a Vietnamese two-syllable word or two words)
            new(QueryKind.TwoWords, "giờ ăn", None),
            new(QueryKind.TwoWords, "vật liệu", None),
            new(QueryKind.TwoWords, "cha mẹ", None),
            new(QueryKind.TwoWords, "trò chơi", None),
            new(QueryKind.TwoWords, "góc sách", None),
            new(QueryKind.TwoWords, "vườn rau", None),
            new(QueryKind.TwoWords, "nam châm", None),
            new(QueryKind.TwoWords, "bể bơi", None),

            // quoted phrases
            new(QueryKind.Phrase, "\"lấy trẻ làm trung tâm\"", None),
            new(QueryKind.Phrase, "\"vật liệu tái chế\"", None),
            new(QueryKind.Phrase, "\"kỹ năng tự phục vụ\"", None),
            new(QueryKind.Phrase, "\"giờ ăn\"", None),
            new(QueryKind.Phrase, "\"góc thiên nhiên\"", None),
            new(QueryKind.Phrase, "\"hồ sơ tiến bộ\"", None),
            new(QueryKind.Phrase, "\"đêm hội trăng rằm\"", None),
            new(QueryKind.Phrase, "\"bong bóng xà phòng\"", None),

            // typed on a phone without tone marks
            new(QueryKind.Folded, "mam non lay tre lam trung tam", None),
            new(QueryKind.Folded, "Dam Ha", None),
            new(QueryKind.Folded, "gio an", None),
            new(QueryKind.Folded, "vuon rau", None),
            new(QueryKind.Folded, "do choi tu tao", None),
            new(QueryKind.Folded, "ky nang tu phuc vu", None),
            new(QueryKind.Folded, "hoat dong trai nghiem", None),
            new(QueryKind.Folded, "tet trung thu", None),

            // facet-filtered (the library page): filters alone, with words, combined, sorted by date
            new(QueryKind.Faceted, null, Filters(("type", ["Initiative"]), ("schoolYear", ["sy-2022-2023"]))),
            new(QueryKind.Faceted, "vườn rau", Filters(("criteria", ["crit-3"]))),
            new(QueryKind.Faceted, "trò chơi", Filters(("ageGroup", ["age-5-6"]), ("area", ["area-the-chat"]))),
            new(QueryKind.Faceted, "steam", Filters(("level", ["level-quan-huyen", "level-tinh-thanh"]))),
            new(QueryKind.Faceted, "giờ ăn", Filters(("district", [office]))),
            new(QueryKind.Faceted, null, None, ExemplaryOnly: true, Sort: QuerySort.Newest),
            new(QueryKind.Faceted, "cha mẹ", Filters(("organization", [school]))),
            new(QueryKind.Faceted, "kế hoạch tuần", Filters(("criteria", ["crit-1", "crit-2"]), ("type", ["Initiative", "ExemplaryProduct"])), Sort: QuerySort.Newest),

            // words that mostly occur deep in bodies and attached documents, so the snippet has to be found there
            new(QueryKind.Highlighted, "kính lúp", None),
            new(QueryKind.Highlighted, "nhận xét của giáo viên", None),
            new(QueryKind.Highlighted, "hiệu quả đạt được", None),
            new(QueryKind.Highlighted, "bàn cân", None),
            new(QueryKind.Highlighted, "phạm vi áp dụng", None),
            new(QueryKind.Highlighted, "đồng hồ cát", None),
            new(QueryKind.Highlighted, "tỉ lệ trẻ ăn hết suất", None),
            new(QueryKind.Highlighted, "cối xay gió", None),
        ];
    }

    private static Dictionary<string, string[]> Filters(params (string Facet, string[] Values)[] filters) =>
        filters.ToDictionary(f => f.Facet, f => f.Values);
}
