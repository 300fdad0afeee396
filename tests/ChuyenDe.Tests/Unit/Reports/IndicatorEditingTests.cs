using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>The checks of an indicator set before it is saved (the definitions; the units' values are checked elsewhere).</summary>
public sealed class IndicatorEditingTests
{
    private static IndicatorRowForm Row(string key, string kind = "WholeNumber", string addUp = "Sum", string? min = null, string? max = null, string? weight = null)
        => new() { Key = key, Name = "Chỉ tiêu " + key, Kind = kind, AddUp = addUp, Minimum = min, Maximum = max, WeightKey = weight };

    private static IReadOnlyList<(string Field, string Message)> Errors(params IndicatorRowForm[] rows)
        => IndicatorEditing.Build(rows.ToList()).Errors.Select(e => (e.Field, e.Message)).ToList();

    [Fact]
    public void A_valid_set_is_built_with_numbers_typed_the_Vietnamese_way()
    {
        var (indicators, errors) = IndicatorEditing.Build([Row("so-truong", min: "0"), Row("ty-le", "Percentage", "WeightedShare", "0", "99,5", "so-truong"),
            Row("da-so-ket", "YesNo"), Row("ghi-chu", "ShortText", "None")]);

        Assert.Empty(errors);
        Assert.Equal(99.5m, indicators![1].Maximum);
        Assert.Equal("so-truong", indicators[1].WeightKey);
    }

    [Fact]
    public void A_key_left_empty_is_made_from_the_name()
    {
        var (indicators, _) = IndicatorEditing.Build([new IndicatorRowForm { Name = "Số trường đạt mức 4", Kind = "WholeNumber", AddUp = "Sum" }]);

        Assert.Equal("so-truong-dat-muc-4", indicators![0].Key);
    }

    [Fact]
    public void Each_mistake_is_named_by_its_row_and_field()
    {
        Assert.Contains(("Indicators[1].Key", "Indicator {0}: the key “{1}” is already used by indicator {2}."), Errors(Row("a"), Row("a")));
        Assert.Contains(("Indicators[0].Key", "Indicator {0}: the key may hold only a–z, 0–9 and '-' (at most 64)."), Errors(Row("Chữ Hoa")));
        Assert.Contains(("Indicators[0].Maximum", "Indicator {0}: the smallest value ({1}) is larger than the largest ({2})."), Errors(Row("a", "Decimal", min: "5", max: "1,5")));
        Assert.Contains(("Indicators[0].Minimum", "Indicator {0}: the range of a percentage lies between 0 and 100."), Errors(Row("a", "Percentage", "Average", max: "120")));
        Assert.Contains(("Indicators[0].Minimum", "Indicator {0}: an allowed range applies only to numbers and percentages."), Errors(Row("a", "YesNo", min: "0")));
        Assert.Contains(("Indicators[0].Minimum", "Indicator {0}: “{1}” is not a number."), Errors(Row("a", min: "mười")));
        Assert.Contains(("Indicators[0].AddUp", "Indicator {0}: a short text does not add up; choose “not added up”."), Errors(Row("a", "ShortText", "Sum")));
        Assert.Contains(("Indicators[0].AddUp", "Indicator {0}: only a percentage adds up as a weighted share."), Errors(Row("a", "Decimal", "WeightedShare", weight: "b"), Row("b")));
        Assert.Contains(("Indicators[0].WeightKey", "Indicator {0}: a weighted share needs the key of the whole-number indicator that weights it."), Errors(Row("a", "Percentage", "WeightedShare")));
        Assert.Contains(("Indicators[0].WeightKey", "Indicator {0}: a weight applies only to a weighted share; leave it empty."), Errors(Row("a", "Percentage", "Average", weight: "b"), Row("b")));
        Assert.Contains(("Indicators[0].WeightKey", "Indicator {0}: the weight “{1}” must be the key of a whole-number indicator of this set."),
            Errors(Row("a", "Percentage", "WeightedShare", weight: "b"), Row("b", "Decimal")));
        Assert.Contains(("Indicators[0].WeightKey", "Indicator {0}: the weight “{1}” must be the key of a whole-number indicator of this set."),
            Errors(Row("a", "Percentage", "WeightedShare", weight: "khong-co")));
        Assert.Contains(("Indicators[0].Kind", "Indicator {0}: choose the kind of value."), Errors(Row("a", "Ngày")));
    }

    [Fact]
    public void Move_and_remove_keep_the_other_rows()
    {
        var rows = new List<IndicatorRowForm> { Row("a"), Row("b"), Row("c") };

        Assert.True(IndicatorEditing.Apply(rows, "up:2"));
        Assert.False(IndicatorEditing.Apply(rows, "up:0"));
        Assert.True(IndicatorEditing.Apply(rows, "remove:0"));
        Assert.True(IndicatorEditing.Apply(rows, "add"));

        Assert.Equal(["c", "b", null], rows.Select(r => r.Key));
        Assert.Equal((nameof(IndicatorKind.WholeNumber), nameof(AddUpRule.Sum)), (rows[2].Kind, rows[2].AddUp));
    }
}
