namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>What a unit enters for an indicator (chỉ tiêu).</summary>
public enum IndicatorKind
{
    /// <summary>Số nguyên: a whole number (schools, staff, activities).</summary>
    WholeNumber,

    /// <summary>Tỷ lệ %: a share between 0 and 100 unless the range says otherwise.</summary>
    Percentage,

    /// <summary>Số thập phân.</summary>
    Decimal,

    /// <summary>Có/Không.</summary>
    YesNo,

    /// <summary>Văn bản ngắn: a short text, never added up.</summary>
    ShortText,
}

/// <summary>How the values of the units asked add up into the figure of the unit above (and the overall total).</summary>
public enum AddUpRule
{
    /// <summary>Tổng: the sum of the values given.</summary>
    Sum,

    /// <summary>Trung bình: the mean of the values given (missing values are not counted as zero).</summary>
    Average,

    /// <summary>
    /// Tỷ lệ có trọng số: a percentage weighted by another indicator of the same set (<see cref="IndicatorDefinition.WeightKey"/>),
    /// e.g. the share of schools at level 4 weighted by each unit's number of schools.
    /// </summary>
    WeightedShare,

    /// <summary>Không cộng dồn: shown per unit only.</summary>
    None,
}

/// <summary>
/// One indicator of a report round or template: a stable key (kept in recipes and in the units' answers), the name and
/// unit of measure shown to people, the kind of value, the allowed range and the add-up rule.
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>Stable key, lower-case ASCII with dashes (e.g. <c>truong-tham-gia</c>); unique within a round.</summary>
    public string Key { get; init; } = "";

    /// <summary>The name shown in forms and tables (Vietnamese).</summary>
    public string Name { get; init; } = "";

    /// <summary>Unit of measure (đơn vị tính), e.g. "trường", "%", "người"; optional.</summary>
    public string? Unit { get; init; }

    public IndicatorKind Kind { get; init; }

    /// <summary>Smallest allowed value (numbers and percentages); null = no lower bound beyond the kind's own.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Largest allowed value; null = no upper bound beyond the kind's own (100 for a percentage).</summary>
    public decimal? Maximum { get; init; }

    public AddUpRule AddUp { get; init; }

    /// <summary>For <see cref="AddUpRule.WeightedShare"/>: the key of the whole-number indicator that weights each unit's value.</summary>
    public string? WeightKey { get; init; }

    /// <summary>Guidance shown beside the field (how to count); optional.</summary>
    public string? Guidance { get; init; }

    /// <summary>An optional group heading the indicator is shown under (e.g. a criteria group); indicators keep their order.</summary>
    public string? Group { get; init; }
}

/// <summary>One section of a round's outline (đề cương), with its nested sections in order.</summary>
public sealed record OutlineSection
{
    /// <summary>Stable key within the outline (e.g. <c>i</c>, <c>i-1</c>); the units' texts are stored under it.</summary>
    public string Key { get; init; } = "";

    /// <summary>Heading, e.g. "I. Công tác chỉ đạo".</summary>
    public string Title { get; init; } = "";

    /// <summary>What the unit should write here.</summary>
    public string? Guidance { get; init; }

    public IReadOnlyList<OutlineSection> Children { get; init; } = [];
}
