using System.Text;
using ChuyenDe.Modules.Reports.Indicators;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>What Vietnamese users type for an indicator, read by kind and range, and the messages they get.</summary>
public sealed class IndicatorEntryTests
{
    private readonly IndicatorEntryValidator _validator = new(Localizer<IndicatorResources>());

    private static readonly IndicatorDefinition Schools = Whole("truong-tham-gia", "Số trường tham gia", min: 0, max: 50);

    [Theory]
    [InlineData("42", "42")]
    [InlineData("  42 ", "42")]
    [InlineData("1.250", "1250")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("1 250", "1250")]
    [InlineData("1\u00A0250", "1250")]
    [InlineData("1\u202F250\u202F000", "1250000")]
    [InlineData("12,0", "12")]
    [InlineData("0", "0")]
    [InlineData("+7", "7")]
    public void A_whole_number_accepts_dots_and_spaces_between_thousands(string typed, string stored)
    {
        var parsed = IndicatorEntries.Parse(Whole("so-nguoi", "Số người", min: null), typed);
        Assert.Equal(new ParsedEntry(stored, EntryProblem.None), parsed);
    }

    [Theory]
    [InlineData("12,5", EntryProblem.NotWholeNumber)]
    [InlineData("12.5", EntryProblem.NotWholeNumber)]
    [InlineData("1,250", EntryProblem.NotWholeNumber)]
    [InlineData("mười hai", EntryProblem.NotANumber)]
    [InlineData("12a", EntryProblem.NotANumber)]
    [InlineData("1.25.000", EntryProblem.NotANumber)]
    [InlineData("1.250 000", EntryProblem.NotANumber)]
    [InlineData("12 50", EntryProblem.NotANumber)]
    [InlineData("1,2,3", EntryProblem.NotANumber)]
    [InlineData(",5", EntryProblem.NotANumber)]
    [InlineData("12.", EntryProblem.NotANumber)]
    [InlineData("12%", EntryProblem.NotANumber)]
    [InlineData("-", EntryProblem.NotANumber)]
    public void A_whole_number_refuses_decimals_and_text(string typed, EntryProblem problem)
        => Assert.Equal(new ParsedEntry(null, problem), IndicatorEntries.Parse(Whole("so-nguoi", "Số người", min: null), typed));

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("12,50", "12.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1 234,75", "1234.75")]
    [InlineData("12.5", "12.5")]
    [InlineData("0.125", "0.125")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("-3,5", "-3.5")]
    [InlineData("−3,5", "-3.5")]
    [InlineData("0,0", "0")]
    public void A_decimal_takes_the_comma_before_decimals_and_a_lone_dot_when_unambiguous(string typed, string stored)
        => Assert.Equal(new ParsedEntry(stored, EntryProblem.None), IndicatorEntries.Parse(Dec("kinh-phi", "Kinh phí"), typed));

    [Theory]
    [InlineData("1.234")]
    [InlineData("12.500")]
    public void A_decimal_with_one_dot_before_three_digits_is_refused_as_ambiguous(string typed)
        => Assert.Equal(new ParsedEntry(null, EntryProblem.AmbiguousSeparator), IndicatorEntries.Parse(Dec("kinh-phi", "Kinh phí"), typed));

    [Theory]
    [InlineData("85", "85")]
    [InlineData("85%", "85")]
    [InlineData("85 %", "85")]
    [InlineData("85,5%", "85.5")]
    [InlineData("0", "0")]
    [InlineData("100", "100")]
    [InlineData("33.33", "33.33")]
    public void A_percentage_may_carry_its_sign_and_is_stored_without_it(string typed, string stored)
        => Assert.Equal(new ParsedEntry(stored, EntryProblem.None), IndicatorEntries.Parse(Percent("ty-le", "Tỷ lệ"), typed));

    [Fact]
    public void A_percentage_is_0_to_100_unless_its_range_says_otherwise()
    {
        var share = Percent("ty-le", "Tỷ lệ trẻ đến trường");
        Assert.Equal(EntryProblem.OutOfRange, IndicatorEntries.Parse(share, "100,5").Problem);
        Assert.Equal(EntryProblem.OutOfRange, IndicatorEntries.Parse(share, "-1%").Problem);
        Assert.Equal("“Tỷ lệ trẻ đến trường” phải nằm trong khoảng từ 0% đến 100%.", _validator.Validate(share, "101%").Error);

        var growth = share with { Maximum = 300 };
        Assert.Equal("150", IndicatorEntries.Parse(growth, "150%").Value);
        Assert.Equal("“Tỷ lệ trẻ đến trường” phải nằm trong khoảng từ 0% đến 300%.", _validator.Validate(growth, "301").Error);
    }

    [Theory]
    [InlineData("Có", true)]
    [InlineData("có", true)]
    [InlineData("CÓ", true)]
    [InlineData("co", true)]
    [InlineData("x", true)]
    [InlineData("1", true)]
    [InlineData("Yes", true)]
    [InlineData("Đúng", true)]
    [InlineData("Không", false)]
    [InlineData("khong", false)]
    [InlineData("KHÔNG", false)]
    [InlineData("K", false)]
    [InlineData("ko", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("Sai", false)]
    public void Yes_and_no_are_read_in_their_usual_spellings(string typed, bool answer)
    {
        var parsed = IndicatorEntries.Parse(YesNo("co-mo-hinh", "Có mô hình điểm"), " " + typed + " ");
        Assert.Equal(answer ? "true" : "false", parsed.Value);
        Assert.Equal(answer, IndicatorEntries.ReadYesNo(parsed.Value));
    }

    [Fact]
    public void Yes_typed_with_decomposed_accents_is_still_yes_and_anything_else_is_refused()
    {
        var indicator = YesNo("co-mo-hinh", "Có mô hình điểm");
        Assert.Equal("true", IndicatorEntries.Parse(indicator, "Có".Normalize(NormalizationForm.FormD)).Value);
        Assert.Equal(EntryProblem.NotYesNo, IndicatorEntries.Parse(indicator, "có lẽ").Problem);
        Assert.Equal("“Có mô hình điểm”: hãy chọn Có hoặc Không.", _validator.Validate(indicator, "có lẽ").Error);
    }

    [Fact]
    public void A_short_text_is_trimmed_kept_on_one_line_and_limited_in_length()
    {
        var note = Text("ghi-chu", "Ghi chú");
        Assert.Equal("Đã triển khai ở 3 điểm trường", IndicatorEntries.Parse(note, "  Đã triển khai\r\n ở 3 điểm trường \n").Value);
        Assert.Equal(500, IndicatorEntries.Parse(note, new string('a', 500)).Value!.Length);
        Assert.Equal(EntryProblem.TooLong, IndicatorEntries.Parse(note, new string('a', 501)).Problem);
        Assert.Equal("“Ghi chú” dài quá 500 ký tự.", _validator.Validate(note, new string('a', 501)).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_entry_is_empty_not_zero_and_not_an_error(string? typed)
    {
        foreach (var indicator in Indicators)
        {
            var parsed = IndicatorEntries.Parse(indicator, typed);
            Assert.True(parsed.IsEmpty);
            Assert.Null(_validator.Validate(indicator, typed).Error);
        }
    }

    [Fact]
    public void The_messages_name_the_indicator_and_its_range_in_Vietnamese()
    {
        Assert.Equal("“Số trường tham gia” phải là số nguyên, ví dụ 1.250.", _validator.Validate(Schools, "mười").Error);
        Assert.Equal("“Số trường tham gia” phải là số nguyên, không có phần thập phân.", _validator.Validate(Schools, "2,5").Error);
        Assert.Equal("“Số trường tham gia” phải nằm trong khoảng từ 0 đến 50.", _validator.Validate(Schools, "51").Error);
        Assert.Equal("“Số trường tham gia” phải nằm trong khoảng từ 0 đến 50.", _validator.Validate(Schools, "-1").Error);
        Assert.Equal("“Số giáo viên” không được nhỏ hơn 0.", _validator.Validate(Whole("gv", "Số giáo viên"), "-2").Error);
        Assert.Equal("“Số giáo viên” không được lớn hơn 1.500.", _validator.Validate(Whole("gv", "Số giáo viên", min: null, max: 1500), "1.501").Error);
        Assert.Equal("“Kinh phí” phải là một số, ví dụ 12,5 (dấu phẩy trước phần thập phân).", _validator.Validate(Dec("kinh-phi", "Kinh phí"), "12 triệu").Error);
        Assert.Equal("“Kinh phí”: không rõ “1.234” là số hàng nghìn hay số thập phân. Hãy dùng dấu phẩy trước phần thập phân (ví dụ 1,5) và không dùng dấu chấm ngăn cách hàng nghìn.", _validator.Validate(Dec("kinh-phi", "Kinh phí"), " 1.234 ").Error);
        Assert.Equal("“Tỷ lệ” phải là tỷ lệ phần trăm, ví dụ 85 hoặc 85,5%.", _validator.Validate(Percent("ty-le", "Tỷ lệ"), "tám mươi").Error);
        Assert.Equal("“Kinh phí” không được lớn hơn 2,5.", _validator.Validate(Dec("kinh-phi", "Kinh phí") with { Maximum = 2.5m }, "2,51").Error);

        var valid = _validator.Validate(Schools, "50");
        Assert.True(valid.IsValid);
        Assert.Equal("50", valid.Value);
    }

    [Fact]
    public void The_help_beside_a_field_says_what_it_takes_and_its_range()
    {
        Assert.Equal("Số nguyên, từ 0 đến 50", _validator.Hint(Schools));
        Assert.Equal("Số nguyên, không nhỏ hơn 0", _validator.Hint(Whole("gv", "Số giáo viên")));
        Assert.Equal("Số nguyên", _validator.Hint(Whole("chenh-lech", "Chênh lệch", min: null)));
        Assert.Equal("Tỷ lệ %, từ 0% đến 100%", _validator.Hint(Percent("ty-le", "Tỷ lệ")));
        Assert.Equal("Số, dùng dấu phẩy trước phần thập phân, không lớn hơn 1.000,5", _validator.Hint(Dec("kinh-phi", "Kinh phí") with { Maximum = 1000.5m }));
        Assert.Equal("Có hoặc Không", _validator.Hint(YesNo("co", "Có mô hình")));
        Assert.Equal("Văn bản ngắn, tối đa 500 ký tự", _validator.Hint(Text("ghi-chu", "Ghi chú")));
    }

    [Fact]
    public void Stored_values_are_shown_the_Vietnamese_way()
    {
        Assert.Equal("1.250", _validator.Display(Schools, "1250"));
        Assert.Equal("1.234,5", _validator.Display(Dec("kinh-phi", "Kinh phí"), "1234.5"));
        Assert.Equal("85,5%", _validator.Display(Percent("ty-le", "Tỷ lệ"), "85.5"));
        Assert.Equal("Có", _validator.Display(YesNo("co", "Có mô hình"), "true"));
        Assert.Equal("Không", _validator.Display(YesNo("co", "Có mô hình"), "false"));
        Assert.Equal("", _validator.Display(Schools, null));
    }

    [Fact]
    public void A_set_of_answers_is_normalised_and_unknown_keys_are_refused()
    {
        var answers = _validator.ValidateAnswers(Indicators, Values(
            ("truong-tham-gia", "3"), ("giao-vien-tap-huan", "1.250"), ("ty-le-muc-4", "66,7%"), ("co-mo-hinh-diem", "Có"),
            ("kinh-phi", ""), ("ghi-chu", "  "), ("so-lop", "4")), AnswerCompleteness.Draft);

        Assert.Equal(Values(("truong-tham-gia", "3"), ("giao-vien-tap-huan", "1250"), ("ty-le-muc-4", "66.7"), ("co-mo-hinh-diem", "true")), answers.Values.ToDictionary(v => v.Key, v => (string?)v.Value));
        Assert.Equal([new IndicatorError("so-lop", "“so-lop” không phải là chỉ tiêu của đợt báo cáo này.")], answers.Errors);
        Assert.False(answers.IsValid);
    }

    [Fact]
    public void A_draft_may_leave_indicators_empty_but_a_submission_needs_every_one_except_short_texts()
    {
        var partial = Values(("truong-tham-gia", "0"), ("co-mo-hinh-diem", "Không"), ("ty-le-muc-4", "120"));

        var draft = _validator.ValidateAnswers(Indicators, partial, AnswerCompleteness.Draft);
        Assert.Equal([new IndicatorError("ty-le-muc-4", "“Tỷ lệ trường đạt mức 4” phải nằm trong khoảng từ 0% đến 100%.")], draft.Errors);
        Assert.Equal("0", draft.Values["truong-tham-gia"]);
        Assert.Equal("false", draft.Values["co-mo-hinh-diem"]);

        var submission = _validator.ValidateAnswers(Indicators, partial, AnswerCompleteness.Submission);
        Assert.Equal(
            [
                new IndicatorError("giao-vien-tap-huan", "Vui lòng nhập “Số giáo viên được tập huấn”."),
                new IndicatorError("ty-le-muc-4", "“Tỷ lệ trường đạt mức 4” phải nằm trong khoảng từ 0% đến 100%."),
                new IndicatorError("kinh-phi", "Vui lòng nhập “Kinh phí huy động”."),
            ],
            submission.Errors);

        var complete = _validator.ValidateAnswers(Indicators, Values(
            ("truong-tham-gia", "0"), ("giao-vien-tap-huan", "0"), ("ty-le-muc-4", "0"), ("co-mo-hinh-diem", "Không"), ("kinh-phi", "0")), AnswerCompleteness.Submission);
        Assert.True(complete.IsValid);
        Assert.False(complete.Values.ContainsKey("ghi-chu"));
    }
}
