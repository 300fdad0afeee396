using ChuyenDe.Modules.Reports.Indicators;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>Every add-up rule, with empty, missing and wrong values, zero weights, decimals and rounding, and by level.</summary>
public sealed class IndicatorAddUpTests
{
    private static readonly IndicatorDefinition Schools = Whole("so-truong", "Số trường");

    private static AddedUpFigure AddUp(IndicatorDefinition indicator, params Dictionary<string, string?>[] units)
        => IndicatorAddUp.AddUp(indicator, [Schools, indicator], units);

    private static Dictionary<string, string?> V(string? value, string key = "x") => Values((key, value));

    private static readonly Dictionary<string, string?> Nothing = [];

    [Fact]
    public void A_sum_adds_the_values_given_and_counts_who_gave_them()
    {
        var figure = AddUp(Whole("x", "Số lớp"), V("3"), V("5"), Nothing, V(""), V("0"));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, 8, 3, 5), figure);
    }

    [Fact]
    public void A_sum_of_decimals_is_exact_and_not_rounded()
    {
        Assert.Equal(0.3m, AddUp(Dec("x", "Kinh phí"), V("0.1"), V("0.2")).Value);
        Assert.Equal(3.755m, AddUp(Dec("x", "Kinh phí"), V("1.25"), V("2.505")).Value);
        Assert.Equal(-1.5m, AddUp(Dec("x", "Chênh lệch"), V("-2"), V("0.5")).Value);
    }

    [Fact]
    public void Nothing_given_means_no_figure_rather_than_zero()
    {
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, null, 0, 3), AddUp(Whole("x", "Số lớp"), Nothing, V(""), V(null)));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, null, 0, 0), AddUp(Whole("x", "Số lớp")));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Average, null, 0, 2), AddUp(Whole("x", "Số lớp", addUp: AddUpRule.Average), Nothing, Nothing));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, null, 0, 1), AddUp(YesNo("x", "Có mô hình"), Nothing));
    }

    [Fact]
    public void A_stored_value_that_no_longer_reads_as_its_kind_counts_as_missing()
    {
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, 4, 1, 3), AddUp(Whole("x", "Số lớp"), V("4"), V("bốn"), V("1,5")));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, 1, 1, 2), AddUp(YesNo("x", "Có"), V("true"), V("Có")));
    }

    [Fact]
    public void An_average_is_over_the_values_given_not_over_every_unit()
    {
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Average, 15, 2, 3), AddUp(Whole("x", "Số trẻ/lớp", addUp: AddUpRule.Average), V("10"), V("20"), Nothing));
        Assert.Equal(0, AddUp(Dec("x", "Chênh lệch", AddUpRule.Average), V("0"), V("0")).Value);
    }

    [Fact]
    public void Averages_round_to_two_places_with_halves_away_from_zero()
    {
        Assert.Equal(1.67m, AddUp(Dec("x", "Điểm", AddUpRule.Average), V("1"), V("2"), V("2")).Value);
        Assert.Equal(0.01m, AddUp(Dec("x", "Điểm", AddUpRule.Average), V("0.005")).Value);
        Assert.Equal(2.35m, AddUp(Dec("x", "Điểm", AddUpRule.Average), V("2.345")).Value);
        Assert.Equal(-2.35m, AddUp(Dec("x", "Điểm", AddUpRule.Average), V("-2.345")).Value);
        Assert.Equal(33.33m, AddUp(Percent("x", "Tỷ lệ"), V("0"), V("0"), V("100")).Value);
    }

    [Fact]
    public void A_weighted_share_weights_each_value_by_the_units_weight()
    {
        var share = Percent("x", "Tỷ lệ mức 4", AddUpRule.WeightedShare, "so-truong");
        var figure = AddUp(share, Values(("x", "80"), ("so-truong", "10")), Values(("x", "50"), ("so-truong", "30")));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.WeightedShare, 57.5m, 2, 2), figure);

        // The plain average would be 65; the weighted one is pulled towards the unit with more schools.
        Assert.Equal(65m, AddUp(Percent("x", "Tỷ lệ mức 4"), V("80"), V("50")).Value);
    }

    [Fact]
    public void A_weighted_share_leaves_out_units_missing_the_value_or_the_weight_and_zero_weights()
    {
        var share = Percent("x", "Tỷ lệ mức 4", AddUpRule.WeightedShare, "so-truong");
        var figure = AddUp(share,
            Values(("x", "90"), ("so-truong", "2")),
            Values(("x", "10"), ("so-truong", "0")),
            Values(("x", "10")),
            Values(("so-truong", "5")),
            Values(("x", "60"), ("so-truong", "")),
            Values(("x", "30"), ("so-truong", "1")));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.WeightedShare, 70m, 2, 6), figure);
    }

    [Fact]
    public void A_weighted_share_with_only_zero_weights_or_no_weight_indicator_has_no_figure()
    {
        var share = Percent("x", "Tỷ lệ mức 4", AddUpRule.WeightedShare, "so-truong");
        Assert.Equal(new AddedUpFigure("x", AddUpRule.WeightedShare, null, 0, 2), AddUp(share, Values(("x", "80"), ("so-truong", "0")), Values(("x", "40"), ("so-truong", "0"))));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.WeightedShare, null, 0, 1), IndicatorAddUp.AddUp(share, [share], [Values(("x", "80"), ("so-truong", "3"))]));
    }

    [Fact]
    public void A_weighted_share_rounds_to_two_places()
        => Assert.Equal(71.67m, AddUp(Percent("x", "Tỷ lệ", AddUpRule.WeightedShare, "so-truong"),
            Values(("x", "80"), ("so-truong", "1")), Values(("x", "50"), ("so-truong", "3")), Values(("x", "100"), ("so-truong", "2"))).Value);

    [Fact]
    public void Yes_no_adds_up_as_how_many_units_said_yes_out_of_those_that_answered()
    {
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, 2, 3, 4), AddUp(YesNo("x", "Có mô hình điểm"), V("true"), V("false"), V("true"), Nothing));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.Sum, 0, 2, 2), AddUp(YesNo("x", "Có mô hình điểm"), V("false"), V("false")));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.None, null, 1, 1), AddUp(YesNo("x", "Có mô hình điểm", AddUpRule.None), V("true")));
    }

    [Fact]
    public void None_and_short_texts_have_no_figure_but_count_who_answered()
    {
        Assert.Equal(new AddedUpFigure("x", AddUpRule.None, null, 2, 3), AddUp(Whole("x", "Số lớp", addUp: AddUpRule.None), V("1"), V("2"), Nothing));
        Assert.Equal(new AddedUpFigure("x", AddUpRule.None, null, 1, 2), AddUp(Text("x", "Ghi chú"), V("Đã làm"), V(" ")));
    }

    [Fact]
    public void A_set_is_added_up_indicator_by_indicator()
    {
        var figures = IndicatorAddUp.AddUp(Indicators, ReportsSamples.Input().Units.Select(u => u.Values).ToList());
        Assert.Equal(Indicators.Select(i => i.Key), figures.Keys);
        Assert.Equal(6, figures["truong-tham-gia"].Value);
        Assert.Equal(1305, figures["giao-vien-tap-huan"].Value);
        Assert.Equal(71.67m, figures["ty-le-muc-4"].Value);
        Assert.Equal(2, figures["co-mo-hinh-diem"].Value);
        Assert.Equal(19.75m, figures["kinh-phi"].Value);
        Assert.Equal(2, figures["kinh-phi"].Contributors);
        Assert.Null(figures["ghi-chu"].Value);
        Assert.All(figures.Values, f => Assert.Equal(4, f.Units));
    }

    [Fact]
    public void A_tree_adds_up_each_level_from_the_units_below_not_from_averages_of_averages()
    {
        var average = Whole("tre-lop", "Số trẻ mỗi lớp", addUp: AddUpRule.Average, unit: "trẻ");
        var sum = Whole("so-lop", "Số lớp", unit: "lớp");
        IReadOnlyList<IndicatorDefinition> set = [average, sum];
        var root = new AddUpNode("so", "Sở GD&ĐT", Children:
        [
            new AddUpNode("lac-son", "Phòng GD&ĐT Lạc Sơn", Children:
            [
                new AddUpNode("hoa-sen", "MN Hoa Sen", Values(("tre-lop", "10"), ("so-lop", "4"))),
                new AddUpNode("son-ca", "MN Sơn Ca", Values(("tre-lop", "20"), ("so-lop", "6"))),
            ]),
            new AddUpNode("mai-chau", "Phòng GD&ĐT Mai Châu", Children:
            [
                new AddUpNode("hoa-mi", "MN Họa Mi", Values(("tre-lop", "60"), ("so-lop", "5"))),
                new AddUpNode("binh-minh", "MN Bình Minh"),
            ]),
        ]);

        var result = IndicatorAddUp.AddUpTree(set, root);

        Assert.Equal(4, result.Units);
        Assert.Equal(30m, result.Figures["tre-lop"].Value); // (10 + 20 + 60) / 3, not (15 + 60) / 2
        Assert.Equal(3, result.Figures["tre-lop"].Contributors);
        Assert.Equal(15m, result.Figures["so-lop"].Value);
        Assert.Equal(["lac-son", "mai-chau"], result.Children.Select(c => c.Key));
        Assert.Equal(15m, result.Children[0].Figures["tre-lop"].Value);
        Assert.Equal(10m, result.Children[0].Figures["so-lop"].Value);
        Assert.Equal(new AddedUpFigure("so-lop", AddUpRule.Sum, 5, 1, 2), result.Children[1].Figures["so-lop"]);
        Assert.Equal(20m, result.Children[0].Children[1].Figures["tre-lop"].Value);
        Assert.Null(result.Children[1].Children[1].Figures["so-lop"].Value);
        Assert.Empty(result.Children[1].Children[1].Children);
    }

    [Fact]
    public void Pre_filled_values_are_valid_for_the_kind_of_the_report_above()
    {
        var perClass = Whole("tre-lop", "Số trẻ mỗi lớp", addUp: AddUpRule.Average);
        Assert.Equal("13", IndicatorAddUp.PrefillValue(perClass, new AddedUpFigure("tre-lop", AddUpRule.Average, 12.5m, 2, 2)));
        Assert.Equal("12", IndicatorAddUp.PrefillValue(perClass, new AddedUpFigure("tre-lop", AddUpRule.Average, 12.49m, 2, 2)));
        Assert.Equal("71.67", IndicatorAddUp.PrefillValue(Percent("ty-le", "Tỷ lệ"), new AddedUpFigure("ty-le", AddUpRule.Average, 71.67m, 2, 2)));
        Assert.Null(IndicatorAddUp.PrefillValue(perClass, new AddedUpFigure("tre-lop", AddUpRule.Average, null, 0, 2)));
        Assert.Null(IndicatorAddUp.PrefillValue(YesNo("co", "Có"), new AddedUpFigure("co", AddUpRule.Sum, 2, 3, 3)));
        Assert.Null(IndicatorAddUp.PrefillValue(Whole("x", "x", addUp: AddUpRule.None), new AddedUpFigure("x", AddUpRule.None, 5, 1, 1)));

        var prefill = IndicatorAddUp.Prefill(Indicators, IndicatorAddUp.AddUp(Indicators, ReportsSamples.Input().Units.Select(u => u.Values).ToList()));
        Assert.Equal(new Dictionary<string, string> { ["truong-tham-gia"] = "6", ["giao-vien-tap-huan"] = "1305", ["ty-le-muc-4"] = "71.67", ["kinh-phi"] = "19.75" }, prefill);

        // What is pre-filled passes the unit's own validation.
        var validator = new IndicatorEntryValidator(Localizer<IndicatorResources>());
        Assert.True(validator.ValidateAnswers(Indicators, prefill.ToDictionary(p => p.Key, p => (string?)p.Value), AnswerCompleteness.Draft).IsValid);
    }
}
