using System.Globalization;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// Issue 13's "done when" in Chromium, as far as it is built: the Department's curator creates a round from the
/// Phụ lục 1 template for its district offices and opens it; Quận 1's curator opens the linked round for two of its
/// schools; the two schools answer (one after the deadline); the district pre-fills its report from theirs, completes it
/// and submits; the Department returns it with a reason and a section; the district fixes it and submits again; the
/// Department's boards show submitted, late and not started units. Everything is done by clicking and typing; the
/// database is only read, to check what the pages said was stored.
/// </summary>
/// <remarks>
/// The path is a list of named steps (<see cref="Steps"/>). Nominations and the consolidation downloads are built
/// elsewhere; their steps go into the list: a unit's nominations after <see cref="DistrictCompletesAndSubmitsAsync"/>,
/// the XLSX/DOCX downloads and their totals after <see cref="DepartmentBoardsShowSubmittedLateAndMissingAsync"/>.
/// A failing step names itself and leaves screenshots of every open page in CHUYENDE_SCREENSHOTS (or
/// browser-failures/ beside the test assembly).
/// </remarks>
public sealed class ReportRoundPathBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Quan1 = "phong-quan-1";
    private const string Quan3 = "phong-quan-3";
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string TanDinh = "truong-mn-tan-dinh";
    private const string DaKao = "truong-mn-da-kao";
    private const string ReturnedSection = "ii-1";

    /// <summary>The figures each school types; the others get <see cref="DefaultFigure"/>.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> SchoolFigures = new(StringComparer.Ordinal)
    {
        [BenThanh] = new(StringComparer.Ordinal)
        {
            ["tong-so-truong"] = "10", ["truong-tham-gia"] = "8", ["ty-le-truong-tham-gia"] = "80", ["ty-le-cha-me-hai-long"] = "90",
            ["kinh-phi-xa-hoi-hoa"] = "12,5", ["luot-cha-me-tham-gia"] = "1.250",
        },
        [TanDinh] = new(StringComparer.Ordinal)
        {
            ["tong-so-truong"] = "30", ["truong-tham-gia"] = "15", ["ty-le-truong-tham-gia"] = "50", ["ty-le-cha-me-hai-long"] = "70",
            ["kinh-phi-xa-hoi-hoa"] = "7,25", ["luot-cha-me-tham-gia"] = "750",
        },
    };

    /// <summary>What the district's boxes must show after the pre-fill: sums, the share weighted by the number of schools, the average.</summary>
    private static readonly Dictionary<string, string> ExpectedPrefill = new(StringComparer.Ordinal)
    {
        ["tong-so-truong"] = "40", // 10 + 30
        ["truong-tham-gia"] = "23", // 8 + 15
        ["ty-le-truong-tham-gia"] = "57,5", // (80 × 10 + 50 × 30) ÷ 40
        ["ty-le-cha-me-hai-long"] = "80", // (90 + 70) ÷ 2
        ["kinh-phi-xa-hoi-hoa"] = "19,75", // 12,5 + 7,25
        ["luot-cha-me-tham-gia"] = "2000", // 1.250 + 750, shown back without a thousands separator (the form reads unambiguously)
    };

    private const string CollectiveFile = "bao-cao-thanh-tich-tap-the-quan-1.docx";
    private const string IndividualFile = "bao-cao-thanh-tich-tran-thi-mai.docx";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly List<string> _problems = [];
    private readonly List<IPage> _pages = [];
    private readonly string _title = "Sơ kết chuyên đề – kiểm thử đường đi " + Guid.NewGuid().ToString("N")[..6];
    private readonly string _tanDinhUser = "truong.tandinh." + Guid.NewGuid().ToString("N")[..6];
    private IPage _department = null!;
    private IPage _district = null!;
    private int _roundId;
    private int _linkedId;
    private DateTime _deadlineLocal;

    /// <summary>The path, in order. New steps (nominations, consolidation downloads) are inserted here.</summary>
    private IEnumerable<(string Name, Func<Task> Run)> Steps =>
    [
        ("a. the Department creates the round from Phụ lục 1 for its district offices and opens it", DepartmentCreatesAndOpensRoundAsync),
        ("b. Quận 1 opens the linked round for two of its schools", DistrictOpensLinkedRoundForTwoSchoolsAsync),
        ("c. two schools fill in and submit, the second after the deadline", SchoolsAnswerAsync),
        ("d1. Quận 1 pre-fills its report from the schools", DistrictPrefillsFromSchoolsAsync),
        ("d2. Quận 1 uploads two achievement reports and nominates one collective and one individual", DistrictNominatesAsync),
        ("d3. Quận 1 completes its texts and submits", DistrictCompletesAndSubmitsAsync),
        ("e1. the Department returns Quận 1's report with a reason and a section", DepartmentReturnsWithReasonAsync),
        ("e2. Quận 1 sees the reason, fixes the section and submits again", DistrictFixesAndResubmitsAsync),
        ("f. the Department's boards show submitted, late and not started units", DepartmentBoardsShowSubmittedLateAndMissingAsync),
        ("g. the Department downloads the XLSX (totals = the units' sums) and the DOCX (headings = the outline)", DepartmentDownloadsConsolidationAsync),
    ];

    [SkippableFact]
    public async Task A_round_goes_from_the_Department_through_a_district_and_its_schools_and_back()
    {
        BrowserFixture.SkipUnlessAvailable();
        foreach (var (name, run) in Steps)
        {
            try
            {
                await run();
            }
            catch (Exception failure)
            {
                var shots = await ShootAllAsync(name);
                throw new Xunit.Sdk.XunitException($"Step “{name}” failed on {string.Join(", ", _pages.Select(p => p.Url))}; screenshots: {shots}.\n{failure}");
            }
        }

        Assert.True(_problems.Count == 0, "The browser reported errors:\n" + string.Join("\n", _problems));
    }

    // ----- the steps -----

    private async Task DepartmentCreatesAndOpensRoundAsync()
    {
        _department = await SignedInAsync(Accounts.DepartmentCurator);
        await _department.GotoAsync("/admin/bao-cao");
        await _department.GetByRole(AriaRole.Link, new() { Name = "Tạo đợt báo cáo" }).ClickAsync();
        await _department.WaitForURLAsync("**/admin/bao-cao/tao");

        var template = _department.Locator("#TemplateId option", new() { HasText = "Phụ lục 1" });
        await _department.GetByLabel("Mẫu báo cáo", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = await template.GetAttributeAsync("value") });
        await _department.Locator("#Title").FillAsync(_title);
        await _department.Locator("#SchoolYear").FillAsync("2022-2023");
        _deadlineLocal = VietnamNow().AddDays(30).Date.AddHours(17);
        await _department.Locator("#Deadline").FillAsync(_deadlineLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await _department.GetByLabel("Tất cả Phòng GD&ĐT trực thuộc", new() { Exact = true }).CheckAsync();
        await SubmitAsync(_department, _department.GetByRole(AriaRole.Button, new() { Name = "Tạo đợt", Exact = true }));
        Assert.Matches("/admin/bao-cao/[0-9]+/sua$", _department.Url);
        _roundId = IdIn(_department.Url);
        await Assertions.Expect(_department.Locator(".round-deadline")).ToHaveTextAsync(_deadlineLocal.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture));

        await SubmitAsync(_department, _department.GetByRole(AriaRole.Button, new() { Name = "Mở đợt", Exact = true }));
        await Assertions.Expect(_department.Locator(".round-state .badge")).ToHaveTextAsync("Đang mở");

        var round = await RoundAsync(_roundId);
        Assert.Equal((ReportRoundState.Open, "so-hcm", UnitsAskedRule.DistrictOffices), (round.State, round.OwnerOrganizationId, round.UnitsRule));
        Assert.Equal([Quan1, Quan3], round.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));
        // The deadline was typed in Vietnam time (UTC+7).
        Assert.Equal(_deadlineLocal.AddHours(-7), round.DeadlineUtc);
        Assert.Contains("\"tong-so-truong\"", round.IndicatorsJson, StringComparison.Ordinal);
    }

    private async Task DistrictOpensLinkedRoundForTwoSchoolsAsync()
    {
        _district = await SignedInAsync(Accounts.DistrictCurator);
        await OpenOwnReportAsync(_district, _roundId);
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Mở đợt báo cáo cho các trường" }));
        Assert.Matches("/admin/bao-cao/[0-9]+/sua$", _district.Url);
        _linkedId = IdIn(_district.Url);
        await AssertFlashAsync(_district, "hãy đặt hạn nộp rồi mở đợt");

        await SetDeadlineAsync(_district, VietnamNow().AddDays(20).Date.AddHours(17));
        await _district.GetByLabel("Chọn từng đơn vị", new() { Exact = true }).CheckAsync();
        await _district.Locator($"#Units-{BenThanh}").CheckAsync();
        await _district.Locator($"#Units-{TanDinh}").CheckAsync();
        await _district.Locator($"#Units-{DaKao}").UncheckAsync();
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }));
        await AssertFlashAsync(_district, "Đã lưu thay đổi");
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Mở đợt", Exact = true }));
        await Assertions.Expect(_district.Locator(".round-state .badge")).ToHaveTextAsync("Đang mở");

        var linked = await RoundAsync(_linkedId);
        Assert.Equal((_roundId, Quan1, ReportRoundState.Open, UnitsAskedRule.Manual), (linked.ParentRoundId, linked.OwnerOrganizationId, linked.State, linked.UnitsRule));
        Assert.Equal([BenThanh, TanDinh], linked.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));

        // The district's own report now links to it.
        await OpenOwnReportAsync(_district, _roundId);
        await Assertions.Expect(_district.Locator(".report-linked-round a")).ToHaveAttributeAsync("href", $"/admin/bao-cao/{_linkedId}/sua");
    }

    private async Task SchoolsAnswerAsync()
    {
        // Tân Định has no account in the sample: an administrator creates one through the users page.
        var admin = await SignedInAsync(Accounts.Administrator);
        await admin.GotoAsync("/admin/nguoi-dung/tao");
        await admin.GetByLabel("Tên đăng nhập").FillAsync(_tanDinhUser);
        await admin.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Hoa");
        await admin.Locator("#OrganizationId").SelectOptionAsync(TanDinh);
        await admin.Locator("#role-SchoolContributor").CheckAsync();
        await admin.GetByLabel("Mật khẩu ban đầu").FillAsync(SystemAdmin.Password);
        await admin.GetByLabel("Nhập lại mật khẩu").FillAsync(SystemAdmin.Password);
        await SubmitAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }));
        Assert.DoesNotContain("/admin/nguoi-dung/tao", admin.Url, StringComparison.Ordinal);
        await admin.Context.CloseAsync();
        _pages.Remove(admin);

        var benThanh = await SignedInAsync(Accounts.Contributor);
        await StartAndFillAsync(benThanh, _linkedId, "Trường Mầm non Bến Thành", SchoolFigures[BenThanh]);
        await SubmitReportAsync(benThanh);
        await Assertions.Expect(benThanh.Locator(".report-late")).ToHaveCountAsync(0);

        // The district brings the deadline forward to the minute after Bến Thành's submission (lateness is measured
        // against the round's current deadline, so an earlier one would make Bến Thành late too); Tân Định submits once
        // it has passed: late, and still accepted.
        var sent = DateTime.ParseExact((await benThanh.Locator(".report-submitted-at").InnerTextAsync()).Trim(), "HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        var deadline = sent.AddMinutes(1);
        await _district.GotoAsync($"/admin/bao-cao/{_linkedId}/sua");
        await SetDeadlineAsync(_district, deadline);
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }));
        await AssertFlashAsync(_district, "Đã lưu thay đổi");

        var tanDinh = await SignedInAsync(_tanDinhUser, SystemAdmin.Password);
        // A new account chooses its own password first.
        await tanDinh.WaitForURLAsync("**/admin/doi-mat-khau**");
        await tanDinh.GetByLabel("Mật khẩu hiện tại").FillAsync(SystemAdmin.Password);
        await tanDinh.Locator("#NewPassword").FillAsync("Hoa-Tan-Dinh-2026");
        await tanDinh.Locator("#ConfirmPassword").FillAsync("Hoa-Tan-Dinh-2026");
        await SubmitAsync(tanDinh, tanDinh.GetByRole(AriaRole.Button, new() { Name = "Lưu mật khẩu mới" }));
        Assert.DoesNotContain("/admin/doi-mat-khau", tanDinh.Url, StringComparison.Ordinal);
        await StartAndFillAsync(tanDinh, _linkedId, "Trường Mầm non Tân Định", SchoolFigures[TanDinh]);
        if (deadline.AddSeconds(1) - VietnamNow() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }

        await SubmitReportAsync(tanDinh);
        await Assertions.Expect(tanDinh.Locator(".round-state .report-late")).ToHaveTextAsync("nộp muộn");

        var units = (await RoundAsync(_linkedId)).Units.ToDictionary(u => u.OrganizationId);
        Assert.Equal(UnitReportState.Submitted, units[BenThanh].ReportState);
        Assert.Equal(UnitReportState.Submitted, units[TanDinh].ReportState);
    }

    private async Task DistrictPrefillsFromSchoolsAsync()
    {
        await OpenOwnReportAsync(_district, _roundId);
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu báo cáo" }));
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Lấy số liệu từ các trường" }));
        await AssertFlashAsync(_district, "số liệu của 2 trường");
        foreach (var (key, shown) in ExpectedPrefill)
        {
            await Assertions.Expect(_district.Locator($"#value-{key}")).ToHaveValueAsync(shown);
        }
    }

    private async Task DistrictNominatesAsync()
    {
        // The achievement reports go into the district's library through the upload box of the evidence; each comes
        // back ticked as evidence, and after saving the draft they are offered to the nominations.
        var upload = _district.Locator("#evidence-file-upload");
        await upload.SetInputFilesAsync(new[]
        {
            new FilePayload { Name = CollectiveFile, MimeType = DocxType, Buffer = AchievementReport("Báo cáo thành tích tập thể Phòng GD&ĐT Quận 1") },
            new FilePayload { Name = IndividualFile, MimeType = DocxType, Buffer = AchievementReport("Báo cáo thành tích cá nhân bà Trần Thị Mai") },
        });
        var files = _district.Locator("#evidence-file-list");
        await Assertions.Expect(files.Locator("li.media-choice", new() { HasText = CollectiveFile }).Locator("input.media-toggle")).ToBeCheckedAsync();
        await Assertions.Expect(files.Locator("li.media-choice", new() { HasText = IndividualFile }).Locator("input.media-toggle")).ToBeCheckedAsync();
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).Last);
        await Assertions.Expect(_district.Locator(".error-summary")).ToHaveCountAsync(0);

        await _district.Locator("#nomination-c-0-org").SelectOptionAsync(Quan1);
        await _district.Locator("#nomination-c-0-file").SelectOptionAsync(new SelectOptionValue { Label = CollectiveFile });
        await _district.Locator("#nomination-i-0-name").FillAsync("Trần Thị Mai");
        await _district.Locator("#nomination-i-0-position").FillAsync("Chuyên viên mầm non");
        await _district.Locator("#nomination-i-0-organisation").FillAsync("Phòng GD&ĐT Quận 1");
        await _district.Locator("#nomination-i-0-file").SelectOptionAsync(new SelectOptionValue { Label = IndividualFile });
        await SubmitAsync(_district, _district.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).Last);
        await Assertions.Expect(_district.Locator(".error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(_district.Locator("#nomination-i-0-name")).ToHaveValueAsync("Trần Thị Mai");
    }

    private async Task DistrictCompletesAndSubmitsAsync()
    {
        await FillEmptyAsync(_district, "Phòng GD&ĐT Quận 1");
        await SubmitReportAsync(_district);
        var stored = await ReportAsync(_roundId, Quan1);
        Assert.Equal(("40", "23", "57.5", "19.75"),
            (stored.Values["tong-so-truong"], stored.Values["truong-tham-gia"], stored.Values["ty-le-truong-tham-gia"], stored.Values["kinh-phi-xa-hoi-hoa"]));
        Assert.Equal(UnitReportState.Submitted, stored.State);
        var nominations = await NominationsAsync(_roundId, Quan1);
        Assert.Equal(
            [(NominationKind.Collective, Quan1, CollectiveFile), (NominationKind.Individual, "Trần Thị Mai", IndividualFile)],
            nominations.Select(n => (n.Kind, n.Kind == NominationKind.Collective ? n.OrganizationId! : n.Name, n.FileName)));
    }

    private async Task DepartmentReturnsWithReasonAsync()
    {
        await _department.GotoAsync($"/admin/bao-cao/{_roundId}/sua");
        await _department.GetByRole(AriaRole.Link, new() { Name = "Tình hình nộp báo cáo" }).ClickAsync();
        await _department.Locator($"#don-vi-{Quan1} a.review-link").ClickAsync();
        await _department.WaitForURLAsync($"**/admin/bao-cao/{_roundId}/don-vi/{Quan1}");
        await Assertions.Expect(_department.Locator("#chi-tieu-tong-so-truong .review-value")).ToHaveTextAsync("40");

        await _department.GetByLabel("Lý do (đơn vị cần sửa gì)").FillAsync("Mục II.1 cần nêu rõ số buổi tập huấn và số giáo viên tham dự.");
        var section = _department.Locator($".review-return-sections input[value='{ReturnedSection}']");
        await section.CheckAsync();
        await SubmitAsync(_department, _department.GetByRole(AriaRole.Button, new() { Name = "Trả lại", Exact = true }));
        await AssertFlashAsync(_department, "Đã trả lại báo cáo của");
        Assert.Equal(UnitReportState.Returned, (await ReportAsync(_roundId, Quan1)).State);
    }

    private async Task DistrictFixesAndResubmitsAsync()
    {
        await OpenOwnReportAsync(_district, _roundId);
        var returned = _district.Locator(".report-returned");
        await Assertions.Expect(returned.Locator(".report-returned-reason")).ToContainTextAsync("số buổi tập huấn");
        var sectionTitle = (await _district.Locator($"label[for='section-{ReturnedSection}']").InnerTextAsync()).TrimEnd(' ', '*');
        await Assertions.Expect(returned.Locator(".report-returned-sections")).ToContainTextAsync(sectionTitle);

        const string fixedText = "Phòng đã tổ chức 3 buổi tập huấn cho 120 giáo viên của các trường.";
        await _district.Locator($"#section-{ReturnedSection}").FillAsync(fixedText);
        await SubmitReportAsync(_district);
        await Assertions.Expect(_district.Locator(".report-returned")).ToHaveCountAsync(0);

        var stored = await ReportAsync(_roundId, Quan1);
        Assert.Equal(UnitReportState.Submitted, stored.State);
        Assert.Equal(fixedText, stored.Sections[ReturnedSection]);
    }

    private async Task DepartmentBoardsShowSubmittedLateAndMissingAsync()
    {
        // The Department's own round: Quận 1 submitted on time, Quận 3 not started.
        await _department.GotoAsync($"/admin/bao-cao/{_roundId}/sua");
        await _department.GetByRole(AriaRole.Link, new() { Name = "Tình hình nộp báo cáo" }).ClickAsync();
        await Assertions.Expect(_department.Locator($"#don-vi-{Quan1} .board-state")).ToContainTextAsync("Đã nộp");
        await Assertions.Expect(_department.Locator($"#don-vi-{Quan1} .report-late")).ToHaveCountAsync(0);
        await Assertions.Expect(_department.Locator($"#don-vi-{Quan1} .board-submitted-by")).ToHaveTextAsync(Accounts.DistrictCurator);
        await Assertions.Expect(_department.Locator($"#don-vi-{Quan3} .board-state")).ToContainTextAsync("Chưa bắt đầu");
        await Assertions.Expect(_department.Locator(".count-submitted .count")).ToHaveTextAsync("1");
        await Assertions.Expect(_department.Locator(".count-notstarted .count")).ToHaveTextAsync("1");

        // The round Quận 1 opened for its schools is in the Department's scope too: one on time, one late.
        await _department.GotoAsync("/admin/bao-cao");
        await _department.Locator($"#dot-{_linkedId} .round-title a").ClickAsync();
        await _department.GetByRole(AriaRole.Link, new() { Name = "Tình hình nộp báo cáo" }).ClickAsync();
        await _department.WaitForURLAsync($"**/admin/bao-cao/{_linkedId}/tinh-hinh");
        await Assertions.Expect(_department.Locator($"#don-vi-{BenThanh} .board-state")).ToContainTextAsync("Đã nộp");
        await Assertions.Expect(_department.Locator($"#don-vi-{BenThanh} .report-late")).ToHaveCountAsync(0);
        await Assertions.Expect(_department.Locator($"#don-vi-{TanDinh} .report-late")).ToHaveTextAsync("nộp muộn");
        await Assertions.Expect(_department.Locator(".count-late .count")).ToHaveTextAsync("1");
        await Assertions.Expect(_department.Locator(".count-submitted .count")).ToHaveTextAsync("2");
    }

    private async Task DepartmentDownloadsConsolidationAsync()
    {
        // The Department's board shows the schools' progress on Quận 1's row, and leads to the consolidation.
        await _department.GotoAsync($"/admin/bao-cao/{_roundId}/tinh-hinh");
        await Assertions.Expect(_department.Locator($"#don-vi-{Quan1} .board-linked")).ToContainTextAsync("Các trường: 2/2 đã nộp");
        await _department.Locator("a.consolidation-link").ClickAsync();
        await _department.WaitForURLAsync($"**/admin/bao-cao/{_roundId}/tong-hop");

        var round = await RoundAsync(_roundId);
        var indicators = ReportJson.ReadIndicators(round.IndicatorsJson);
        var outline = ReportJson.ReadOutline(round.OutlineJson);
        var quan1 = (await ReportAsync(_roundId, Quan1)).Values;
        var benThanh = (await ReportAsync(_linkedId, BenThanh)).Values;
        var tanDinh = (await ReportAsync(_linkedId, TanDinh)).Values;
        await using var services = fixture.Factory.Services.CreateAsyncScope();
        var names = (await services.ServiceProvider.GetRequiredService<IOrganizationService>().ListAsync(CancellationToken.None)).ToDictionary(o => o.Id, o => o.Name);

        // The districts' level: Quận 1 counted, Quận 3 not; the totals are Quận 1's figures.
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync(_department.Locator("ul.consolidation-links").First.Locator("a.download-xlsx"), "xlsx")), false))
        {
            var sheet = Sheet(workbook, "Phòng GD&ĐT");
            var totals = RowNamed(sheet, "Tổng hợp");
            foreach (var key in new[] { "tong-so-truong", "truong-tham-gia", "luot-cha-me-tham-gia" })
            {
                var column = ColumnOf(sheet, indicators.Single(i => i.Key == key));
                Assert.Equal(Decimal(quan1[key]), Number(RowNamed(sheet, names[Quan1])[column]));
                Assert.Equal("", CellText(RowNamed(sheet, names[Quan3]).GetValueOrDefault(column)));
                Assert.Equal(Decimal(quan1[key]), Number(totals[column]));
            }
        }

        // The schools' level (the round Quận 1 opened): totals equal the sums of the two schools' figures.
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync(_department.Locator(".consolidation-schools a.download-xlsx"), "xlsx")), false))
        {
            var sheet = Sheet(workbook, "Trường");
            var totals = RowNamed(sheet, "Tổng hợp");
            foreach (var key in new[] { "tong-so-truong", "truong-tham-gia", "luot-cha-me-tham-gia", "kinh-phi-xa-hoi-hoa" })
            {
                var column = ColumnOf(sheet, indicators.Single(i => i.Key == key));
                Assert.Equal(Decimal(benThanh[key]) + Decimal(tanDinh[key]), Number(totals[column]));
            }

            Assert.Equal(40m, Number(totals[ColumnOf(sheet, indicators.Single(i => i.Key == "tong-so-truong"))]));
        }

        // The nominations: both of Quận 1's, with their files in the ZIP.
        await _department.Locator("a.nominations-link").First.ClickAsync();
        await _department.WaitForURLAsync($"**/admin/bao-cao/{_roundId}/de-nghi-khen-thuong");
        await Assertions.Expect(_department.Locator("main")).ToContainTextAsync("Trần Thị Mai");
        await _department.GotoAsync($"/admin/bao-cao/{_roundId}/tong-hop");

        // The DOCX follows the outline: one Heading 1 per top-level section, then the figures.
        using (var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(_department.Locator("ul.consolidation-links").First.Locator("a.download-docx"), "docx")), false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal([.. outline.Select(s => s.Title), "Số liệu tổng hợp"], headings);
            var second = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
            Assert.Equal(outline.SelectMany(s => s.Children).Select(c => c.Title), second);
            Assert.Contains("Phòng đã tổ chức 3 buổi tập huấn cho 120 giáo viên của các trường.", document.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }
    }

    // ----- helpers -----

    /// <summary>Clicks a download link as a user would and returns the file's bytes.</summary>
    private async Task<byte[]> DownloadAsync(ILocator link, string extension)
    {
        var download = await _department.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith("." + extension, download.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string CellText(Cell? cell)
        => cell is null ? "" : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static string Letters(Cell cell) => new(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());

    /// <summary>The row whose column B reads <paramref name="name"/>: its cells by column letter.</summary>
    private static Dictionary<string, Cell> RowNamed(Worksheet sheet, string name)
        => sheet.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => Letters(c) == "B" && CellText(c) == name))
            .Elements<Cell>().ToDictionary(Letters);

    /// <summary>The column whose header (row 2) is the indicator's heading.</summary>
    private static string ColumnOf(Worksheet sheet, IndicatorDefinition indicator)
        => Letters(sheet.Descendants<Row>().Single(r => r.RowIndex?.Value == 2).Elements<Cell>()
            .Single(c => CellText(c) == ConsolidationTable.Heading(indicator)));

    private static decimal Number(Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a numeric cell");
        return decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>A small Word document with one paragraph, as a unit's achievement report.</summary>
    private static byte[] AchievementReport(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }

        return stream.ToArray();
    }

    private async Task<IReadOnlyList<NominationEntry>> NominationsAsync(int roundId, string organizationId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<UnitReport>().AsNoTracking()
            .SingleAsync(r => r.RoundId == roundId && r.OrganizationId == organizationId);
        return UnitReportAttachments.ReadNominations(report.NominationsJson);
    }

    private static decimal Decimal(string stored) => decimal.Parse(stored, CultureInfo.InvariantCulture);


    private async Task<IPage> SignedInAsync(string userName, string? password = null)
    {
        var page = await fixture.NewPageAsync();
        _pages.Add(page);
        await fixture.SignInAsync(page, userName, password ?? Accounts.PasswordOf(userName));
        page.Console += (_, message) =>
        {
            if (message.Type is "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                _problems.Add($"{userName}: {message.Text} @ {message.Location} on {page.Url}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"{userName}: {error}");
        return page;
    }

    /// <summary>Clicks a button that submits a form and waits for the page it leads to.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.cdPathOldPage = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.cdPathOldPage === undefined && document.readyState !== 'loading'");
    }

    private static async Task AssertFlashAsync(IPage page, string text)
        => await Assertions.Expect(page.Locator(".flash").First).ToContainTextAsync(text);

    /// <summary>From the list of the unit's reports, as a user finds it.</summary>
    private static async Task OpenOwnReportAsync(IPage page, int roundId)
    {
        await page.GotoAsync("/admin/bao-cao/cua-don-vi");
        await page.Locator($"#dot-{roundId} a.round-title").ClickAsync();
        await page.WaitForURLAsync($"**/admin/bao-cao/cua-don-vi/{roundId}");
    }

    private static async Task SetDeadlineAsync(IPage page, DateTime local)
        => await page.GetByLabel("Hạn nộp (giờ Việt Nam)").FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

    private static async Task StartAndFillAsync(IPage page, int roundId, string unitName, IReadOnlyDictionary<string, string> figures)
    {
        await OpenOwnReportAsync(page, roundId);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu báo cáo" }));
        foreach (var (key, value) in figures)
        {
            await page.Locator($"#value-{key}").FillAsync(value);
        }

        await FillEmptyAsync(page, unitName);
    }

    /// <summary>Types a text into every empty section and a figure into every empty box, as a unit finishing its report.</summary>
    private static async Task FillEmptyAsync(IPage page, string unitName)
    {
        var sections = page.Locator("form.unit-report textarea");
        for (var i = 0; i < await sections.CountAsync(); i++)
        {
            var box = sections.Nth(i);
            if ((await box.InputValueAsync()).Length == 0)
            {
                var label = await page.Locator($"label[for='{await box.GetAttributeAsync("id")}']").InnerTextAsync();
                await box.FillAsync($"{unitName}: {label.TrimEnd(' ', '*')} — đã thực hiện theo kế hoạch.");
            }
        }

        var values = page.Locator("form.unit-report input[id^='value-']");
        for (var i = 0; i < await values.CountAsync(); i++)
        {
            var box = values.Nth(i);
            if ((await box.InputValueAsync()).Length == 0)
            {
                await box.FillAsync(DefaultFigure((await box.GetAttributeAsync("id"))!["value-".Length..]));
            }
        }
    }

    /// <summary>A plausible answer for an indicator of Phụ lục 1 by its kind.</summary>
    private static string DefaultFigure(string key) => key switch
    {
        _ when key.StartsWith("ty-le-", StringComparison.Ordinal) => "75",
        "kinh-phi-xa-hoi-hoa" => "2,5",
        "da-to-chuc-so-ket" => "Có",
        "thoi-gian-so-ket" => "24/02/2023",
        _ => "3",
    };

    private static async Task SubmitReportAsync(IPage page)
    {
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }));
        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".round-state .report-state")).ToHaveTextAsync("Đã nộp");
    }

    private static DateTime VietnamNow() => DateTime.UtcNow.AddHours(7);

    private static int IdIn(string url) => int.Parse(new Uri(url).AbsolutePath.Split('/')[3], CultureInfo.InvariantCulture);

    private async Task<ReportRound> RoundAsync(int id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<ReportRound>().AsNoTracking()
            .Include(r => r.Units).SingleAsync(r => r.Id == id);
    }

    private async Task<(UnitReportState State, Dictionary<string, string> Values, Dictionary<string, string> Sections)> ReportAsync(int roundId, string organizationId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var state = await db.Set<ReportRoundUnit>().Where(u => u.RoundId == roundId && u.OrganizationId == organizationId).Select(u => u.ReportState).SingleAsync();
        var report = await db.Set<UnitReport>().AsNoTracking().SingleAsync(r => r.RoundId == roundId && r.OrganizationId == organizationId);
        return (state, UnitReports.ReadMap(report.ValuesJson), UnitReports.ReadMap(report.SectionsJson));
    }

    private async Task<string> ShootAllAsync(string step)
    {
        var folder = Environment.GetEnvironmentVariable("CHUYENDE_SCREENSHOTS") is { Length: > 0 } chosen
            ? chosen : Path.Combine(AppContext.BaseDirectory, "browser-failures");
        Directory.CreateDirectory(folder);
        var prefix = "report-path-" + new string(step.TakeWhile(c => c != '.').ToArray());
        var written = new List<string>();
        for (var i = 0; i < _pages.Count; i++)
        {
            try
            {
                var path = Path.Combine(folder, $"{prefix}-page{i + 1}.png");
                await _pages[i].ScreenshotAsync(new() { Path = path, FullPage = true });
                written.Add(path);
            }
            catch (PlaywrightException)
            {
                // A closed page has nothing to show.
            }
        }

        return written.Count == 0 ? "none" : string.Join(", ", written);
    }
}
