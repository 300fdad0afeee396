namespace ChuyenDe.Modules.Commendations;

/// <summary>Who signed a commendation decision (cấp khen thưởng), from the lowest level.</summary>
public enum IssuingLevel
{
    /// <summary>Giám đốc Sở GD&amp;ĐT (giấy khen).</summary>
    DepartmentDirector,

    /// <summary>Chủ tịch UBND tỉnh/thành phố (bằng khen).</summary>
    ProvincialChairman,

    /// <summary>Bộ trưởng Bộ GD&amp;ĐT (bằng khen).</summary>
    Minister,
}
