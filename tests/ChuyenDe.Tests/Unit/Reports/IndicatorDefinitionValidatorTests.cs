using ChuyenDe.Modules.Reports.Indicators;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The checks the admin editor and the recipe import run on a set of indicator definitions and on an outline.</summary>
public sealed class IndicatorDefinitionValidatorTests
{
    private readonly IndicatorDefinitionValidator _validator = new(Localizer<IndicatorResources>());

    private IReadOnlyList<IndicatorError> Errors(params IndicatorDefinition[] indicators) => _validator.Validate(indicators);

    [Fact]
    public void The_sample_set_is_valid()
        => Assert.Empty(_validator.Validate(Indicators));

    [Theory]
    [InlineData("truong-tham-gia", true)]
    [InlineData("muc-4-nhom-2", true)]
    [InlineData("a", true)]
    [InlineData("Truong", false)]
    [InlineData("trường", false)]
    [InlineData("truong_tham_gia", false)]
    [InlineData("truong--tham", false)]
    [InlineData("-truong", false)]
    [InlineData("truong-", false)]
    [InlineData("truong tham gia", false)]
    [InlineData("", false)]
    public void Keys_are_lower_case_ASCII_joined_by_single_dashes(string key, bool valid)
        => Assert.Equal(valid, IndicatorDefinitionValidator.IsValidKey(key));

    [Fact]
    public void A_key_may_be_at_most_64_characters()
    {
        Assert.True(IndicatorDefinitionValidator.IsValidKey(new string('a', 64)));
        Assert.False(IndicatorDefinitionValidator.IsValidKey(new string('a', 65)));
    }

    [Fact]
    public void Wrong_and_repeated_keys_and_missing_names_are_reported_by_row()
    {
        var errors = Errors(
            Whole("Số-trường", "Số trường"),
            Whole("so-lop", "Số lớp"),
            Whole("so-lop", "Số lớp học"),
            Whole("so-tre", " "));

        Assert.Equal(
            [
                new IndicatorError("0", "Mã của chỉ tiêu thứ 1 (“Số-trường”) chỉ gồm chữ thường a–z không dấu và chữ số, nối bằng dấu gạch ngang, tối đa 64 ký tự, ví dụ truong-tham-gia."),
                new IndicatorError("2", "Mã “so-lop” bị dùng cho nhiều hơn một chỉ tiêu."),
                new IndicatorError("3", "Chỉ tiêu thứ 4 chưa có tên."),
            ],
            errors);
    }

    [Fact]
    public void A_range_belongs_to_numbers_goes_upwards_and_has_whole_bounds_for_whole_numbers()
    {
        Assert.Equal(["“Số lớp”: giá trị nhỏ nhất lớn hơn giá trị lớn nhất."], Errors(Whole("so-lop", "Số lớp", min: 10, max: 5)).Select(e => e.Message));
        Assert.Empty(Errors(Whole("so-lop", "Số lớp", min: 5, max: 5)));
        Assert.Equal(["“Số lớp”: khoảng giá trị của chỉ tiêu số nguyên phải có giới hạn là số nguyên."], Errors(Whole("so-lop", "Số lớp", min: 0.5m)).Select(e => e.Message));
        Assert.Equal(["“Có mô hình”: chỉ chỉ tiêu kiểu số hoặc tỷ lệ % mới có khoảng giá trị cho phép."], Errors(YesNo("co", "Có mô hình") with { Minimum = 0 }).Select(e => e.Message));
        Assert.Equal(["“Ghi chú”: chỉ chỉ tiêu kiểu số hoặc tỷ lệ % mới có khoảng giá trị cho phép."], Errors(Text("ghi-chu", "Ghi chú") with { Maximum = 10 }).Select(e => e.Message));
        Assert.Empty(Errors(Dec("kinh-phi", "Kinh phí") with { Minimum = 0.5m, Maximum = 2.5m }));
        Assert.Empty(Errors(Percent("tang-truong", "Tăng trưởng") with { Maximum = 300 }));
    }

