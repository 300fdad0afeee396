namespace ChuyenDe.Modules.Statistics;

/// <summary>What the rows or the columns of the published items' table are grouped by.</summary>
public enum StatisticsDimension
{
    /// <summary>The content type (Sáng kiến, Sản phẩm điển hình…).</summary>
    Type,

    /// <summary>The district office above the item's unit; Department-level items form their own group.</summary>
    District,

    /// <summary>The item's unit (school or office).</summary>
    Unit,

    /// <summary>The criteria group (a top term of the "Nội dung chuyên đề" taxonomy); an item may have several.</summary>
    CriteriaGroup,

    /// <summary>The level of recognition (a term of "Cấp").</summary>
    Level,

    /// <summary>The school year (a term of "Năm học").</summary>
    SchoolYear,
}
