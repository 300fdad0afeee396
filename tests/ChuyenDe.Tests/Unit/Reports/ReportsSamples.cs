using System.Globalization;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>Localizers as the app builds them (Vietnamese culture) and a small round: indicators, outline, units.</summary>
internal static class ReportsSamples
{
    public static IStringLocalizer<T> Localizer<T>()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        return new StringLocalizer<T>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
    }

    public static IndicatorDefinition Whole(string key, string name, decimal? min = 0, decimal? max = null, AddUpRule addUp = AddUpRule.Sum, string? unit = "trường")
        => new() { Key = key, Name = name, Unit = unit, Kind = IndicatorKind.WholeNumber, Minimum = min, Maximum = max, AddUp = addUp };

    public static IndicatorDefinition Percent(string key, string name, AddUpRule addUp = AddUpRule.Average, string? weightKey = null)
        => new() { Key = key, Name = name, Unit = "%", Kind = IndicatorKind.Percentage, AddUp = addUp, WeightKey = weightKey };

    public static IndicatorDefinition Dec(string key, string name, AddUpRule addUp = AddUpRule.Sum)
        => new() { Key = key, Name = name, Unit = "triệu đồng", Kind = IndicatorKind.Decimal, AddUp = addUp };

    public static IndicatorDefinition YesNo(string key, string name, AddUpRule addUp = AddUpRule.Sum)
        => new() { Key = key, Name = name, Kind = IndicatorKind.YesNo, AddUp = addUp };

    public static IndicatorDefinition Text(string key, string name)
        => new() { Key = key, Name = name, Kind = IndicatorKind.ShortText, AddUp = AddUpRule.None };

    public static Dictionary<string, string?> Values(params (string Key, string? Value)[] values)
        => values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>Indicators of a district round: schools taking part, staff trained, share at level 4 weighted by schools, a model site, a budget, a note.</summary>
    public static IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        Whole("truong-tham-gia", "Số trường tham gia"),
        Whole("giao-vien-tap-huan", "Số giáo viên được tập huấn", unit: "người"),
        Percent("ty-le-muc-4", "Tỷ lệ trường đạt mức 4", AddUpRule.WeightedShare, "truong-tham-gia"),
        YesNo("co-mo-hinh-diem", "Có mô hình điểm"),
        Dec("kinh-phi", "Kinh phí huy động"),
        Text("ghi-chu", "Ghi chú"),
    ];

    public static IReadOnlyList<OutlineSection> Outline { get; } =
    [
        new()
        {
            Key = "i", Title = "I. Công tác chỉ đạo",
            Children =
            [
                new() { Key = "i-1", Title = "1. Ban hành văn bản" },
                new() { Key = "i-2", Title = "2. Kiểm tra, giám sát", Children = [new() { Key = "i-2-a", Title = "a) Kiểm tra định kỳ" }] },
            ],
        },
        new() { Key = "ii", Title = "II. Kết quả thực hiện" },
        new() { Key = "iii", Title = "III. Đề xuất, kiến nghị" },
    ];

    /// <summary>
    /// Four schools of two district offices: Lạc Sơn (Hoa Sen, Sơn Ca) and Mai Châu (Họa Mi, and Bình Minh, which has
    /// not answered).
    /// </summary>
    public static ConsolidationInput Input() => new()
    {
        RoundTitle = "Sơ kết 02 năm thực hiện chuyên đề giai đoạn 2021–2025",
        Outline = Outline,
        Indicators = Indicators,
        Units =
        [
            new()
            {
                Key = "mn-hoa-sen", Name = "Trường MN Hoa Sen, xã Vũ Bình", GroupKey = "pgd-lac-son", GroupName = "Phòng GD&ĐT Lạc Sơn",
                Values = Values(("truong-tham-gia", "1"), ("giao-vien-tap-huan", "1250"), ("ty-le-muc-4", "80"), ("co-mo-hinh-diem", "true"), ("kinh-phi", "12.5"), ("ghi-chu", "Đã có \"góc vận động\"")),
                SectionTexts = Values(
                    ("i-1", "Nhà trường ban hành **kế hoạch** số 15/KH-MN.\n\n- Họp hội đồng sư phạm\n- Phân công tổ chuyên môn"),
                    ("ii", "Tổ chức 12 hoạt động trải nghiệm ngoài trời.")),
            },
            new()
            {
                Key = "mn-son-ca", Name = "Trường MN Sơn Ca", GroupKey = "pgd-lac-son", GroupName = "Phòng GD&ĐT Lạc Sơn",
                Values = Values(("truong-tham-gia", "3"), ("giao-vien-tap-huan", "40"), ("ty-le-muc-4", "50"), ("co-mo-hinh-diem", "false"), ("kinh-phi", "7.25")),
                SectionTexts = Values(("ii", "1. Cải tạo sân chơi\n2. Làm đồ chơi từ vật liệu tái chế")),
            },
            new()
            {
                Key = "mn-hoa-mi", Name = "Trường MN Họa Mi", GroupKey = "pgd-mai-chau", GroupName = "Phòng GD&ĐT Mai Châu",
                Values = Values(("truong-tham-gia", "2"), ("giao-vien-tap-huan", "15"), ("ty-le-muc-4", "100"), ("co-mo-hinh-diem", "true"), ("kinh-phi", "")),
                SectionTexts = Values(("i-2-a", "Kiểm tra 2 lần mỗi học kỳ."), ("iii", "")),
            },
            new() { Key = "mn-binh-minh", Name = "Trường MN Bình Minh", GroupKey = "pgd-mai-chau", GroupName = "Phòng GD&ĐT Mai Châu" },
        ],
    };
}