    [Fact]
    public void The_rule_must_fit_the_kind()
    {
        Assert.Equal(["“Tỷ lệ”: không cộng các tỷ lệ %; hãy chọn Trung bình hoặc Tỷ lệ có trọng số."], Errors(Percent("ty-le", "Tỷ lệ", AddUpRule.Sum)).Select(e => e.Message));
        Assert.Equal(["“Có mô hình”: chỉ tiêu Có/Không chỉ tổng hợp bằng cách đếm số đơn vị trả lời Có (Tổng), hoặc không cộng dồn."], Errors(YesNo("co", "Có mô hình", AddUpRule.Average)).Select(e => e.Message));
        Assert.Equal(["“Ghi chú”: văn bản ngắn không cộng dồn được; hãy chọn “Không cộng dồn”."], Errors(Text("ghi-chu", "Ghi chú") with { AddUp = AddUpRule.Sum }).Select(e => e.Message));
        Assert.Equal(["“Số lớp”: tỷ lệ có trọng số chỉ áp dụng cho chỉ tiêu tỷ lệ % hoặc số thập phân."], Errors(Whole("so-truong", "Số trường"), Whole("so-lop", "Số lớp", addUp: AddUpRule.WeightedShare) with { WeightKey = "so-truong" }).Select(e => e.Message));
        Assert.Empty(Errors(YesNo("co", "Có mô hình", AddUpRule.None), Whole("so-lop", "Số lớp", addUp: AddUpRule.Average), Dec("kinh-phi", "Kinh phí", AddUpRule.Average), Percent("ty-le", "Tỷ lệ", AddUpRule.None)));
    }

    [Fact]
    public void A_weighted_share_is_weighted_by_another_whole_number_of_the_set_and_only_it_has_a_weight()
    {
        var schools = Whole("so-truong", "Số trường");
        Assert.Empty(Errors(schools, Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare, "so-truong")));
        Assert.Equal(["“Tỷ lệ”: tỷ lệ có trọng số cần chọn chỉ tiêu số nguyên làm trọng số."], Errors(schools, Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare)).Select(e => e.Message));
        Assert.Equal(["“Tỷ lệ” lấy trọng số theo “so-lop”, nhưng “so-lop” không có trong danh sách chỉ tiêu."], Errors(schools, Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare, "so-lop")).Select(e => e.Message));
        Assert.Equal(["“Tỷ lệ” không thể lấy chính nó làm trọng số."], Errors(Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare, "ty-le")).Select(e => e.Message));
        Assert.Equal(["“Tỷ lệ” lấy trọng số theo “Kinh phí”, nhưng “Kinh phí” không phải chỉ tiêu số nguyên."], Errors(Dec("kinh-phi", "Kinh phí"), Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare, "kinh-phi")).Select(e => e.Message));
        Assert.Equal(["“Tỷ lệ”: chỉ cách tổng hợp Tỷ lệ có trọng số mới có chỉ tiêu trọng số."], Errors(schools, Percent("ty-le", "Tỷ lệ", AddUpRule.Average, "so-truong")).Select(e => e.Message));
    }

    [Fact]
    public void An_unknown_kind_or_rule_is_reported_not_thrown()
        => Assert.Equal(["“Số lớp” có kiểu dữ liệu hoặc cách tổng hợp không hợp lệ."], Errors(Whole("so-lop", "Số lớp") with { Kind = (IndicatorKind)42 }).Select(e => e.Message));

    [Fact]
    public void An_outline_needs_titles_and_unique_keys_and_a_bounded_depth()
    {
        Assert.Empty(_validator.ValidateOutline(Outline));

        var errors = _validator.ValidateOutline(
        [
            new OutlineSection { Key = "i", Title = "I. Chỉ đạo", Children = [new OutlineSection { Key = "i", Title = "1. Văn bản" }, new OutlineSection { Key = "I 2", Title = "" }] },
            new OutlineSection { Key = "ii", Title = "II", Children = [new() { Key = "a", Title = "a", Children = [new() { Key = "b", Title = "b", Children = [new() { Key = "c", Title = "c", Children = [new() { Key = "d", Title = "d" }] }] }] }] },
        ]);

        Assert.Equal(
            [
                new IndicatorError("i", "Mã “i” bị dùng cho nhiều hơn một mục của đề cương."),
                new IndicatorError("1.2", "Mã của mục “1.2” chỉ gồm chữ thường a–z không dấu và chữ số, nối bằng dấu gạch ngang, ví dụ i-1."),
                new IndicatorError("1.2", "Mục 1.2 của đề cương chưa có tiêu đề."),
                new IndicatorError("d", "Mục “d” lồng quá 4 cấp."),
            ],
            errors);
    }
}
