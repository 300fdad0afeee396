using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>A round's plan documents and its units' reports in the <c>Reports</c> recipe step, and the sample round they make.</summary>
public abstract partial class ReportsRecipeTests<TFixture>
{
    private const string PlanDocument = "mau/ke-hoach-so-ket-02-nam-chuyen-de.docx";

    private static string Sections(bool all) => all
        ? """{ "a-1": "Đã làm **đủ** các việc.", "b": "Đề nghị hỗ trợ thêm." }"""
        : """{ "a-1": "Đang viết." }""";

    /// <summary>A round of Hòa Bình with the outline a (a-1), b; five district offices answer in every state.</summary>
    private static string AnswersRecipe(string suffix, string documents = "[ \"" + PlanDocument + "\" ]", string lacSonValue = "12",
        string organization = "phong-lac-son", string lacSonExtra = "", string steps = "") => $$"""
        {
          "name": "ReportsAnswers{{suffix}}",
          "steps": [
            {{steps}}
            {
              "name": "Reports",
              "Rounds": [
                {
                  "Key": "dot-tra-loi-{{suffix}}",
                  "Title": "Sơ kết có báo cáo mẫu {{suffix}}",
                  "Owner": "so-hoa-binh",
                  "Outline": [
                    { "Key": "a", "Title": "I. Kết quả", "Children": [ { "Key": "a-1", "Title": "1. Số liệu" } ] },
                    { "Key": "b", "Title": "II. Kiến nghị" }
                  ],
                  "Indicators": [
                    { "Key": "so-truong", "Name": "Số trường", "Unit": "trường", "Kind": "WholeNumber", "Minimum": 0, "AddUp": "Sum" },
                    { "Key": "ty-le-dat", "Name": "Tỷ lệ trường đạt", "Unit": "%", "Kind": "Percentage", "Minimum": 0, "Maximum": 100, "AddUp": "WeightedShare", "WeightKey": "so-truong" }
                  ],
                  "Deadline": "2023-03-10T17:00",
                  "UnitsRule": "Manual",
                  "CollectiveNominations": 1,
                  "IndividualNominations": 1,
                  "Units": [ "phong-lac-son", "phong-kim-boi", "phong-tan-lac", "phong-cao-phong", "phong-mai-chau", "phong-yen-thuy" ],
                  "State": "Open",
                  "Documents": {{documents}},
                  "Reports": [
                    { "Organization": "{{organization}}", "State": "Accepted", "Submitted": "2023-03-06T14:00:00+07:00", "SubmittedBy": "phong.luongson",
                      "Sections": {{Sections(true)}}, "Values": { "so-truong": "{{lacSonValue}}", "ty-le-dat": "85.5" },
                      {{lacSonExtra}}
                      "Review": { "Decided": "2023-03-08T09:00:00+07:00", "By": "so.hcm" } },
                    { "Organization": "phong-kim-boi", "State": "Returned", "Submitted": "2023-03-10T09:05:00+07:00",
                      "Sections": {{Sections(true)}}, "Values": { "so-truong": "27", "ty-le-dat": "90" },
                      "Review": { "Reason": "Mục 1 thiếu số liệu minh chứng.", "Sections": [ "a-1" ], "Decided": "2023-03-13T08:30:00+07:00" } },
                    { "Organization": "phong-tan-lac", "State": "Submitted", "Submitted": "2023-03-10T17:01:00+07:00",
                      "Sections": {{Sections(true)}}, "Values": { "so-truong": "29", "ty-le-dat": "93.1" } },
                    { "Organization": "phong-cao-phong", "State": "Submitted", "Submitted": "2023-03-10T16:59:00+07:00",
                      "Sections": {{Sections(true)}}, "Values": { "so-truong": "17", "ty-le-dat": "100" } },
                    { "Organization": "phong-mai-chau", "State": "Draft", "Saved": "2023-03-07T11:00:00+07:00",
                      "Sections": {{Sections(false)}}, "Values": { "so-truong": "23" } }
                  ]
                }
              ]
            }
          ]
        }
        """;

