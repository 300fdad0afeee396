using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Commendations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Commendations;

/// <summary>
/// Commendations on both databases over HTTP: a school's nomination in a report round becomes a proposal that the
/// Department curator accepts into a decision (once only; a rejected one stays listed), the decision is linked to an
/// item and published, the public honour roll lists it with its filters and the item's page shows the badge; unpublishing
/// evicts both cached pages. The sample decisions are on the roll; the admin's checks answer in Vietnamese; anonymous
/// visitors, contributors and district curators are refused; a decision of another Department is out of reach; the
/// recipe step imports once and refuses a mistake with its path.
/// </summary>
public abstract class CommendationsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string Roll = "/guong-dien-hinh";

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    private Task<AdminClient> SessionAsync(string userName) => ContentAdminSupport.SessionAsync(fixture, userName);

    private static async Task<string> UploadAsync(AdminClient client, string name, byte[] bytes)
    {
        var result = (await MediaUploadTests.UploadAsync(client, BenThanh, (name, bytes)))[0];
        Assert.True(result.Ok, result.Message);
        return result.Path!;
    }

    /// <summary>A Quận 1 round that Bến Thành answered with a collective and an individual nomination.</summary>
    private async Task<(int RoundId, string Individual)> NominatedRoundAsync()
    {
        var district = await SessionAsync(Accounts.DistrictCurator);
        var school = await SessionAsync(Accounts.Contributor);
        var collectiveFile = await UploadAsync(school, "Báo cáo thành tích tập thể.pdf", SampleFiles.Pdf(Unique("Tap the ")));
        var individualFile = await UploadAsync(school, "Báo cáo thành tích cá nhân.docx", SampleFiles.Docx([Unique("Ca nhan ")]));
        var id = await CreateRoundAsync(fixture, district, Unique("Sơ kết khen thưởng "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using (var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var individual = Unique("Nguyễn Thị Khen ");
        var fields = (await FilledReportFormAsync(fixture, school, id, "Nhà trường đã triển khai đầy đủ.", "12"))
            .With("nomination-c-0-org", BenThanh).With("nomination-c-0-file", collectiveFile)
            .With("nomination-i-0-name", individual).With("nomination-i-0-position", "Giáo viên").With("nomination-i-0-organisation", "Trường MN Bến Thành")
            .With("nomination-i-0-file", individualFile);
        using var submitted = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return (id, individual);
    }

    /// <summary>Records a decision through the page; returns its id.</summary>
    private static async Task<int> CreateDecisionAsync(AdminClient client, string number, string period, string level = nameof(IssuingLevel.DepartmentDirector))
    {
        using var response = await PostAsync(client, "/admin/khen-thuong/tao", "/admin/khen-thuong/tao",
            ("Number", number), ("Date", "2025-05-20"), ("Level", level), ("Title", "Về việc khen thưởng thử " + number), ("Period", period), ("FilePath", ""), ("ProposalKey", ""));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Recording the decision failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = Location(response)!;
        Assert.Matches("^/admin/khen-thuong/[0-9]+/sua$", location);
        return int.Parse(location.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static async Task<string> AnonymousAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    private static List<string> Names(IHtmlDocument page, string section)
        => page.QuerySelectorAll($"section[aria-labelledby='{section}'] .honour-roll-name").Select(e => e.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task A_nomination_becomes_a_recipient_once_goes_public_with_its_badge_and_leaves_when_unpublished()
    {
        fixture.SkipUnlessAvailable();
        var (roundId, individual) = await NominatedRoundAsync();
        var department = await SessionAsync(Accounts.DepartmentCurator);

        // The round's nominations are proposals, pending.
        var (status, proposals) = await department.GetPageAsync("/admin/khen-thuong/de-nghi");
        Assert.Equal(HttpStatusCode.OK, status);
        var collectiveKey = $"{roundId}/{BenThanh}/c/{BenThanh}";
        var collective = proposals.QuerySelector($"li.proposal[data-key='{collectiveKey}']");
        Assert.NotNull(collective);
        Assert.Contains("proposal-pending", collective!.ClassName);
        var individualRow = proposals.QuerySelectorAll("li.proposal").Single(li => li.GetAttribute("data-key")!.StartsWith($"{roundId}/{BenThanh}/i/", StringComparison.Ordinal));
        Assert.Contains(individual, individualRow.TextContent);
        var individualKey = individualRow.GetAttribute("data-key")!;

        var number = Unique("KT-") + "/QĐ-SGDĐT";
        var decisionId = await CreateDecisionAsync(department, number, "2024-2025");
        var achievement = Unique("Thành tích tiêu biểu trong năm học ");

        using (var accepted = await PostAsync(department, "/admin/khen-thuong/de-nghi", "/admin/khen-thuong/de-nghi/chap-nhan",
                   ("Key", collectiveKey), ("DecisionId", decisionId.ToString(CultureInfo.InvariantCulture)), ("Achievement", achievement)))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        // Accepting it again is refused in Vietnamese; still one recipient from it.
        using (var twice = await PostAsync(department, "/admin/khen-thuong/de-nghi", "/admin/khen-thuong/de-nghi/chap-nhan",
                   ("Key", collectiveKey), ("DecisionId", decisionId.ToString(CultureInfo.InvariantCulture)), ("Achievement", "Lần hai")))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            Assert.Contains("Đề nghị này đã được chấp nhận vào một quyết định.", Text(await AdminClient.ParseAsync(twice), ".error-summary"));
        }

        // Rejecting the individual keeps it listed as rejected.
        using (var rejected = await PostAsync(department, "/admin/khen-thuong/de-nghi", "/admin/khen-thuong/de-nghi/tu-choi", ("Key", individualKey)))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        (_, proposals) = await department.GetPageAsync("/admin/khen-thuong/de-nghi");
        Assert.Contains("proposal-accepted", proposals.QuerySelector($"li.proposal[data-key='{collectiveKey}']")!.ClassName);
        Assert.Contains(number, proposals.QuerySelector($"li.proposal[data-key='{collectiveKey}']")!.TextContent);
        Assert.Contains("proposal-rejected", proposals.QuerySelector($"li.proposal[data-key='{individualKey}']")!.ClassName);

        var recipient = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<CommendationRecipient>().AsNoTracking().SingleAsync(r => r.SourceKey == collectiveKey));
        Assert.Equal((decisionId, RecipientKind.Collective, BenThanh, achievement), (recipient.DecisionId, recipient.Kind, recipient.OrganizationId, recipient.Achievement));

        // The decision's page names the nomination it came from; link a published initiative of the school.
        var (_, edit) = await department.GetPageAsync($"/admin/khen-thuong/{decisionId}/sua");
        Assert.Contains("Theo đề nghị của Trường Mầm non Bến Thành", edit.QuerySelector($"#nguoi-nhan-{recipient.Id} .recipient-source")!.TextContent);
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, Unique("Sáng kiến được khen "), BenThanh, Accounts.Contributor, publish: true);
        var (_, search) = await department.GetPageAsync($"/admin/khen-thuong/{decisionId}/sua?nguoi-nhan={recipient.Id}&tim={Uri.EscapeDataString(item.DisplayText)}");
        Assert.NotNull(search.QuerySelector($"#nguoi-nhan-{recipient.Id} .item-results input[name='ContentItemId'][value='{item.ContentItemId}']"));
        using (var linked = await PostAsync(department, $"/admin/khen-thuong/{decisionId}/sua", $"/admin/khen-thuong/{decisionId}/nguoi-nhan/{recipient.Id}/hoc-lieu",
                   ("ContentItemId", item.ContentItemId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        // Before publishing, the roll (served from the cache on its second request) does not list it.
        var anonymous = fixture.CreateClient();
        var itemUrl = "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?phase=2024-2025"));
        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?phase=2024-2025"));
        Assert.DoesNotContain(number, await AnonymousAsync(anonymous, itemUrl));
        Assert.DoesNotContain(number, await AnonymousAsync(anonymous, itemUrl));

        using (var published = await PostAsync(department, $"/admin/khen-thuong/{decisionId}/sua", $"/admin/khen-thuong/{decisionId}/cong-bo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var roll = Parse(await AnonymousAsync(anonymous, Roll + "?phase=2024-2025"));
        var entry = roll.QuerySelector($"li.honour-roll-entry[data-recipient='{recipient.Id}']");
        Assert.NotNull(entry);
        Assert.Contains(achievement, entry!.TextContent);
        Assert.Contains(number, entry.QuerySelector(".honour-roll-decision")!.TextContent);
        Assert.Contains("20/05/2025", entry.QuerySelector(".honour-roll-decision")!.TextContent);
        Assert.Equal("/don-vi/" + BenThanh, entry.QuerySelector(".honour-roll-name a")!.GetAttribute("href"));
        Assert.Equal(itemUrl, entry.QuerySelector(".honour-roll-items a")!.GetAttribute("href"));

        // The filters: its district lists it, another district, another phase and another level do not.
        Assert.Contains(achievement, await AnonymousAsync(anonymous, Roll + "?district=phong-quan-1"));
        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?district=phong-luong-son"));
        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?phase=2023-2024"));
        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?phase=2024-2025&level=Minister"));

        // The item's page carries the badge with the decision.
        var itemPage = Parse(await AnonymousAsync(anonymous, itemUrl));
        var badge = itemPage.QuerySelector(".item-badges .recognition-commendation");
        Assert.NotNull(badge);
        Assert.Contains("Được khen thưởng", badge!.TextContent);
        Assert.Contains(number, badge.TextContent);

        // Unpublished: both cached pages are evicted.
        using (var unpublished = await PostAsync(department, $"/admin/khen-thuong/{decisionId}/sua", $"/admin/khen-thuong/{decisionId}/go-cong-bo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        Assert.DoesNotContain(achievement, await AnonymousAsync(anonymous, Roll + "?phase=2024-2025"));
        Assert.DoesNotContain(number, await AnonymousAsync(anonymous, itemUrl));

        var audited = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(a => a.Category == AuditCategories.Commendation && a.Subject == "Quyết định khen thưởng số " + number).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.Created, audited);
        Assert.Contains("ProposalAccepted", audited);
        Assert.Contains("ItemLinked", audited);
        Assert.Contains(AuditActions.Published, audited);
        Assert.Contains(AuditActions.Unpublished, audited);
    }

    [SkippableFact]
    public async Task The_sample_decisions_are_on_the_honour_roll_with_filters_and_badges()
    {
        fixture.SkipUnlessAvailable();
        var anonymous = fixture.CreateClient();
        var page = Parse(await AnonymousAsync(anonymous, Roll));
        Assert.Equal("Gương điển hình", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Trường Mầm non Bến Thành", Names(page, "tap-the"));
        Assert.Contains("Trường Mầm non Cửu Long", Names(page, "tap-the"));
        Assert.Contains("Trần Thị Ngọc Mai", Names(page, "ca-nhan"));
        Assert.Contains("Bùi Thị Hạnh", Names(page, "ca-nhan"));
        Assert.EndsWith(Roll, page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name='description']")!.GetAttribute("content")));
        Assert.NotNull(page.QuerySelector("nav.breadcrumbs, nav[aria-label] [aria-current='page']"));
        Assert.NotNull(page.QuerySelector("a[href='/don-vi/truong-mn-cuu-long']"));
        Assert.Contains("425/QĐ-SGDĐT", page.Body!.TextContent);
        Assert.Contains("Giám đốc Sở GD&ĐT", page.Body.TextContent);

        // Hòa Bình's phase and Lương Sơn's district leave out TP.HCM's school year; the filters keep their choice.
        var phase = Parse(await AnonymousAsync(anonymous, Roll + "?phase=2021-2025"));
        Assert.Contains("Trường Mầm non Cửu Long", Names(phase, "tap-the"));
        Assert.DoesNotContain("Trường Mầm non Bến Thành", Names(phase, "tap-the"));
        Assert.Equal("2021-2025", phase.QuerySelector<IHtmlSelectElement>("select[name='phase']")!.Value);
        Assert.EndsWith(Roll + "?phase=2021-2025", phase.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        var district = Parse(await AnonymousAsync(anonymous, Roll + "?district=phong-luong-son"));
        Assert.Equal(["Trường Mầm non Cửu Long"], Names(district, "tap-the"));
        Assert.Equal(["Bùi Thị Hạnh"], Names(district, "ca-nhan"));
        var minister = Parse(await AnonymousAsync(anonymous, Roll + "?level=Minister"));
        Assert.Empty(Names(minister, "tap-the"));
        Assert.Empty(Names(minister, "ca-nhan"));
        // A value that is no option is ignored.
        Assert.Contains("Trường Mầm non Bến Thành", Names(Parse(await AnonymousAsync(anonymous, Roll + "?phase=1999-2000&level=Nobody")), "tap-the"));

        // The badge on a commended item and on its card; none on an item not commended.
        var item = Parse(await AnonymousAsync(anonymous, "/san-pham-dien-hinh/gio-an-tre-tu-phuc-vu-truong-mam-non-ben-thanh"));
        Assert.Contains("1870/QĐ-SGDĐT", item.QuerySelector(".item-badges .recognition-commendation")!.TextContent);
        var other = Parse(await AnonymousAsync(anonymous, "/sang-kien/phieu-quan-sat-nhanh-trong-gio-choi"));
        Assert.Null(other.QuerySelector(".recognition-commendation"));
    }

    [SkippableFact]
    public async Task Mistakes_are_explained_in_Vietnamese_and_nothing_is_saved()
    {
        fixture.SkipUnlessAvailable();
        var department = await SessionAsync(Accounts.DepartmentCurator);
        var before = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<CommendationDecision>().CountAsync());
        using (var refused = await PostAsync(department, "/admin/khen-thuong/tao", "/admin/khen-thuong/tao",
                   ("Number", ""), ("Date", "31/02/2023"), ("Level", "King"), ("Title", "Về việc khen thưởng"), ("Period", "2025")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await AdminClient.ParseAsync(refused);
            var summary = Text(page, ".error-summary");
            Assert.Contains("Nhập số quyết định.", summary);
            Assert.Contains("“31/02/2023” không phải là ngày", summary);
            Assert.Contains("Chọn cấp khen thưởng", summary);
            Assert.Contains("ví dụ 2021-2025", summary);
            Assert.Equal("Về việc khen thưởng", page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Title']")!.Value);
        }

        Assert.Equal(before, await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<CommendationDecision>().CountAsync()));

        var id = await CreateDecisionAsync(department, Unique("KT-") + "/QĐ-SGDĐT", "2024-2025");
        var edit = $"/admin/khen-thuong/{id}/sua";
        using (var empty = await PostAsync(department, edit, $"/admin/khen-thuong/{id}/cong-bo"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("ít nhất một", Text(await AdminClient.ParseAsync(empty), ".error-summary"));
        }

        using (var noName = await PostAsync(department, edit, $"/admin/khen-thuong/{id}/nguoi-nhan", ("Kind", "Individual"), ("Name", " "), ("Achievement", "")))
        {
            Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
            var summary = Text(await AdminClient.ParseAsync(noName), ".error-summary");
            Assert.Contains("Nhập họ và tên", summary);
            Assert.Contains("Nhập thành tích được khen", summary);
        }

        // Another Department's unit is not in the list: refused.
        using (var stranger = await PostAsync(department, edit, $"/admin/khen-thuong/{id}/nguoi-nhan",
                   ("Kind", "Collective"), ("OrganizationId", "truong-mn-cuu-long"), ("Achievement", "Thành tích")))
        {
            Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
            Assert.Contains("Chọn một đơn vị trong danh sách", Text(await AdminClient.ParseAsync(stranger), ".error-summary"));
        }

        // A draft item cannot be linked.
        using (var added = await PostAsync(department, edit, $"/admin/khen-thuong/{id}/nguoi-nhan",
                   ("Kind", "Collective"), ("OrganizationId", BenThanh), ("Achievement", "Thành tích")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var recipientId = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<CommendationRecipient>().Where(r => r.DecisionId == id).Select(r => r.Id).SingleAsync());
        using (var draft = await PostAsync(department, edit, $"/admin/khen-thuong/{id}/nguoi-nhan/{recipientId}/hoc-lieu", ("ContentItemId", "initiative-ban-nhap-goc-thien-nhien")))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            Assert.Contains("đã công bố", Text(await AdminClient.ParseAsync(draft), ".error-summary"));
        }
    }

    [SkippableFact]
    public async Task Visitors_contributors_and_district_curators_are_refused_and_other_departments_decisions_are_out_of_reach()
    {
        fixture.SkipUnlessAvailable();
        using (var anonymous = await fixture.CreateClient().GetAsync("/admin/khen-thuong"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/admin/dang-nhap", anonymous.Headers.Location!.OriginalString);
        }

        foreach (var user in new[] { Accounts.Contributor, Accounts.DistrictCurator })
        {
            var client = await SessionAsync(user);
            using var list = await client.GetAsync("/admin/khen-thuong");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var proposals = await client.GetAsync("/admin/khen-thuong/de-nghi");
            Assert.Equal(HttpStatusCode.Forbidden, proposals.StatusCode);
            using var create = await PostAsync(client, "/admin", "/admin/khen-thuong/tao", ("Number", "1/QĐ"), ("Date", "2025-05-20"), ("Level", "Minister"),
                ("Title", "Thử"), ("Period", "2024-2025"));
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        var (hoaBinh, hcm) = await fixture.WithServicesAsync(async sp =>
        {
            var set = sp.GetRequiredService<DbContext>().Set<CommendationDecision>();
            return (await set.SingleAsync(d => d.Key == "hoa-binh-so-ket-2023"), await set.SingleAsync(d => d.Key == "hcm-nam-hoc-2023-2024"));
        });
        var department = await SessionAsync(Accounts.DepartmentCurator);
        var (_, index) = await department.GetPageAsync("/admin/khen-thuong");
        Assert.NotNull(index.QuerySelector($"tr.decision-row[data-id='{hcm.Id}']"));
        Assert.Null(index.QuerySelector($"tr.decision-row[data-id='{hoaBinh.Id}']"));
        using (var other = await department.GetAsync($"/admin/khen-thuong/{hoaBinh.Id}/sua"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var unpublish = await PostAsync(department, "/admin/khen-thuong", $"/admin/khen-thuong/{hoaBinh.Id}/go-cong-bo"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unpublish.StatusCode);
        }

        Assert.True(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<CommendationDecision>().Where(d => d.Id == hoaBinh.Id).Select(d => d.Published).SingleAsync()));
    }

    private static string Recipe(string suffix, string level = "ProvincialChairman") => $$"""
        {
          "name": "CommendationsTest{{suffix}}",
          "steps": [
            {
              "name": "Commendations",
              "Decisions": [
                {
                  "Key": "thu-{{suffix}}",
                  "Owner": "so-hcm",
                  "Number": "{{suffix}}/QĐ-UBND",
                  "Date": "2025-08-01",
                  "Level": "{{level}}",
                  "Title": "Về việc tặng bằng khen thử {{suffix}}",
                  "Period": "2021-2025",
                  "Published": false,
                  "Recipients": [
                    { "Kind": "Collective", "Organization": "truong-mn-da-kao", "Achievement": "Thành tích thử", "Items": [ "initiative-thu-vien-mo-o-hanh-lang" ] },
                    { "Kind": "Individual", "Name": "Phạm Văn Thử", "Position": "Phó hiệu trưởng", "Organization": "truong-mn-da-kao", "Achievement": "Thành tích thử" }
                  ]
                }
              ]
            }
          ]
        }
        """;

    private Task<RecipeResult> RunAsync(string json)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(json, "commendations-test.recipe.json", Path.GetTempPath()));

    [SkippableFact]
    public async Task The_recipe_step_imports_a_decision_once_and_refuses_a_mistake_with_its_path()
    {
        fixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(1, (await RunAsync(Recipe(suffix))).Changes);
        Assert.Equal(0, (await RunAsync(Recipe(suffix))).Changes);
        var decision = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<CommendationDecision>().AsNoTracking()
            .Include(d => d.Recipients).ThenInclude(r => r.Items).SingleAsync(d => d.Key == "thu-" + suffix));
        Assert.Equal((IssuingLevel.ProvincialChairman, new DateOnly(2025, 8, 1), false), (decision.Level, decision.Date, decision.Published));
        Assert.Equal(["Trường Mầm non Đa Kao", "Phạm Văn Thử"], decision.Recipients.OrderBy(r => r.Order).Select(r => r.Name));
        Assert.Equal(["initiative-thu-vien-mo-o-hanh-lang"], decision.Recipients.Single(r => r.Kind == RecipientKind.Collective).Items.Select(i => i.ContentItemId));

        var other = Guid.NewGuid().ToString("N")[..8];
        var wrong = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(Recipe(other, level: "King")));
        Assert.Equal("$.steps[0].Decisions[0].Level", wrong.JsonPath);
        var draft = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(Recipe(other).Replace("initiative-thu-vien-mo-o-hanh-lang", "initiative-ban-nhap-goc-thien-nhien", StringComparison.Ordinal)));
        Assert.Equal("$.steps[0].Decisions[0].Recipients[0].Items", draft.JsonPath);
        Assert.False(await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<CommendationDecision>().AnyAsync(d => d.Key == "thu-" + other)));
    }
}

public sealed class CommendationsSqliteTests(SqliteSiteFixture fixture) : CommendationsTests<SqliteSiteFixture>(fixture);

public sealed class CommendationsPostgresTests(PostgresSiteFixture fixture) : CommendationsTests<PostgresSiteFixture>(fixture);
