using System.Net;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// /admin/bao-cao on both databases: a round made from the built-in Phụ lục 1 template, the units asked by rule and by
/// hand, the outline and indicator editors with their Vietnamese errors, opening and closing, and every denial.
/// </summary>
public abstract class ReportRoundsAdminTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly DateTime DeadlineUtc = new(2023, 3, 10, 10, 0, 0, DateTimeKind.Utc);

    [SkippableFact]
    public async Task The_setup_recipe_carries_Phu_luc_1_as_the_built_in_template()
    {
        fixture.SkipUnlessAvailable();
        var template = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().SingleAsync(t => t.Key == BuiltInTemplateKey));
        var outline = ReportJson.ReadOutline(template.OutlineJson);
        var indicators = ReportJson.ReadIndicators(template.IndicatorsJson);

        Assert.True(template.BuiltIn);
        Assert.Null(template.OwnerOrganizationId);
        Assert.Equal(["I. Công tác quản lý, chỉ đạo", "II. Kết quả đạt được", "III. Đánh giá chung", "IV. Phương hướng giai đoạn 2023 – 2025", "V. Kiến nghị, đề xuất"],
            outline.Select(s => s.Title));
        Assert.Equal(6, outline[1].Children.Count);
        Assert.StartsWith("6. Tổ chức sơ kết Chuyên đề", outline[1].Children[5].Title, StringComparison.Ordinal);
        var taking = Assert.Single(indicators, i => i.Key == "truong-tham-gia");
        Assert.Equal(IndicatorKind.WholeNumber, taking.Kind);
        Assert.Equal(AddUpRule.Sum, taking.AddUp);
        var share = Assert.Single(indicators, i => i.Key == "ty-le-truong-tham-gia");
        Assert.Equal((AddUpRule.WeightedShare, "tong-so-truong"), (share.AddUp, share.WeightKey));
        Assert.Equal(5, indicators.Count(i => i.Group == "Số trường đạt mức 4 theo từng nhóm tiêu chí"));

        // A district curator builds rounds from it but does not change it.
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var (status, page) = await district.GetPageAsync("/admin/bao-cao/mau");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Có sẵn", Text(page, $"#mau-{template.Id} .template-name"));
        Assert.Null(page.QuerySelector($"#mau-{template.Id} a[href='/admin/bao-cao/mau/{template.Id}/sua']"));
        Assert.NotNull(page.QuerySelector($"#mau-{template.Id} a[href='/admin/bao-cao/tao?mau={template.Id}']"));
    }

    [SkippableFact]
    public async Task The_sample_content_carries_the_Hoa_Binh_round_and_Luong_Sons_linked_round_for_its_schools()
    {
        fixture.SkipUnlessAvailable();
        var (province, district) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            return (await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Key == "so-ket-02-nam-hoa-binh"),
                await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).SingleAsync(r => r.Key == "so-ket-02-nam-luong-son"));
        });

        Assert.Equal(("so-hoa-binh", ReportRoundState.Open, DeadlineUtc), (province.OwnerOrganizationId, province.State, province.DeadlineUtc));
        // The Department's seven district offices of the sample content.
        Assert.Equal(["phong-cao-phong", "phong-kim-boi", "phong-lac-son", "phong-luong-son", "phong-mai-chau", "phong-tan-lac", "phong-yen-thuy"],
            province.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));
        Assert.Equal(("phong-luong-son", province.Id, ReportRoundState.Draft), (district.OwnerOrganizationId, district.ParentRoundId, district.State));
        Assert.Equal(["truong-mn-cuu-long", "truong-mn-hoa-son"], district.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));

        // Lương Sơn's curator manages its own round, not the Department's.
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var (_, list) = await luongSon.GetPageAsync("/admin/bao-cao");
        Assert.NotNull(list.QuerySelector($"#dot-{district.Id}"));
        Assert.Null(list.QuerySelector($"#dot-{province.Id}"));
        Assert.NotNull(list.QuerySelector(".admin-nav a[href='/admin/bao-cao']"));
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync($"/admin/bao-cao/{province.Id}/sua")).Status);
    }

    [SkippableFact]
    public async Task A_Department_curator_creates_a_round_from_the_template_for_every_district_office_with_the_deadline_in_Vietnam_time()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var title = Unique("Sơ kết 02 năm chuyên đề ");

        var id = await CreateRoundAsync(fixture, department, title, nameof(UnitsAskedRule.DistrictOffices));

        var round = await RoundAsync(fixture, id);
        var template = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().AsNoTracking().SingleAsync(t => t.Key == BuiltInTemplateKey));
        Assert.Equal(("so-hcm", ReportRoundState.Draft, "2022-2023"), (round.OwnerOrganizationId, round.State, round.SchoolYear));
        Assert.Equal(DeadlineUtc, round.DeadlineUtc);
        Assert.Equal(["phong-quan-1", "phong-quan-3"], round.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));
        Assert.All(round.Units, u => Assert.Equal(UnitReportState.NotStarted, u.ReportState));
        Assert.Equal((1, 1), (round.CollectiveNominations, round.IndividualNominations));
        Assert.Equal(template.Id, round.TemplateId);
        Assert.Equal(ReportJson.Write(ReportJson.ReadOutline(template.OutlineJson)), ReportJson.Write(ReportJson.ReadOutline(round.OutlineJson)));
        Assert.Equal(ReportJson.Write(ReportJson.ReadIndicators(template.IndicatorsJson)), ReportJson.Write(ReportJson.ReadIndicators(round.IndicatorsJson)));

        var (status, page) = await department.GetPageAsync($"/admin/bao-cao/{id}/sua");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("mẫu", Text(page, ".flash"));
        Assert.Equal("17:00 10/03/2023", Text(page, ".round-state .round-deadline"));
        Assert.Equal("2023-03-10T17:00", page.QuerySelector("#Deadline")!.GetAttribute("value"));
        Assert.Contains("II. Kết quả đạt được", Text(page, ".outline-summary"));
        Assert.Equal("Nháp", Text(page, ".round-state .badge"));

        var (_, list) = await department.GetPageAsync("/admin/bao-cao?trang-thai=Draft&nam-hoc=2022-2023");
        Assert.Equal(title, Text(list, $"#dot-{id} .round-title"));
        Assert.Equal("2", Text(list, $"#dot-{id} .round-units"));
        var (_, closedList) = await department.GetPageAsync("/admin/bao-cao?trang-thai=Closed");
        Assert.Null(closedList.QuerySelector($"#dot-{id}"));

        var audited = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>()
            .AnyAsync(e => e.Category == AuditCategories.Report && e.Action == AuditActions.Created && e.Subject == "Đợt báo cáo: " + title));
        Assert.True(audited);
    }

    [SkippableFact]
    public async Task A_district_curator_asks_every_school_of_its_district_or_chosen_ones_but_never_a_unit_outside_it()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Sơ kết cấp trường Quận 1 "), nameof(UnitsAskedRule.Schools));
        Assert.Equal(["truong-mn-ben-thanh", "truong-mn-da-kao", "truong-mn-tan-dinh"],
            (await RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));

        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var fields = FormFields(page, "form[action='" + edit + "']").Where(f => f.Name != "Units").ToList()
            .With("UnitsRule", nameof(UnitsAskedRule.Manual));

        // A school of another district (Lương Sơn, Hòa Bình) is refused in Vietnamese and nothing changes.
        using var refused = await PostAsync(district, edit, edit, [.. fields, ("Units", "truong-mn-ben-thanh"), ("Units", "truong-mn-cuu-long")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errorPage = await AdminClient.ParseAsync(refused);
        Assert.Contains("không phải là Phòng GD&ĐT hoặc trường đang hoạt động trực thuộc đơn vị tạo đợt", Text(errorPage, "#Units-error"));
        Assert.Contains("Trường Mầm non Cửu Long", Text(errorPage, ".error-summary"));
        Assert.Equal(3, (await RoundAsync(fixture, id)).Units.Count);

        // By hand: two of its schools.
        using var saved = await PostAsync(district, edit, edit, [.. fields, ("Units", "truong-mn-ben-thanh"), ("Units", "truong-mn-da-kao")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var round = await RoundAsync(fixture, id);
        Assert.Equal(UnitsAskedRule.Manual, round.UnitsRule);
        Assert.Equal(["truong-mn-ben-thanh", "truong-mn-da-kao"], round.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal));

        // A district office is not the Department: it has no district offices to ask.
        using var noDistricts = await PostAsync(district, edit, edit, [.. fields.With("UnitsRule", nameof(UnitsAskedRule.DistrictOffices))]);
        Assert.Equal(HttpStatusCode.OK, noDistricts.StatusCode);
        Assert.Contains("Không có đơn vị nào trực thuộc theo cách chọn này", Text(await AdminClient.ParseAsync(noDistricts), "#Units-error"));
        Assert.Equal(2, (await RoundAsync(fixture, id)).Units.Count);
    }

    [SkippableFact]
    public async Task Plan_documents_are_files_of_the_owners_library_and_no_other()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var contributor = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        var plan = (await ChuyenDe.Tests.Functional.Media.MediaUploadTests.UploadAsync(department, "so-hcm",
            ("Kế hoạch sơ kết 02 năm.pdf", ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Pdf("Ke hoach so ket"))))[0];
        var elsewhere = (await ChuyenDe.Tests.Functional.Media.MediaUploadTests.UploadAsync(contributor, "truong-mn-cuu-long",
            ("Báo cáo của trường.pdf", ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Pdf("Bao cao truong"))))[0];
        Assert.True(plan.Ok && elsewhere.Ok);
        var id = await CreateRoundAsync(fixture, department, Unique("Đợt có văn bản "), nameof(UnitsAskedRule.DistrictOffices));
        var edit = $"/admin/bao-cao/{id}/sua";

        var (_, page) = await department.GetPageAsync(edit);
        Assert.Equal("Kế hoạch sơ kết 02 năm.pdf", Text(page, $"label[for='{page.QuerySelector($"input[name='Documents'][value='{plan.Path}']")!.Id}']"));
        Assert.Null(page.QuerySelector($"input[name='Documents'][value='{elsewhere.Path}']"));
        var fields = FormFields(page, "form[action='" + edit + "']");

        using var refused = await PostAsync(department, edit, edit, [.. fields, ("Documents", elsewhere.Path!)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Chỉ đính kèm tệp trong thư viện của đơn vị tạo đợt.", Text(await AdminClient.ParseAsync(refused), "#Documents-error"));
        Assert.Empty((await RoundAsync(fixture, id)).Documents);

        using var attached = await PostAsync(department, edit, edit, [.. fields, ("Documents", plan.Path!)]);
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Equal([plan.Path], (await RoundAsync(fixture, id)).Documents.Select(d => d.Path));
        var (_, after) = await department.GetPageAsync(edit);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)after.QuerySelector($"input[name='Documents'][value='{plan.Path}']")!).IsChecked);
    }

    [SkippableFact]
    public async Task Bad_settings_are_explained_in_Vietnamese_beside_their_fields_and_nothing_is_saved()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var before = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>().CountAsync());

        using var response = await PostAsync(department, "/admin/bao-cao/tao", "/admin/bao-cao/tao",
            ("TemplateId", "999999"), ("Title", " "), ("Deadline", "ngày mai"), ("UnitsRule", "Everyone"), ("CollectiveNominations", "50"), ("IndividualNominations", "-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminClient.ParseAsync(response);
        Assert.Equal("Hãy chọn mẫu báo cáo để tạo đợt.", Text(page, "#TemplateId-error"));
        Assert.Equal("Hãy nhập tên đợt báo cáo.", Text(page, "#Title-error"));
        Assert.Equal("“ngày mai” không phải là ngày giờ hợp lệ (ví dụ 10/3/2023 17:00).", Text(page, "#Deadline-error"));
        Assert.Equal("Hãy chọn các đơn vị phải báo cáo.", Text(page, "#UnitsRule-error"));
        Assert.Equal("Số tập thể được đề nghị khen thưởng phải từ 0 đến 20.", Text(page, "#CollectiveNominations-error"));
        Assert.Equal("Số cá nhân được đề nghị khen thưởng phải từ 0 đến 20.", Text(page, "#IndividualNominations-error"));
        Assert.Equal("true", page.QuerySelector("#Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("ngày mai", page.QuerySelector("#Deadline")!.GetAttribute("value"));
        Assert.Equal(before, await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>().CountAsync()));
    }

    [SkippableFact]
    public async Task The_outline_is_edited_without_script_and_an_empty_heading_is_refused_without_losing_the_saved_outline()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Đề cương thử "), nameof(UnitsAskedRule.Schools));
        var url = $"/admin/bao-cao/{id}/de-cuong";
        var saved = (await RoundAsync(fixture, id)).OutlineJson;

        // Add a subsection under I. (section 1): the form comes back with an empty row at level 2, marked unsaved.
        var (_, page) = await district.GetPageAsync(url);
        using var added = await PostAsync(district, url, url, [.. FormFields(page, "form.outline-editor"), ("Op", "child:0")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var form = await AdminClient.ParseAsync(added);
        Assert.NotNull(form.QuerySelector(".notice.unsaved"));
        Assert.Equal("", form.QuerySelector("input[name='Sections[1].Title']")!.GetAttribute("value") ?? "");
        Assert.Equal("1", form.QuerySelector("input[name='Sections[1].Depth']")!.GetAttribute("value"));
        Assert.Equal("1. Việc xây dựng và ban hành các văn bản chỉ đạo, triển khai, hướng dẫn thực hiện Chuyên đề",
            form.QuerySelector("input[name='Sections[2].Title']")!.GetAttribute("value"));
        Assert.Equal(saved, (await RoundAsync(fixture, id)).OutlineJson);

        // Saving with the new heading empty: refused in Vietnamese, the saved outline kept.
        var fields = FormFields(form, "form.outline-editor");
        using var refused = await PostAsync(district, url, url, [.. fields, ("Op", "save")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await AdminClient.ParseAsync(refused);
        Assert.Equal("Mục 2: hãy nhập tiêu đề mục.", Text(refusedPage, "[id='Sections[1].Title-error']"));
        Assert.Equal(saved, (await RoundAsync(fixture, id)).OutlineJson);

        // Named, moved below its sibling, and a section V. outdented… V is already at the top: it stays.
        fields = fields.With("Sections[1].Title", "0. Bối cảnh của đơn vị").With("Sections[1].Guidance", "Số trường, số trẻ, điều kiện vùng.");
        using var moved = await PostAsync(district, url, url, [.. fields, ("Op", "down:1")]);
        var movedPage = await AdminClient.ParseAsync(moved);
        Assert.Equal("0. Bối cảnh của đơn vị", movedPage.QuerySelector("input[name='Sections[2].Title']")!.GetAttribute("value"));
        using var save = await PostAsync(district, url, url, [.. FormFields(movedPage, "form.outline-editor"), ("Op", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var outline = ReportJson.ReadOutline((await RoundAsync(fixture, id)).OutlineJson);
        Assert.Equal(5, outline.Count);
        Assert.Equal(["i-1", "muc-1-2", "i-2", "i-3"], outline[0].Children.Select(s => s.Key));
        Assert.Equal(("0. Bối cảnh của đơn vị", "Số trường, số trẻ, điều kiện vùng."), (outline[0].Children[1].Title, outline[0].Children[1].Guidance));
    }

    [SkippableFact]
    public async Task Indicators_with_a_repeated_key_a_wrong_weight_or_an_inverted_range_are_refused_in_Vietnamese()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, Unique("Chỉ tiêu thử "), nameof(UnitsAskedRule.DistrictOffices));
        var url = $"/admin/bao-cao/{id}/chi-tieu";
        var saved = (await RoundAsync(fixture, id)).IndicatorsJson;
        var (_, page) = await department.GetPageAsync(url);
        var fields = FormFields(page, "form.indicator-editor");
        var count = ReportJson.ReadIndicators(saved).Count;

        // A new indicator (added with the button), then three mistakes.
        using var added = await PostAsync(department, url, url, [.. fields, ("Op", "add")]);
        fields = FormFields(await AdminClient.ParseAsync(added), "form.indicator-editor");
        var n = count; // index of the new row
        fields = fields
            .With($"Indicators[{n}].Name", "Số trường đạt chuẩn quốc gia").With($"Indicators[{n}].Key", "truong-tham-gia")
            .With($"Indicators[{n}].Minimum", "10").With($"Indicators[{n}].Maximum", "2,5")
            .With("Indicators[2].WeightKey", "ty-le-cbql-gv-duoc-tap-huan");
        using var refused = await PostAsync(department, url, url, [.. fields, ("Op", "save")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await AdminClient.ParseAsync(refused);
        Assert.Equal($"Chỉ tiêu {n + 1}: mã “truong-tham-gia” đã dùng cho chỉ tiêu 2; mỗi chỉ tiêu cần một mã riêng.", Text(errors, $"[id='Indicators[{n}].Key-error']"));
        Assert.Equal($"Chỉ tiêu {n + 1}: khoảng giá trị của chỉ tiêu số nguyên phải là số nguyên.", Text(errors, $"[id='Indicators[{n}].Minimum-error']"));
        Assert.Equal("Chỉ tiêu 3: trọng số “ty-le-cbql-gv-duoc-tap-huan” phải là mã của một chỉ tiêu kiểu số nguyên trong bộ chỉ tiêu này.",
            Text(errors, "[id='Indicators[2].WeightKey-error']"));
        Assert.Equal("Số trường đạt chuẩn quốc gia", errors.QuerySelector($"input[name='Indicators[{n}].Name']")!.GetAttribute("value"));
        Assert.Equal(saved, (await RoundAsync(fixture, id)).IndicatorsJson);

        // The range the wrong way round.
        fields = fields.With($"Indicators[{n}].Key", "truong-dat-chuan").With($"Indicators[{n}].Maximum", "2")
            .With("Indicators[2].WeightKey", "tong-so-truong");
        using var inverted = await PostAsync(department, url, url, [.. fields, ("Op", "save")]);
        Assert.Equal($"Chỉ tiêu {n + 1}: giá trị nhỏ nhất (10) lớn hơn giá trị lớn nhất (2).",
            Text(await AdminClient.ParseAsync(inverted), $"[id='Indicators[{n}].Maximum-error']"));
        Assert.Equal(saved, (await RoundAsync(fixture, id)).IndicatorsJson);

        // Put right, it is saved at the end of the set.
        using var ok = await PostAsync(department, url, url, [.. fields.With($"Indicators[{n}].Maximum", "500"), ("Op", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var indicators = ReportJson.ReadIndicators((await RoundAsync(fixture, id)).IndicatorsJson);
        Assert.Equal(count + 1, indicators.Count);
        Assert.Equal(("truong-dat-chuan", IndicatorKind.WholeNumber, 10m, 500m, AddUpRule.Sum),
            (indicators[^1].Key, indicators[^1].Kind, indicators[^1].Minimum, indicators[^1].Maximum, indicators[^1].AddUp));
    }

    [SkippableFact]
    public async Task A_round_opens_only_when_ready_and_a_closed_round_is_not_changed()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Mở đóng thử "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var fields = FormFields(page, "form[action='" + edit + "']");
        using var noDeadline = await PostAsync(district, edit, edit, [.. fields.With("Deadline", "")]);
        Assert.Equal(HttpStatusCode.Redirect, noDeadline.StatusCode);

        using var refused = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Hãy đặt hạn nộp trước khi mở đợt.", Text(await AdminClient.ParseAsync(refused), ".error-summary"));
        Assert.Equal(ReportRoundState.Draft, (await RoundAsync(fixture, id)).State);

        using var withDeadline = await PostAsync(district, edit, edit, [.. fields.With("Deadline", "10/3/2023 17:00")]);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var round = await RoundAsync(fixture, id);
        Assert.Equal((ReportRoundState.Open, DeadlineUtc), (round.State, round.DeadlineUtc));
        Assert.NotNull(round.OpenedUtc);

        using var closed = await PostAsync(district, edit, $"/admin/bao-cao/{id}/dong");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(ReportRoundState.Closed, (await RoundAsync(fixture, id)).State);

        using var change = await PostAsync(district, edit, edit, [.. fields.With("Title", "Đổi tên sau khi đóng")]);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Đợt báo cáo đã đóng nên không sửa được", Text(await AdminClient.ParseAsync(change), ".error-summary"));
        Assert.NotEqual("Đổi tên sau khi đóng", (await RoundAsync(fixture, id)).Title);
    }

    /// <summary>Every page and action of one round.</summary>
    private static IEnumerable<(string Method, string Url)> RoundEndpoints(int id) =>
    [
        ("GET", $"/admin/bao-cao/{id}/sua"), ("POST", $"/admin/bao-cao/{id}/sua"),
        ("GET", $"/admin/bao-cao/{id}/de-cuong"), ("POST", $"/admin/bao-cao/{id}/de-cuong"),
        ("GET", $"/admin/bao-cao/{id}/chi-tieu"), ("POST", $"/admin/bao-cao/{id}/chi-tieu"),
        ("POST", $"/admin/bao-cao/{id}/mo"), ("POST", $"/admin/bao-cao/{id}/dong"),
    ];

    private static IEnumerable<(string Method, string Url)> TemplateEndpoints(int id) =>
    [
        ("GET", $"/admin/bao-cao/mau/{id}/sua"), ("POST", $"/admin/bao-cao/mau/{id}/sua"),
        ("GET", $"/admin/bao-cao/mau/{id}/de-cuong"), ("POST", $"/admin/bao-cao/mau/{id}/de-cuong"),
        ("GET", $"/admin/bao-cao/mau/{id}/chi-tieu"), ("POST", $"/admin/bao-cao/mau/{id}/chi-tieu"),
    ];

    private static async Task<HttpStatusCode> SendAsync(AdminClient client, string method, string url)
    {
        if (method == "GET")
        {
            using var get = await client.GetAsync(url);
            return get.StatusCode;
        }

        // A real token (from the list page the user may see), so that only the scope can refuse.
        using var post = await PostAsync(client, "/admin", url, ("Title", "Không được đổi"), ("Name", "Không được đổi"), ("Op", "save"));
        return post.StatusCode;
    }

    [SkippableFact]
    public async Task Rounds_and_templates_out_of_scope_answer_404_to_every_page_and_action_and_stay_as_they_were()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var otherDistrict = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var departmentRound = await CreateRoundAsync(fixture, department, Unique("Đợt của Sở "), nameof(UnitsAskedRule.DistrictOffices));
        var districtRound = await CreateRoundAsync(fixture, district, Unique("Đợt của Phòng Quận 1 "), nameof(UnitsAskedRule.Schools));
        var builtIn = await BuiltInTemplateIdAsync(fixture);
        using var createdTemplate = await PostAsync(department, "/admin/bao-cao/mau/tao", "/admin/bao-cao/mau/tao", ("Name", Unique("Mẫu của Sở ")), ("CopyOf", builtIn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, createdTemplate.StatusCode);
        var departmentTemplate = int.Parse(Location(createdTemplate)!.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
        var before = (await RoundAsync(fixture, departmentRound), await RoundAsync(fixture, districtRound));

        var cases = new List<(AdminClient Client, string Who, (string Method, string Url) Endpoint)>();
        // Another district (Hòa Bình) reaches neither round nor the Sở's template; Quận 1 does not reach the Sở's round,
        // the Sở's template or the built-in one (changed by the Department level only).
        cases.AddRange(RoundEndpoints(departmentRound).Concat(RoundEndpoints(districtRound)).Concat(TemplateEndpoints(departmentTemplate)).Concat(TemplateEndpoints(builtIn))
            .Select(e => (otherDistrict, Accounts.OtherDistrictCurator, e)));
        cases.AddRange(RoundEndpoints(departmentRound).Concat(TemplateEndpoints(departmentTemplate)).Concat(TemplateEndpoints(builtIn))
            .Select(e => (district, Accounts.DistrictCurator, e)));
        // Rounds and templates that do not exist.
        cases.AddRange(RoundEndpoints(987654).Concat(TemplateEndpoints(987654)).Select(e => (department, Accounts.DepartmentCurator, e)));

        var wrong = new List<string>();
        foreach (var (client, who, (method, url)) in cases)
        {
            var status = await SendAsync(client, method, url);
            if (status != HttpStatusCode.NotFound)
            {
                wrong.Add($"{who} {method} {url}: {(int)status}");
            }
        }

        Assert.True(wrong.Count == 0, "Not 404:\n" + string.Join("\n", wrong));
        Assert.Equal(before.Item1.Title, (await RoundAsync(fixture, departmentRound)).Title);
        Assert.Equal(ReportRoundState.Draft, (await RoundAsync(fixture, departmentRound)).State);
        Assert.Equal(before.Item2.Title, (await RoundAsync(fixture, districtRound)).Title);

        // The lists show only what is in scope; the Department sees its district's round.
        var (_, otherList) = await otherDistrict.GetPageAsync("/admin/bao-cao");
        Assert.Null(otherList.QuerySelector($"#dot-{departmentRound}"));
        Assert.Null(otherList.QuerySelector($"#dot-{districtRound}"));
        var (_, districtList) = await district.GetPageAsync("/admin/bao-cao");
        Assert.Null(districtList.QuerySelector($"#dot-{departmentRound}"));
        Assert.NotNull(districtList.QuerySelector($"#dot-{districtRound}"));
        var (_, departmentList) = await department.GetPageAsync("/admin/bao-cao");
        Assert.NotNull(departmentList.QuerySelector($"#dot-{districtRound}"));
        var (_, otherTemplates) = await otherDistrict.GetPageAsync("/admin/bao-cao/mau");
        Assert.Null(otherTemplates.QuerySelector($"#mau-{departmentTemplate}"));
        Assert.Equal(HttpStatusCode.OK, (await department.GetPageAsync($"/admin/bao-cao/{districtRound}/sua")).Status);
    }

    public static TheoryData<string> AccountsWithoutManageReportRounds => [Accounts.Reviewer, Accounts.Contributor];

    [SkippableTheory]
    [MemberData(nameof(AccountsWithoutManageReportRounds))]
    public async Task Roles_without_ManageReportRounds_get_403_everywhere_and_no_menu_entry(string userName)
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var round = await CreateRoundAsync(fixture, department, Unique("Đợt không được vào "), nameof(UnitsAskedRule.DistrictOffices));
        var template = await BuiltInTemplateIdAsync(fixture);
        var client = await As(fixture.Factory, userName);
        (string, string)[] lists = [("GET", "/admin/bao-cao"), ("GET", "/admin/bao-cao/tao"), ("POST", "/admin/bao-cao/tao"), ("GET", "/admin/bao-cao/mau"),
            ("GET", "/admin/bao-cao/mau/tao"), ("POST", "/admin/bao-cao/mau/tao")];

        var wrong = new List<string>();
        foreach (var (method, url) in lists.Concat(RoundEndpoints(round)).Concat(TemplateEndpoints(template)))
        {
            var status = await SendAsync(client, method, url);
            if (status != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {url}: {(int)status}");
            }
        }

        Assert.True(wrong.Count == 0, $"{userName}, not 403:\n" + string.Join("\n", wrong));
        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/bao-cao']"));
        Assert.Equal(ReportRoundState.Draft, (await RoundAsync(fixture, round)).State);
    }

    [SkippableFact]
    public async Task A_school_holding_ManageReportRounds_cannot_own_a_round_or_a_template()
    {
        fixture.SkipUnlessAvailable();
        var (school, _, _) = await ManagerAsync(fixture.Factory, "truong-mn-ben-thanh", "AccessAdmin", ReportPermissions.ManageReportRounds);
        var templateId = (await BuiltInTemplateIdAsync(fixture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>().CountAsync());

        var (_, list) = await school.GetPageAsync("/admin/bao-cao");
        Assert.Null(list.QuerySelector("a[href='/admin/bao-cao/tao']"));
        using var round = await PostAsync(school, "/admin/bao-cao/tao", "/admin/bao-cao/tao",
            ("TemplateId", templateId), ("Title", "Đợt của trường"), ("UnitsRule", nameof(UnitsAskedRule.Schools)));
        Assert.Equal(HttpStatusCode.OK, round.StatusCode);
        Assert.Contains("Chỉ Sở GD&ĐT và Phòng GD&ĐT mới tạo đợt báo cáo.", Text(await AdminClient.ParseAsync(round), ".error-summary"));
        using var template = await PostAsync(school, "/admin/bao-cao/mau/tao", "/admin/bao-cao/mau/tao", ("Name", "Mẫu của trường"));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Contains("Chỉ Sở GD&ĐT và Phòng GD&ĐT mới tạo mẫu báo cáo.", Text(await AdminClient.ParseAsync(template), ".error-summary"));
        Assert.Equal(before, await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>().CountAsync()));
        Assert.False(await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().AnyAsync(t => t.Name == "Mẫu của trường")));
    }

    [SkippableFact]
    public async Task Posts_without_the_anti_forgery_token_are_refused_with_400()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, Unique("Đợt chống giả mạo "), nameof(UnitsAskedRule.DistrictOffices));
        var template = await BuiltInTemplateIdAsync(fixture);
        string[] posts = ["/admin/bao-cao/tao", "/admin/bao-cao/mau/tao", .. RoundEndpoints(id).Concat(TemplateEndpoints(template)).Where(e => e.Method == "POST").Select(e => e.Url)];

        foreach (var url in posts)
        {
            using var response = await department.PostFormWithTokenAsync(url, [new("Title", "Không có mã"), new("Name", "Không có mã"), new("Op", "save")], token: null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(ReportRoundState.Draft, (await RoundAsync(fixture, id)).State);
        Assert.NotEqual("Không có mã", (await RoundAsync(fixture, id)).Title);
    }

    [SkippableFact]
    public async Task Templates_are_made_as_copies_and_edited_with_the_same_editors()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var builtIn = await BuiltInTemplateIdAsync(fixture);
        var name = Unique("Mẫu sơ kết cấp trường ");
        using var created = await PostAsync(district, "/admin/bao-cao/mau/tao", "/admin/bao-cao/mau/tao", ("Name", name), ("CopyOf", builtIn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(Location(created)!.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);

        var url = $"/admin/bao-cao/mau/{id}/de-cuong";
        var (_, page) = await district.GetPageAsync(url);
        // Remove section V, and indent IV. under III.
        var fields = FormFields(page, "form.outline-editor");
        using var removed = await PostAsync(district, url, url, [.. fields, ("Op", "remove:" + (fields.Count(f => f.Name.EndsWith(".Title", StringComparison.Ordinal)) - 1))]);
        var afterRemove = FormFields(await AdminClient.ParseAsync(removed), "form.outline-editor");
        var ivIndex = afterRemove.Where(f => f.Name.EndsWith(".Title", StringComparison.Ordinal)).Select(f => f.Value).ToList().IndexOf("IV. Phương hướng giai đoạn 2023 – 2025");
        using var indented = await PostAsync(district, url, url, [.. afterRemove, ("Op", "indent:" + ivIndex)]);
        using var saved = await PostAsync(district, url, url, [.. FormFields(await AdminClient.ParseAsync(indented), "form.outline-editor"), ("Op", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var template = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().AsNoTracking().SingleAsync(t => t.Id == id));
        var outline = ReportJson.ReadOutline(template.OutlineJson);
        Assert.Equal(("phong-quan-1", false), (template.OwnerOrganizationId, template.BuiltIn));
        Assert.Equal(["i", "ii", "iii"], outline.Select(s => s.Key));
        Assert.Equal(["iii-1", "iii-2", "iv"], outline[2].Children.Select(s => s.Key));
        Assert.Equal(["iv-1", "iv-2"], outline[2].Children[2].Children.Select(s => s.Key));

        // The built-in template is unchanged.
        var original = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().AsNoTracking().SingleAsync(t => t.Id == builtIn));
        Assert.Equal(5, ReportJson.ReadOutline(original.OutlineJson).Count);
    }
}

public sealed class ReportRoundsAdminSqliteTests(SqliteSiteFixture fixture) : ReportRoundsAdminTests<SqliteSiteFixture>(fixture);

public sealed class ReportRoundsAdminPostgresTests(PostgresSiteFixture fixture) : ReportRoundsAdminTests<PostgresSiteFixture>(fixture);
