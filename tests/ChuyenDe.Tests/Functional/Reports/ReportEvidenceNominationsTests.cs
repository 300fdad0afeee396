using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// Evidence and commendation nominations of a unit's report, on both databases over HTTP: files of the unit's own media
/// library and items of its own library are accepted, another school's file or item is refused (nothing stored, the form
/// as typed); nominations are limited by the round and need their achievement report on submission only; the versions
/// carry them; the district's reviewer sees them and downloads the unpublished evidence file, another school cannot; the
/// round's nominations page and ZIP (folders, files, CSV rows), 404 out of scope and 403 without the permissions.
/// </summary>
public abstract class ReportEvidenceNominationsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string CuuLong = "truong-mn-cuu-long";

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    private async Task<int> OpenRoundAsync(AdminClient district)
    {
        var id = await CreateRoundAsync(fixture, district, Unique("Minh chứng và khen thưởng "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static async Task<string> UploadAsync(AdminClient client, string organizationId, string name, byte[] bytes)
    {
        var result = (await MediaUploadTests.UploadAsync(client, organizationId, (name, bytes)))[0];
        Assert.True(result.Ok, result.Message);
        return result.Path!;
    }

    /// <summary>The report's form as shown, every section and figure filled in.</summary>
    private async Task<List<(string Name, string Value)>> FilledFormAsync(AdminClient school, int id)
    {
        var fields = await FilledReportFormAsync(fixture, school, id, "Nhà trường đã triển khai đầy đủ.", "12");

        return fields;
    }

    private async Task<(UnitReport Report, List<UnitReportVersion> Versions)> StoredAsync(int id)
        => await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var unit = await db.Set<ReportRoundUnit>().AsNoTracking().SingleAsync(u => u.RoundId == id && u.OrganizationId == BenThanh);
            var report = await db.Set<UnitReport>().AsNoTracking().SingleAsync(r => r.Id == unit.ReportContentItemId);
            var versions = await db.Set<UnitReportVersion>().AsNoTracking().Where(v => v.ReportId == report.Id).OrderBy(v => v.Number).ToListAsync();
            return (report, versions);
        });

    private sealed record Library(string Evidence, string Achievement, string Collective, string ItemId, string OtherFile, string OtherItemId);

    private async Task<Library> LibraryAsync(AdminClient school, AdminClient otherSchool)
    {
        var evidence = await UploadAsync(school, BenThanh, "Ảnh hoạt động trải nghiệm.pdf", SampleFiles.Pdf(Unique("Minh chung ")));
        var achievement = await UploadAsync(school, BenThanh, "Báo cáo thành tích cá nhân.docx", SampleFiles.Docx([Unique("Bao cao thanh tich ")]));
        var collective = await UploadAsync(school, BenThanh, "Báo cáo thành tích tập thể.pdf", SampleFiles.Pdf(Unique("Tap the ")));
        var other = await UploadAsync(otherSchool, CuuLong, "Tệp của trường khác.pdf", SampleFiles.Pdf(Unique("Truong khac ")));
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, Unique("Sáng kiến của Bến Thành "), BenThanh, Accounts.Contributor, publish: false);
        var otherItem = await ContentAdminSupport.CreateInitiativeAsync(fixture, Unique("Sáng kiến của Cửu Long "), CuuLong, Accounts.OtherSchoolContributor, publish: false);
        return new Library(evidence, achievement, collective, item.ContentItemId, other, otherItem.ContentItemId);
    }

    /// <summary>A submitted report of Bến Thành with evidence and one nomination of each kind.</summary>
    private async Task<(int Id, Library Files)> SubmittedAsync(AdminClient district, AdminClient school, AdminClient otherSchool)
    {
        var files = await LibraryAsync(school, otherSchool);
        var id = await OpenRoundAsync(district);
        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var fields = (await FilledFormAsync(school, id))
            .With("evidence-file", files.Evidence).With($"evidence-file.MediaText[{files.Evidence}]", "Hoạt động trải nghiệm tháng 3")
            .With("evidence-item", files.ItemId)
            .With("nomination-c-0-org", BenThanh).With("nomination-c-0-file", files.Collective)
            .With("nomination-i-0-name", "Nguyễn Thị Lan").With("nomination-i-0-position", "Giáo viên").With("nomination-i-0-organisation", "Trường MN Bến Thành")
            .With("nomination-i-0-file", files.Achievement);
        using var submitted = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return (id, files);
    }

    [SkippableFact]
    public async Task Evidence_and_nominations_are_checked_kept_in_the_versions_and_shown_to_the_reviewer()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var school = await As(fixture.Factory, Accounts.Contributor);
        var otherSchool = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        var files = await LibraryAsync(school, otherSchool);
        var id = await OpenRoundAsync(district);
        var outline = UnitReports.Sections(ReportJson.ReadOutline((await RoundAsync(fixture, id)).OutlineJson)).Select(s => s.Section).ToList();
        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        // The chooser offers the school's own files and items, never the other school's; the collective list is the school.
        var (_, page) = await school.GetPageAsync(Mine(id));
        Assert.NotNull(page.QuerySelector($"input[name='evidence-file'][value='{files.Evidence}']"));
        Assert.Null(page.QuerySelector($"input[name='evidence-file'][value='{files.OtherFile}']"));
        Assert.NotNull(page.QuerySelector($"input[name='evidence-item'][value='{files.ItemId}']"));
        Assert.Null(page.QuerySelector($"input[name='evidence-item'][value='{files.OtherItemId}']"));
        Assert.NotNull(page.QuerySelector($"select[name='nomination-i-0-file'] option[value='{files.Achievement}']"));
        Assert.Equal([BenThanh], page.QuerySelectorAll("select[name='nomination-c-0-org'] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList());
        var form = FormFields(page, "form.unit-report");

        // Another school's file: refused in Vietnamese, the form as typed, nothing stored.
        var caption = "Ảnh lớp Mầm " + Guid.NewGuid().ToString("N")[..6];
        using (var refused = await PostAsync(school, Mine(id), Mine(id),
                   [.. form.With("evidence-file", files.OtherFile).With($"evidence-file.MediaText[{files.OtherFile}]", caption), ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var shown = await AdminClient.ParseAsync(refused);
            Assert.Contains("không thuộc thư viện tệp của đơn vị", Text(shown, "#evidence-file-error"));
            Assert.Equal(caption, shown.QuerySelector<IHtmlInputElement>($"input[name='evidence-file.MediaText[{files.OtherFile}]']")!.Value);
        }

        // Another school's library item: refused too.
        using (var refused = await PostAsync(school, Mine(id), Mine(id), [.. form.With("evidence-item", files.OtherItemId), ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("không thuộc đơn vị", Text(await AdminClient.ParseAsync(refused), "#evidence-item-error"));
        }

        Assert.Empty((await StoredAsync(id)).Versions);

        // Two individual nominations where the round takes one: refused, nothing stored.
        using (var refused = await PostAsync(school, Mine(id), Mine(id),
                   [.. form.With("nomination-i-0-name", "Nguyễn Thị Lan").With("nomination-i-1-name", "Trần Văn Bình"), ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("tối đa 1 đề nghị khen thưởng cá nhân", Text(await AdminClient.ParseAsync(refused), "#nominations-error"));
        }

        Assert.Empty((await StoredAsync(id)).Versions);

        // A draft: own file with a caption and a section, own item, a nomination without its file yet.
        var section = outline[^1].Key;
        using (var draft = await PostAsync(school, Mine(id), Mine(id),
                   [.. form.With("evidence-file", files.Evidence).With($"evidence-file.MediaText[{files.Evidence}]", caption)
                       .With($"evidence-file.Section[{files.Evidence}]", section).With("evidence-item", files.ItemId)
                       .With("nomination-i-0-name", "Nguyễn Thị Lan").With("nomination-i-0-position", "Giáo viên"), ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        var (report, versions) = await StoredAsync(id);
        var evidence = UnitReportAttachments.ReadEvidence(report.EvidenceJson);
        Assert.Equal([(EvidenceKind.File, files.Evidence, "Ảnh hoạt động trải nghiệm.pdf", section, caption), (EvidenceKind.LibraryItem, files.ItemId, evidence[1].Name, null, null)],
            evidence.Select(e => (e.Kind, e.Target, e.Name, e.SectionKey, e.Caption)).ToList());
        Assert.StartsWith("Sáng kiến của Bến Thành", evidence[1].Name);
        var nomination = Assert.Single(UnitReportAttachments.ReadNominations(report.NominationsJson));
        Assert.Equal((NominationKind.Individual, "Nguyễn Thị Lan", "Giáo viên", (string?)null), (nomination.Kind, nomination.Name, nomination.Position, nomination.FilePath));
        Assert.Equal(report.EvidenceJson, Assert.Single(versions).EvidenceJson);

        // The page shows them back as saved.
        (_, page) = await school.GetPageAsync(Mine(id));
        Assert.True(page.QuerySelector<IHtmlInputElement>($"input[name='evidence-file'][value='{files.Evidence}']")!.IsChecked);
        Assert.Equal(section, page.QuerySelector<IHtmlSelectElement>($"select[name='evidence-file.Section[{files.Evidence}]']")!.Value);
        Assert.Equal("Nguyễn Thị Lan", page.QuerySelector<IHtmlInputElement>("input[name='nomination-i-0-name']")!.Value);

        // Submitting needs the achievement report: refused, the draft kept.
        var filled = (await FilledFormAsync(school, id));
        using (var refused = await PostAsync(school, Mine(id), Mine(id), [.. filled, ("_action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("đính kèm báo cáo thành tích của đề nghị khen thưởng cá nhân 1", Text(await AdminClient.ParseAsync(refused), "#nomination-i-0-file-error"));
        }

        Assert.Single((await StoredAsync(id)).Versions);

        // An achievement report is a .docx or a .pdf: an image of the library is refused.
        var image = await UploadAsync(school, BenThanh, "Ảnh.png", SampleFiles.Png());
        using (var refused = await PostAsync(school, Mine(id), Mine(id), [.. filled.With("nomination-i-0-file", image), ("_action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("phải là tệp Word (.docx) hoặc PDF", Text(await AdminClient.ParseAsync(refused), "#nomination-i-0-file-error"));
        }

        Assert.Single((await StoredAsync(id)).Versions);

        // With the files of the library, the submission goes through.
        using (var submitted = await PostAsync(school, Mine(id), Mine(id),
                   [.. filled.With("nomination-i-0-file", files.Achievement).With("nomination-c-0-org", BenThanh).With("nomination-c-0-file", files.Collective), ("_action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        (report, versions) = await StoredAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal(UnitReportVersionKind.Submitted, versions[1].Kind);
        Assert.Equal(2, UnitReportAttachments.ReadEvidence(versions[1].EvidenceJson).Count);
        var sent = UnitReportAttachments.ReadNominations(versions[1].NominationsJson);
        Assert.Equal([(NominationKind.Collective, "Trường Mầm non Bến Thành", files.Collective), (NominationKind.Individual, "Nguyễn Thị Lan", files.Achievement)],
            sent.Select(n => (n.Kind, n.Name, n.FilePath!)).ToList());
        Assert.Equal(versions[0].EvidenceJson, versions[1].EvidenceJson);

        // The district's reviewer sees the evidence and nominations of the submission and opens the unpublished file.
        var (status, review) = await district.GetPageAsync($"/admin/bao-cao/{id}/don-vi/{BenThanh}");
        Assert.Equal(HttpStatusCode.OK, status);
        var link = review.QuerySelector<IHtmlAnchorElement>(".review-evidence .evidence-file a.evidence-link")!;
        Assert.Equal("Ảnh hoạt động trải nghiệm.pdf", link.TextContent.Trim());
        Assert.Contains(caption, Text(review, ".review-evidence .evidence-file"));
        Assert.Equal(outline[^1].Title, Text(review, ".review-evidence .evidence-file .evidence-section").Split(": ", 2)[1]);
        Assert.Equal(["Báo cáo thành tích tập thể.pdf", "Báo cáo thành tích cá nhân.docx"],
            review.QuerySelectorAll(".review-evidence a.nomination-file").Select(a => a.TextContent.Trim()).ToList());
        var href = link.GetAttribute("href")!;
        using (var download = await district.GetAsync(href))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..4]));
        }

        // The Department's reviewer can too; another school cannot (404, as every file out of scope).
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        using (var download = await department.GetAsync(href))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        using (var download = await otherSchool.GetAsync(href))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        // The unit's page shows them read-only once submitted.
        (_, page) = await school.GetPageAsync(Mine(id));
        Assert.Empty(page.QuerySelectorAll("input[name='evidence-file']"));
        Assert.Equal(2, page.QuerySelectorAll(".report-evidence .nomination-row").Length);
    }

    [SkippableFact]
    public async Task The_nominations_page_and_zip_list_the_submitted_nominations_with_their_files_in_scope_only()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var school = await As(fixture.Factory, Accounts.Contributor);
        var otherSchool = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        var (id, _) = await SubmittedAsync(district, school, otherSchool);
        var url = $"/admin/bao-cao/{id}/de-nghi-khen-thuong";

        // Linked from the round's settings page and its status board.
        var (_, settings) = await district.GetPageAsync($"/admin/bao-cao/{id}/sua");
        Assert.NotNull(settings.QuerySelector($"a.nominations-link[href='{url}']"));
        var (_, board) = await district.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.NotNull(board.QuerySelector($"a.nominations-link[href='{url}']"));

        var (status, page) = await district.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Trường Mầm non Bến Thành", "Nguyễn Thị Lan"], page.QuerySelectorAll(".nomination-row .nomination-name").Select(c => c.TextContent.Trim()).ToList());
        Assert.All(page.QuerySelectorAll(".nomination-row"), row => Assert.Equal(BenThanh, row.GetAttribute("data-unit")));

        using (var response = await district.GetAsync(url + ".zip"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Matches("^de-nghi-khen-thuong-[a-z0-9-]+-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.zip$", disposition.FileName!.Trim('"'));
            Assert.StartsWith("Đề nghị khen thưởng – ", disposition.FileNameStar);
            Assert.EndsWith(".zip", disposition.FileNameStar);
            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
            [
                "01 - Trường Mầm non Bến Thành/Báo cáo thành tích cá nhân.docx",
                "01 - Trường Mầm non Bến Thành/Báo cáo thành tích tập thể.pdf",
                NominationsZipWriter.IndexFileName,
            ], names);
            await using (var pdf = zip.GetEntry("01 - Trường Mầm non Bến Thành/Báo cáo thành tích tập thể.pdf")!.Open())
            {
                var head = new byte[4];
                await pdf.ReadExactlyAsync(head);
                Assert.Equal("%PDF", Encoding.ASCII.GetString(head));
            }

            using var reader = new StreamReader(zip.GetEntry(NominationsZipWriter.IndexFileName)!.Open(), Encoding.UTF8);
            var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("1,Trường Mầm non Bến Thành,Tập thể,Trường Mầm non Bến Thành,", lines[1]);
            Assert.StartsWith("2,Trường Mầm non Bến Thành,Cá nhân,Nguyễn Thị Lan,Giáo viên,Trường MN Bến Thành,", lines[2]);
        }

        // Another district's round manager: 404 on both; a school (neither permission): 403 on both.
        var otherDistrict = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        foreach (var address in new[] { url, url + ".zip" })
        {
            using var outOfScope = await otherDistrict.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
            using var forbidden = await school.GetAsync(address);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // The Department (a unit above the owner) reads it as well; an unknown round is 404.
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        using (var above = await department.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, above.StatusCode);
        }

        using (var unknown = await district.GetAsync("/admin/bao-cao/999999/de-nghi-khen-thuong"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [SkippableFact]
    public async Task Clicks_at_the_same_time_open_one_linked_round_and_all_go_to_it()
    {
        fixture.SkipUnlessAvailable();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, Unique("Đợt cho các phòng "), nameof(UnitsAskedRule.DistrictOffices));
        using (var opened = await PostAsync(department, $"/admin/bao-cao/{id}/sua", $"/admin/bao-cao/{id}/mo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var token = await district.GetTokenAsync(Mine(id));
        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => district.PostFormWithTokenAsync(Mine(id) + "/mo-dot-cho-truong", [], token)));
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Single(responses.Select(Location).Distinct());
            var linked = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>()
                .Where(r => r.ParentRoundId == id && r.OwnerOrganizationId == "phong-quan-1").Select(r => r.Id).ToListAsync());
            Assert.Equal($"/admin/bao-cao/{Assert.Single(linked)}/sua", Location(responses[0]));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [SkippableFact]
    public async Task A_district_has_one_linked_round_per_parent_round_the_database_refuses_a_second()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district);
        var round = await RoundAsync(fixture, id);
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            ReportRound Linked() => new()
            {
                Title = Unique("Liên kết "), OwnerOrganizationId = "phong-quan-1", ParentRoundId = round.Id, State = ReportRoundState.Draft,
                UnitsRule = UnitsAskedRule.Schools, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Add(Linked());
            await db.SaveChangesAsync();
            db.Add(Linked());
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Rounds without a parent are not concerned by the index.
            var first = Linked();
            var second = Linked();
            first.ParentRoundId = second.ParentRoundId = null;
            db.AddRange(first, second);
            await db.SaveChangesAsync();
            return true;
        });
    }
}

public sealed class ReportEvidenceNominationsSqliteTests(SqliteSiteFixture fixture) : ReportEvidenceNominationsTests<SqliteSiteFixture>(fixture);

public sealed class ReportEvidenceNominationsPostgresTests(PostgresSiteFixture fixture) : ReportEvidenceNominationsTests<PostgresSiteFixture>(fixture);