    private sealed record Stored(ReportRound Round, List<UnitReport> Reports, List<UnitReportVersion> Versions, List<UnitReportReview> Reviews);

    private Task<Stored> StoredAnswersAsync(string key) => fixture.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<DbContext>();
        var round = await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).Include(r => r.Documents).SingleAsync(r => r.Key == key);
        var reports = await db.Set<UnitReport>().AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync();
        var ids = reports.Select(r => r.Id).ToList();
        return new Stored(round, reports,
            await db.Set<UnitReportVersion>().AsNoTracking().Where(v => ids.Contains(v.ReportId)).OrderBy(v => v.Number).ToListAsync(),
            await db.Set<UnitReportReview>().AsNoTracking().Where(r => ids.Contains(r.ReportId)).ToListAsync());
    });

    [SkippableFact]
    public async Task Units_reports_come_from_a_recipe_with_their_states_lateness_versions_decisions_and_values_and_a_second_run_adds_nothing()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var first = await RunAsync(AnswersRecipe(suffix));
        var second = await RunAsync(AnswersRecipe(suffix));

        Assert.Equal(0, second.Changes);
        var stored = await StoredAnswersAsync("dot-tra-loi-" + suffix);
        Assert.Equal(7, first.Changes); // the round, its document, five reports
        Assert.Equal([PlanDocument], stored.Round.Documents.Select(d => d.Path));
        Assert.Equal(5, stored.Reports.Count);
        ReportRoundUnit Unit(string id) => stored.Round.Units.Single(u => u.OrganizationId == id);
        UnitReport Report(string id) => stored.Reports.Single(r => r.OrganizationId == id);

        Assert.Equal(UnitReportState.Accepted, Unit("phong-lac-son").ReportState);
        Assert.Equal(UnitReportState.Returned, Unit("phong-kim-boi").ReportState);
        Assert.Equal(UnitReportState.Submitted, Unit("phong-tan-lac").ReportState);
        Assert.Equal(UnitReportState.Draft, Unit("phong-mai-chau").ReportState);
        Assert.Equal((UnitReportState.NotStarted, (string?)null), (Unit("phong-yen-thuy").ReportState, Unit("phong-yen-thuy").ReportContentItemId));
        Assert.All(stored.Reports, r => Assert.Equal(r.Id, Unit(r.OrganizationId).ReportContentItemId));

        // Submission times are Vietnam time in the recipe: 17:01 is late, 16:59 is not, against 17:00 on 10/3/2023.
        Assert.Equal(new DateTime(2023, 3, 10, 10, 1, 0, DateTimeKind.Utc), Unit("phong-tan-lac").SubmittedUtc);
        Assert.True(UnitReports.IsLate(stored.Round, Unit("phong-tan-lac")));
        Assert.False(UnitReports.IsLate(stored.Round, Unit("phong-cao-phong")));
        Assert.Null(Unit("phong-mai-chau").SubmittedUtc);

        // Versions as the app appends them: a draft, then the submission; a draft has one.
        var lacSon = stored.Versions.Where(v => v.ReportId == Report("phong-lac-son").Id).ToList();
        Assert.Equal([(1, UnitReportVersionKind.Draft), (2, UnitReportVersionKind.Submitted)], lacSon.Select(v => (v.Number, v.Kind)));
        Assert.Equal("phong.luongson", lacSon[1].UserName);
        Assert.Equal(2, Report("phong-lac-son").Version);
        Assert.Equal([UnitReportVersionKind.Draft], stored.Versions.Where(v => v.ReportId == Report("phong-mai-chau").Id).Select(v => v.Kind));
        Assert.Equal(ReportsStep.SystemUser, stored.Versions.Single(v => v.ReportId == Report("phong-tan-lac").Id && v.Number == 2).UserName);

        // Values as stored; texts keyed by section.
        Assert.Equal("85.5", UnitReports.ReadMap(Report("phong-lac-son").ValuesJson)["ty-le-dat"]);
        Assert.Equal("Đã làm **đủ** các việc.", UnitReports.ReadMap(Report("phong-lac-son").SectionsJson)["a-1"]);
        Assert.Equal(["so-truong"], UnitReports.ReadMap(Report("phong-mai-chau").ValuesJson).Keys);

        // Decisions.
        var returned = stored.Reviews.Single(r => r.ReportId == Report("phong-kim-boi").Id);
        Assert.Equal((UnitReportDecision.Returned, "Mục 1 thiếu số liệu minh chứng.", "a-1", 2), (returned.Decision, returned.Reason, returned.SectionKeys, returned.VersionNumber));
        Assert.Equal(new DateTime(2023, 3, 13, 1, 30, 0, DateTimeKind.Utc), Unit("phong-kim-boi").StateChangedUtc);
        var accepted = stored.Reviews.Single(r => r.ReportId == Report("phong-lac-son").Id);
        Assert.Equal((UnitReportDecision.Accepted, (string?)null, "so.hcm"), (accepted.Decision, accepted.Reason, accepted.UserName));
        Assert.Equal(2, stored.Reviews.Count);

        // The review page of the owner shows the imported submission.
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, page) = await admin.GetPageAsync($"/admin/bao-cao/{stored.Round.Id}/don-vi/phong-kim-boi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Mục 1 thiếu số liệu minh chứng.", page.Body!.TextContent);
        Assert.Contains("Đã làm đủ các việc.", page.Body!.TextContent);
    }

    [SkippableFact]
    public async Task A_recipe_with_a_bad_value_an_unknown_unit_or_a_missing_plan_document_is_refused_with_its_path_and_nothing_is_applied()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var bad = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(suffix, lacSonValue: "mười hai")));
        Assert.Equal("$.steps[0].Rounds[0].Reports[0].Values.so-truong", bad.JsonPath);
        Assert.Contains("'phong-lac-son', indicator 'so-truong'", bad.Reason);
        Assert.Contains("Số trường", bad.Reason);

        var notStored = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(suffix, lacSonValue: "1.250")));
        Assert.Contains("write the value as stored, '1250'", notStored.Reason);

        var stranger = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(suffix, organization: "truong-mn-ben-thanh")));
        Assert.Equal("$.steps[0].Rounds[0].Reports[0].Organization", stranger.JsonPath);
        Assert.Contains("'truong-mn-ben-thanh' is not a unit asked", stranger.Reason);

        var missing = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(suffix, documents: "[ \"mau/khong-co-tep-nay.pdf\" ]")));
        Assert.Equal("$.steps[0].Rounds[0].Documents[0]", missing.JsonPath);
        Assert.Contains("'mau/khong-co-tep-nay.pdf' is not a file of the media library", missing.Reason);

        var draftRound = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(suffix).Replace("\"State\": \"Open\"", "\"State\": \"Draft\"", StringComparison.Ordinal)));
        Assert.Equal("$.steps[0].Rounds[0].Reports", draftRound.JsonPath);

        Assert.False(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().AnyAsync(r => r.Key == "dot-tra-loi-" + suffix)));
    }

    /// <summary>A media step writing Lạc Sơn's files (recipe files belong to no unit, so to every unit's library) before the Reports step.</summary>
    private static string LacSonFiles(string suffix) => $$"""
        {
          "name": "Media",
          "Files": [
            { "TargetPath": "thu-{{suffix}}/bao-cao-thanh-tich-tap-the.docx", "Base64": "{{Convert.ToBase64String(ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Docx(["Báo cáo thành tích tập thể"]))}}" },
            { "TargetPath": "thu-{{suffix}}/bao-cao-thanh-tich-ca-nhan.pdf", "Base64": "{{Convert.ToBase64String(ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Pdf("Bao cao thanh tich"))}}" },
            { "TargetPath": "thu-{{suffix}}/anh-hoat-dong.jpg", "Base64": "{{Convert.ToBase64String(ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Png())}}" }
          ]
        },
        """;

    private static string Attachments(string suffix, string collectiveFile = "", string evidenceFile = "", string extraCollective = "") => $$"""
        "Evidence": [ { "Kind": "File", "Target": "{{(evidenceFile.Length > 0 ? evidenceFile : $"thu-{suffix}/anh-hoat-dong.jpg")}}", "Caption": "Giờ hoạt động góc", "SectionKey": "a-1" } ],
        "Nominations": [
          { "Kind": "Collective", "OrganizationId": "phong-lac-son"{{(collectiveFile == "-" ? "" : $", \"FilePath\": \"{(collectiveFile.Length > 0 ? collectiveFile : $"thu-{suffix}/bao-cao-thanh-tich-tap-the.docx")}\"")}} },
          {{extraCollective}}
          { "Kind": "Individual", "Name": "Bùi Thị Hoa", "Position": "Giáo viên", "Organisation": "Trường MN Vụ Bản", "FilePath": "thu-{{suffix}}/bao-cao-thanh-tich-ca-nhan.pdf" }
        ],
        """;

    [SkippableFact]
    public async Task Evidence_and_nominations_come_from_a_recipe_into_the_report_and_its_versions_are_refused_when_wrong_and_travel_back()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await RunAsync(AnswersRecipe(suffix, lacSonExtra: Attachments(suffix), steps: LacSonFiles(suffix)));

        var stored = await StoredAnswersAsync("dot-tra-loi-" + suffix);
        var lacSon = stored.Reports.Single(r => r.OrganizationId == "phong-lac-son");
        var evidence = Assert.Single(UnitReportAttachments.ReadEvidence(lacSon.EvidenceJson));
        Assert.Equal((EvidenceKind.File, $"thu-{suffix}/anh-hoat-dong.jpg", "anh-hoat-dong.jpg", "Giờ hoạt động góc", "a-1"),
            (evidence.Kind, evidence.Target, evidence.Name, evidence.Caption, evidence.SectionKey));
        var nominations = UnitReportAttachments.ReadNominations(lacSon.NominationsJson);
        Assert.Equal(2, nominations.Count);
        Assert.Equal(("phong-lac-son", "bao-cao-thanh-tich-tap-the.docx"), (nominations[0].OrganizationId, nominations[0].FileName));
        Assert.StartsWith("Phòng", nominations[0].Name); // the organisation's name, looked up
        Assert.Equal(("Bùi Thị Hoa", "Giáo viên", "Trường MN Vụ Bản"), (nominations[1].Name, nominations[1].Position, nominations[1].Organisation));
        var versions = stored.Versions.Where(v => v.ReportId == lacSon.Id).ToList();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal((lacSon.EvidenceJson, lacSon.NominationsJson), (v.EvidenceJson, v.NominationsJson)));
        Assert.All(stored.Reports.Where(r => r.OrganizationId != "phong-lac-son"), r => Assert.Equal(("[]", "[]"), (r.EvidenceJson, r.NominationsJson)));

        // Exported with the reports and imported back as another round: the same evidence and nominations.
        var admin = await As(fixture.Factory, Accounts.Administrator);
        using var withReports = await admin.GetAsync($"/admin/bao-cao/{stored.Round.Id}/cong-thuc?baoCao=1");
        var recipe = JsonNode.Parse(await withReports.Content.ReadAsStringAsync())!.AsObject();
        var exported = recipe["steps"]![0]!["Rounds"]![0]!.AsObject();
        var lacSonExported = exported["Reports"]!.AsArray().Single(r => r!["Organization"]!.GetValue<string>() == "phong-lac-son")!;
        Assert.Equal("Individual", lacSonExported["Nominations"]![1]!["Kind"]!.GetValue<string>());
        exported["Key"] = "nhap-lai-minh-chung-" + suffix;
        await RunAsync(recipe.ToJsonString());
        var copy = (await StoredAnswersAsync("nhap-lai-minh-chung-" + suffix)).Reports.Single(r => r.OrganizationId == "phong-lac-son");
        Assert.Equal(UnitReportAttachments.ReadEvidence(lacSon.EvidenceJson), UnitReportAttachments.ReadEvidence(copy.EvidenceJson));
        Assert.Equal(UnitReportAttachments.ReadNominations(lacSon.NominationsJson), UnitReportAttachments.ReadNominations(copy.NominationsJson));

        // Refusals: another unit's file, more collectives than the round takes, a submitted report without an achievement report.
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var theirs = (await MediaUploadTests.UploadAsync(luongSon, "phong-luong-son", ("Tệp của Lương Sơn.pdf", ChuyenDe.Tests.Unit.Media.Uploads.SampleFiles.Pdf("Luong Son " + suffix))))[0];
        Assert.True(theirs.Ok, theirs.Message);
        var bad = suffix + "x";
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN"); // as in a request of the site (the import page)
        try
        {
            var stranger = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(bad, lacSonExtra: Attachments(bad, evidenceFile: theirs.Path!), steps: LacSonFiles(bad))));
            Assert.Equal("$.steps[1].Rounds[0].Reports[0].Evidence", stranger.JsonPath);
            Assert.Contains($"'phong-lac-son', evidence and nominations: ", stranger.Reason);
            Assert.Contains(theirs.Path!, stranger.Reason);

            var tooMany = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(bad, lacSonExtra: Attachments(bad,
                extraCollective: """{ "Kind": "Collective", "OrganizationId": "phong-lac-son" },"""), steps: LacSonFiles(bad))));
            Assert.Equal("$.steps[1].Rounds[0].Reports[0].Nominations", tooMany.JsonPath);
            Assert.EndsWith("Đợt báo cáo chỉ nhận tối đa 1 đề nghị khen thưởng tập thể mỗi đơn vị; đơn vị đã nhập 2.", tooMany.Reason);

            var noFile = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(AnswersRecipe(bad, lacSonExtra: Attachments(bad, collectiveFile: "-"), steps: LacSonFiles(bad))));
            Assert.Equal("$.steps[1].Rounds[0].Reports[0].Nominations", noFile.JsonPath);
            Assert.EndsWith("Vui lòng đính kèm báo cáo thành tích của đề nghị khen thưởng tập thể 1 trước khi nộp.", noFile.Reason);
            Assert.StartsWith($"Tệp “{theirs.Path}” không thuộc thư viện tệp của đơn vị", stranger.Reason.Split(": ", 2)[1]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.False(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().AnyAsync(r => r.Key == "dot-tra-loi-" + bad)));
    }

    [SkippableFact]
    public async Task A_bad_reports_recipe_uploaded_on_the_import_page_is_refused_in_Vietnamese()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var admin = await As(fixture.Factory, Accounts.Administrator);

        async Task<AngleSharp.Dom.IElement> RefusalAsync(string recipe)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(await admin.GetTokenAsync("/admin/cong-thuc")), "__RequestVerificationToken");
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(recipe));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            form.Add(file, "recipe", "bao-cao-hong.recipe.json");
            using var response = await admin.Http.PostAsync("/admin/cong-thuc", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await AdminClient.ParseAsync(response)).QuerySelector(".recipe-refusal")!;
        }

        var notStored = await RefusalAsync(AnswersRecipe(suffix, lacSonValue: "1.250"));
        Assert.Contains("Không có thay đổi nào được áp dụng", notStored.TextContent);
        Assert.Equal("$.steps[0].Rounds[0].Reports[0].Values.so-truong", notStored.QuerySelector(".recipe-path")!.TextContent.Trim());
        Assert.Equal("'phong-lac-son', chỉ tiêu 'so-truong': hãy ghi giá trị đúng dạng lưu trữ, '1250'.", notStored.QuerySelector(".recipe-reason")!.TextContent.Trim());

        var bad = await RefusalAsync(AnswersRecipe(suffix, lacSonValue: "mười hai"));
        Assert.StartsWith("'phong-lac-son', chỉ tiêu 'so-truong': “Số trường” phải là số nguyên", bad.QuerySelector(".recipe-reason")!.TextContent.Trim());

        var stranger = await RefusalAsync(AnswersRecipe(suffix, organization: "truong-mn-ben-thanh"));
        Assert.Equal($"'truong-mn-ben-thanh' không phải là đơn vị được đợt 'dot-tra-loi-{suffix}' yêu cầu báo cáo.", stranger.QuerySelector(".recipe-reason")!.TextContent.Trim());

        var missing = await RefusalAsync(AnswersRecipe(suffix, documents: "[ \"mau/khong-co-tep-nay.pdf\" ]"));
        Assert.StartsWith("Văn bản kế hoạch 'mau/khong-co-tep-nay.pdf' không có trong thư viện tệp", missing.QuerySelector(".recipe-reason")!.TextContent.Trim());

        var weight = await RefusalAsync(AnswersRecipe(suffix).Replace("\"WeightKey\": \"so-truong\"", "\"WeightKey\": \"ty-le-dat\"", StringComparison.Ordinal));
        Assert.Equal("Chỉ tiêu 2: trọng số “ty-le-dat” phải là mã của một chỉ tiêu kiểu số nguyên trong bộ chỉ tiêu này.", weight.QuerySelector(".recipe-reason")!.TextContent.Trim());

        var draftRound = await RefusalAsync(AnswersRecipe(suffix).Replace("\"State\": \"Open\"", "\"State\": \"Draft\"", StringComparison.Ordinal));
        Assert.StartsWith("Đợt còn ở trạng thái Nháp (Draft) thì chưa có báo cáo", draftRound.QuerySelector(".recipe-reason")!.TextContent.Trim());

        Assert.False(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().AnyAsync(r => r.Key == "dot-tra-loi-" + suffix)));
    }

    [SkippableFact]
    public async Task A_rounds_recipe_carries_its_plan_documents_and_its_reports_only_when_asked()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await RunAsync(AnswersRecipe(suffix));
        var original = await StoredAnswersAsync("dot-tra-loi-" + suffix);
        var admin = await As(fixture.Factory, Accounts.Administrator);

        using (var plain = await admin.GetAsync($"/admin/bao-cao/{original.Round.Id}/cong-thuc"))
        {
            var round = JsonNode.Parse(await plain.Content.ReadAsStringAsync())!["steps"]![0]!["Rounds"]![0]!.AsObject();
            Assert.Equal([PlanDocument], round["Documents"]!.AsArray().Select(d => d!.GetValue<string>()));
            Assert.Null(round["Reports"]);
        }

        using var withReports = await admin.GetAsync($"/admin/bao-cao/{original.Round.Id}/cong-thuc?baoCao=1");
        Assert.Equal(HttpStatusCode.OK, withReports.StatusCode);
        var recipe = JsonNode.Parse(await withReports.Content.ReadAsStringAsync())!.AsObject();
        var exported = recipe["steps"]![0]!["Rounds"]![0]!.AsObject();
        Assert.Equal(5, exported["Reports"]!.AsArray().Count);
        var tanLac = exported["Reports"]!.AsArray().Single(r => r!["Organization"]!.GetValue<string>() == "phong-tan-lac")!;
        Assert.Equal("2023-03-10T17:01:00+07:00", tanLac["Submitted"]!.GetValue<string>());

        var key = "nhap-lai-tra-loi-" + suffix;
        exported["Key"] = key;
        await RunAsync(recipe.ToJsonString());
        var copy = await StoredAnswersAsync(key);
        Assert.Equal([PlanDocument], copy.Round.Documents.Select(d => d.Path));
        static IEnumerable<string> States(Stored s) => s.Round.Units.OrderBy(u => u.OrganizationId, StringComparer.Ordinal)
            .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.OrganizationId} {u.ReportState} {u.SubmittedUtc:O}"));
        Assert.Equal(States(original), States(copy));
        // The maps, not their key order (the export writes keys in order).
        static IEnumerable<string> Contents(Stored s) => s.Reports.OrderBy(r => r.OrganizationId, StringComparer.Ordinal)
            .Select(r => r.OrganizationId + " " + string.Join("|", UnitReports.ReadMap(r.SectionsJson).OrderBy(p => p.Key, StringComparer.Ordinal))
                + " " + string.Join("|", UnitReports.ReadMap(r.ValuesJson).OrderBy(p => p.Key, StringComparer.Ordinal)));
        Assert.Equal(Contents(original), Contents(copy));
        Assert.Equal(original.Reviews.Select(r => (r.Decision, r.Reason, r.SectionKeys, r.DecidedUtc)).Order(),
            copy.Reviews.Select(r => (r.Decision, r.Reason, r.SectionKeys, r.DecidedUtc)).Order());
        Assert.Equal("phong.luongson", copy.Versions.Single(v => v.Kind == UnitReportVersionKind.Submitted
            && v.ReportId == copy.Reports.Single(r => r.OrganizationId == "phong-lac-son").Id).UserName);

        // The units' answers are for those who may read them: a user who exports the round but lacks ReviewReports is refused them.
        var userName = "xuat.cong.thuc." + suffix;
        await RunAsync($$"""
            {
              "name": "ExportWithoutReview{{suffix}}",
              "steps": [
                { "name": "Roles", "Roles": [ { "Name": "Export{{suffix}}", "Description": "Xuất công thức, không xem báo cáo",
                  "Permissions": [ "AccessAdmin", "ManageReportRounds", "ExportRecipes" ] } ] },
                { "name": "Users", "Users": [ { "UserName": "{{userName}}", "Email": "{{userName}}@example.edu.vn", "DisplayName": "Người xuất",
                  "OrganizationId": "so-hoa-binh", "Roles": [ "Export{{suffix}}" ], "Demo": true } ] }
              ]
            }
            """);
        var (_, edit) = await admin.GetPageAsync($"/admin/bao-cao/{original.Round.Id}/sua");
        Assert.Equal("Tải về kèm báo cáo của các đơn vị", Text(edit, $"a.export-reports-link[href='/admin/bao-cao/{original.Round.Id}/cong-thuc?baoCao=1']"));
        var exporter = await As(fixture.Factory, userName);
        var (_, exporterEdit) = await exporter.GetPageAsync($"/admin/bao-cao/{original.Round.Id}/sua");
        Assert.NotNull(exporterEdit.QuerySelector(".export-link a"));
        Assert.Null(exporterEdit.QuerySelector(".export-reports-link"));
        using (var allowed = await exporter.GetAsync($"/admin/bao-cao/{original.Round.Id}/cong-thuc"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await exporter.GetAsync($"/admin/bao-cao/{original.Round.Id}/cong-thuc?baoCao=1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableFact]
    public async Task The_sample_round_shows_accepted_submitted_late_returned_draft_and_missing_district_offices_on_its_board()
    {
        fixture.SkipUnlessAvailable();
        var id = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync());
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var (status, page) = await admin.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.Equal(HttpStatusCode.OK, status);
        int Count(string filter) => int.Parse(Text(page, $".board-counts .count-{filter} .count"), CultureInfo.InvariantCulture);
        Assert.Equal("7", Text(page, ".board-total"));
        Assert.Equal((2, 1, 2, 1, 1), (Count("notstarted"), Count("draft"), Count("submitted"), Count("returned"), Count("accepted")));
        Assert.Equal((1, 3), (Count("late"), Count("overdue")));
        Assert.Equal("Đã chấp nhận", Text(page, "#don-vi-phong-lac-son .board-state .badge"));
        Assert.Equal("Bị trả lại", Text(page, "#don-vi-phong-kim-boi .board-state .badge"));
        Assert.NotNull(page.QuerySelector("#don-vi-phong-tan-lac .report-late"));
        Assert.Null(page.QuerySelector("#don-vi-phong-cao-phong .report-late"));
        Assert.Equal("Đang soạn", Text(page, "#don-vi-phong-mai-chau .board-state .badge"));
        Assert.Equal("Chưa bắt đầu", Text(page, "#don-vi-phong-luong-son .board-state .badge"));
        Assert.Equal("Chưa bắt đầu", Text(page, "#don-vi-phong-yen-thuy .board-state .badge"));
        Assert.Equal("15:45 13/03/2023", Text(page, "#don-vi-phong-tan-lac .board-submitted"));

        // The returned report names its section; the plan document is attached to the round.
        var (_, review) = await admin.GetPageAsync($"/admin/bao-cao/{id}/don-vi/phong-kim-boi");
        Assert.Contains("Mục II.3 chưa nêu nguồn lực huy động", review.Body!.TextContent);
        // Every word of the decision in Vietnamese (lower-case resource names once clashed with "Returned"/"Accepted").
        Assert.Contains("— bị trả lại (", Text(review, ".review-history li.review-returned"));
        var (_, history) = await admin.GetPageAsync($"/admin/bao-cao/{id}/don-vi/phong-kim-boi/lich-su");
        Assert.Equal("đã nộp", Text(history, ".report-history-table tr.history-submitted td:nth-child(2)"));
        var (_, accepted) = await admin.GetPageAsync($"/admin/bao-cao/{id}/don-vi/phong-lac-son");
        Assert.Contains("— đã chấp nhận (", Text(accepted, ".review-history li.review-accepted"));
        Assert.Equal("Đang soạn", Text((await admin.GetPageAsync($"/admin/bao-cao/{id}/don-vi/phong-mai-chau")).Document, ".badge.report-state"));

        // Lương Sơn's round for its schools is still a draft: nobody there is overdue yet.
        var linkedProgress = Text(page, "#don-vi-phong-luong-son .board-linked");
        Assert.Contains("0/2 đã nộp", linkedProgress, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn", linkedProgress, StringComparison.Ordinal);

        // Lương Sơn itself, not started after the deadline, is told so on its own pages (and that it may still submit).
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var (_, mine) = await luongSon.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal("quá hạn", Text(mine, $"#dot-{id} .report-overdue"));
        var (_, own) = await luongSon.GetPageAsync($"/admin/bao-cao/cua-don-vi/{id}");
        Assert.Contains("vẫn có thể nộp", Text(own, ".notice.report-overdue"));
        var round = await RoundAsync(fixture, id);
        Assert.Equal([PlanDocument], round.Documents.Select(d => d.Path));
        await using var file = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IMediaStore>().OpenReadAsync(PlanDocument));
        Assert.NotNull(file);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        Assert.Contains("Sơ kết 02 năm thực hiện chuyên đề", document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [SkippableFact]
    public async Task The_sample_round_lists_Lac_Sons_two_nominations_and_its_zip_holds_their_achievement_reports()
    {
        fixture.SkipUnlessAvailable();
        var id = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync());
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var url = $"/admin/bao-cao/{id}/de-nghi-khen-thuong";

        var (status, page) = await admin.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll(".nomination-row[data-unit='phong-lac-son']");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Bùi Thị Hoa", rows[1].QuerySelector(".nomination-name")!.TextContent.Trim());

        using var response = await admin.GetAsync(url + ".zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), System.IO.Compression.ZipArchiveMode.Read);
        var files = zip.Entries.Where(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)).ToList();
        Assert.Equal(["bao-cao-thanh-tich-ca-nhan-bui-thi-hoa.docx", "bao-cao-thanh-tich-tap-the-phong-gd-lac-son.docx"],
            files.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var entry in files)
        {
            await using var stream = new MemoryStream();
            await using (var opened = entry.Open())
            {
                await opened.CopyToAsync(stream);
            }

            stream.Position = 0;
            using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
            Assert.Contains("BÁO CÁO THÀNH TÍCH", document.MainDocumentPart!.Document!.Body!.InnerText);
        }

        // The evidence is shown with the accepted report.
        var (_, review) = await admin.GetPageAsync($"/admin/bao-cao/{id}/don-vi/phong-lac-son");
        Assert.Contains("Sân chơi cát nước làm từ nguồn xã hội hóa", review.Body!.TextContent);
    }
}
