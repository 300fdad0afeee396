using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Reports;
using ChuyenDe.Tests.Functional.ScaleOut;
using ChuyenDe.Tests.Unit.Media.Uploads;

namespace ChuyenDe.Tests.Functional.Crash;

/// <summary>
/// Crash safety, proved on the real host process (SQLite, a data folder of its own): the process is killed with SIGKILL
/// in the middle of an upload, a publish, a recipe import and a report submission, then started again on the same
/// folder. What was answered before the kill is there; what was cut off is fully there or fully absent; no staged or
/// half-written media file is left; the search index catches up; an e-mail queued before the kill is sent after it.
/// </summary>
public abstract class CrashSafetyTests<TSite>(TSite site) where TSite : CrashSite
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task An_upload_killed_mid_body_leaves_no_staged_file_and_keeps_the_upload_answered_before()
    {
        site.SkipUnlessAvailable();
        await site.EnsureRunningAsync();
        using var admin = await SignInAsync(Accounts.Administrator);
        var token = await TokenAsync(admin, "/admin/tep");

        // Answered before the kill: committed.
        var docx = SampleFiles.Docx(["Kế hoạch hoạt động góc thiên nhiên trước sự cố."]);
        var answered = JsonNode.Parse(await LastUploadAnswerAsync(admin, token, docx))![0]!["path"]!.GetValue<string>();

        // A large file sent slowly: the site is killed while it writes the staged copy.
        var slow = new SlowContent();
        var sending = admin.Http.SendAsync(UploadRequest(token, slow, "bai-giang-dung-giua-chung.pdf"));
        await site.WithinAsync(Soon, async () =>
        {
            if (sending.IsCompleted)
            {
                // Answered (or failed) before its body ended: say how, rather than wait for nothing.
                using var early = await sending;
                Assert.Fail($"The slow upload was answered before its body ended: {(int)early.StatusCode} {await early.Content.ReadAsStringAsync()}");
            }

            return StagedFiles().Any(f => new FileInfo(f).Length > 0);
        }, "the site writes the upload being received to its staging folder");
        site.Kill();
        slow.Release();
        await Assert.ThrowsAnyAsync<Exception>(() => sending);
        Assert.NotEmpty(StagedFiles()); // what the kill left behind

        await site.StartAsync();
        await site.WithinAsync(Soon, () => Task.FromResult(StagedFiles().Count == 0), "the start-up deletes the staged files of the killed run");
        var rows = await MediaRowsAsync();
        Assert.Contains(rows, r => r.Path == answered);
        AssertMediaAgrees(rows);
    }

    [SkippableFact]
    public async Task A_publish_killed_at_any_moment_is_all_or_nothing_and_the_search_index_catches_up()
    {
        site.SkipUnlessAvailable();
        await site.EnsureRunningAsync();
        var articles = await PublishedArticlesAsync();
        int[] delays = [0, 25, 120];
        Assert.True(articles.Count > delays.Length, $"{articles.Count} published articles in the sample content.");
        var run = Guid.NewGuid().ToString("N")[..6];
        var attempts = new List<(string Id, string OldTitle, string Title, string Word, bool Answered)>();

        // Answered before the kill: committed.
        var word = "daxuatban" + run;
        using (var admin = await SignInAsync(Accounts.Administrator))
        {
            var (form, fields) = await PublishFormAsync(admin, articles[0].Id, "Góc thiên nhiên " + word);
            using var published = await admin.Http.PostAsync(new Uri(site.Node, form), new FormUrlEncodedContent(fields));
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"{(int)published.StatusCode}: publishing before the kill");
            attempts.Add((articles[0].Id, articles[0].Title, "Góc thiên nhiên " + word, word, true));
        }

        for (var i = 0; i < delays.Length; i++)
        {
            var (id, oldTitle) = (articles[i + 1].Id, articles[i + 1].Title);
            word = "xuatbando" + run + i.ToString(CultureInfo.InvariantCulture);
            var title = "Góc thiên nhiên " + word;
            using var admin = await SignInAsync(Accounts.Administrator);
            var (form, fields) = await PublishFormAsync(admin, id, title);
            var sending = admin.Http.PostAsync(new Uri(site.Node, form), new FormUrlEncodedContent(fields));
            await Task.Delay(delays[i]);
            site.Kill();
            attempts.Add((id, oldTitle, title, word, await AnsweredAsync(sending, HttpStatusCode.Redirect)));
            await site.StartAsync();
        }

        using var reader = await SignInAsync(Accounts.Administrator);
        foreach (var (id, oldTitle, title, attemptWord, wasAnswered) in attempts)
        {
            var versions = await site.QueryAsync(
                """SELECT "ContentItemVersionId", "DisplayText", "Published", "Latest" FROM "ContentItemVersions" WHERE "ContentItemId" = @id""",
                r => (Version: r.GetString(0), Title: r.GetString(1), Published: r.GetBoolean(2), Latest: r.GetBoolean(3)), ("@id", id));
            var published = Assert.Single(versions, v => v.Published);
            Assert.Single(versions, v => v.Latest);
            var route = Assert.Single(await site.QueryAsync(
                """
                SELECT r."Path", r."ContentItemVersionId" FROM "ContentRoutes" r
                JOIN "ContentItemVersions" v ON v."ContentItemVersionId" = r."ContentItemVersionId"
                WHERE v."ContentItemId" = @id AND r."Published"
                """, r => (Path: r.GetString(0), Version: r.GetString(1)), ("@id", id)));
            Assert.Equal(published.Version, route.Version);
            Assert.True(published.Title == title || published.Title == oldTitle, $"The published title of {id} is '{published.Title}'.");
            if (wasAnswered)
            {
                Assert.Equal(title, published.Title);
            }

            if (published.Title == title)
            {
                var path = route.Path.StartsWith('/') ? route.Path : "/" + route.Path;
                var tries = 0;
                await site.WithinAsync(Soon, async () => (await reader.Browser.GetTextAsync(site.Node, $"/tim-kiem?q={attemptWord}&lan={tries++}")).Html.Contains(path, StringComparison.Ordinal),
                    $"the search finds '{title}' published before the kill");
            }
        }

        await AssertSearchCaughtUpAsync();
    }

    [SkippableFact]
    public async Task A_recipe_import_killed_midway_is_applied_wholly_or_not_at_all()
    {
        site.SkipUnlessAvailable();
        await site.EnsureRunningAsync();
        var run = Guid.NewGuid().ToString("N")[..6];

        // Answered before the kill: committed.
        using (var admin = await SignInAsync(Accounts.Administrator))
        {
            using var small = await ImportAsync(admin, Recipe("crash-" + run + "-a", 3), "crash-a.recipe.json");
            Assert.True(small.StatusCode == HttpStatusCode.Redirect, $"{(int)small.StatusCode}: {await ErrorsAsync(small)}");
        }

        Assert.Equal(3, await ItemCountAsync("crash-" + run + "-a"));
        var outcomes = new List<(string Prefix, string File, bool Answered)> { ("crash-" + run + "-a", "crash-a.recipe.json", true) };

        int[] delays = [300, 1200];
        const int Items = 400;
        for (var i = 0; i < delays.Length; i++)
        {
            var prefix = $"crash-{run}-b{i}";
            var file = $"crash-b{i}.recipe.json";
            using var admin = await SignInAsync(Accounts.Administrator);
            var token = await TokenAsync(admin, "/admin/cong-thuc");
            var sending = admin.Http.PostAsync(new Uri(site.Node, "/admin/cong-thuc"), RecipeForm(token, Recipe(prefix, Items), file));
            await Task.Delay(delays[i]);
            site.Kill();
            outcomes.Add((prefix, file, await AnsweredAsync(sending, HttpStatusCode.Redirect)));
            await site.StartAsync();
        }

        foreach (var (prefix, file, answered) in outcomes)
        {
            var expected = prefix.EndsWith("-a", StringComparison.Ordinal) ? 3 : Items;
            var count = await ItemCountAsync(prefix);
            var recorded = (await site.QueryAsync("""SELECT count(*) FROM "RecipeExecutions" WHERE "FileName" = @file""", r => r.GetInt64(0), ("@file", file))).Single();
            Assert.True(count == 0 || count == expected, $"{count} of the {expected} items of {file} are on the site.");
            Assert.Equal(count == expected ? 1 : 0, recorded);
            if (answered)
            {
                Assert.Equal(expected, count);
            }
        }

        Assert.Empty(StagedFiles());
        await AssertSearchCaughtUpAsync();
    }

    [SkippableFact]
    public async Task A_report_submission_killed_at_any_moment_is_all_or_nothing_and_the_outbox_resumes_after_the_restart()
    {
        site.SkipUnlessAvailable();
        await site.EnsureRunningAsync();

        // An e-mail waits in the outbox when the site is killed: its SMTP server cannot be reached in that run.
        site.Kill();
        site.SmtpReachable = false;
        await site.StartAsync();
        var subject = "Thư chờ gửi trước sự cố " + Guid.NewGuid().ToString("N")[..6];
        var userId = (await site.QueryAsync("""SELECT "Id" FROM "AspNetUsers" WHERE "UserName" = @name""", r => r.GetString(0), ("@name", Accounts.DistrictCurator))).Single();
        await site.QueryAsync(
            """
            INSERT INTO "Notifications" ("UserId", "EventKey", "Kind", "Subject", "Body", "CreatedUtc", "EmailStatus", "EmailAttempts")
            VALUES (@user, @key, 'SubmissionReceived', @subject, 'Thư gửi sau khi trang khởi động lại.', @now, 'Pending', 0)
            """, r => 0, ("@user", userId), ("@key", "crash:" + subject), ("@subject", subject), ("@now", DateTime.UtcNow));
        await site.WithinAsync(Soon, async () => (await site.QueryAsync(
                """SELECT "EmailAttempts" FROM "Notifications" WHERE "Subject" = @subject AND "EmailStatus" = 'Pending' AND "EmailLastError" IS NOT NULL""",
                r => r.GetInt32(0), ("@subject", subject))).Count == 1,
            "the outbox tried to send the e-mail and keeps it for its next attempt");

        // Lương Sơn's report of the Hòa Bình round (sample content): not started.
        var roundId = (await site.QueryAsync("""SELECT "Id" FROM "ReportRounds" WHERE "Key" = 'so-ket-02-nam-hoa-binh'""", r => r.GetInt32(0))).Single();
        var indicators = ReportJson.ReadIndicators((await site.QueryAsync("""SELECT "IndicatorsJson" FROM "ReportRounds" WHERE "Id" = @id""", r => r.GetString(0), ("@id", roundId))).Single());
        var url = $"/admin/bao-cao/cua-don-vi/{roundId}";
        using (var unit = await SignInAsync(Accounts.OtherDistrictCurator))
        {
            using var started = await unit.Browser.PostFormAsync(site.Node, url, url + "/bat-dau", []);
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        site.Kill();
        // A kill between claiming the e-mail and recording the failed attempt leaves it claimed for its lease
        // (3 × ChuyenDe:Smtp:Timeout + 1 minute): the restarted site sends it once the lease has run out.
        var waiting = (await site.QueryAsync("""SELECT "EmailNextAttemptUtc" FROM "Notifications" WHERE "Subject" = @subject AND "EmailStatus" = 'Pending'""",
            r => r.IsDBNull(0) ? DateTime.UtcNow : DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), ("@subject", subject))).Single();
        var mailLimit = Soon + (waiting > DateTime.UtcNow ? waiting - DateTime.UtcNow : TimeSpan.Zero);
        site.SmtpReachable = true;
        await site.StartAsync();
        var submitted = false;
        var answeredBeforeKill = false;
        foreach (var delay in new[] { 0, 30, 120, 400, 1500 })
        {
            using (var unit = await SignInAsync(Accounts.OtherDistrictCurator))
            {
                var page = await unit.Browser.GetDocumentAsync(site.Node, url);
                var token = page.QuerySelector("form.unit-report input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException("The report form has no anti-forgery token.");
                var fields = ReportsTestSupport.FormFields(page, "form.unit-report")
                    .Select(f => f.Name.StartsWith("section-", StringComparison.Ordinal) ? (f.Name, "Phòng đã triển khai nội dung **" + f.Name[8..] + "**.") : f).ToList();
                foreach (var indicator in indicators)
                {
                    fields = fields.With("value-" + indicator.Key, indicator.Kind switch
                    {
                        IndicatorKind.WholeNumber => "12",
                        IndicatorKind.Percentage => "85,5",
                        IndicatorKind.Decimal => "12,5",
                        IndicatorKind.YesNo => "Có",
                        _ => "Ghi chú của phòng",
                    });
                }

                var form = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
                    .Append(new("_action", "submit")).Append(new("__RequestVerificationToken", token)).ToList();
                var sending = unit.Http.PostAsync(new Uri(site.Node, url), new FormUrlEncodedContent(form));
                await Task.Delay(delay);
                site.Kill();
                answeredBeforeKill = await AnsweredAsync(sending, HttpStatusCode.Redirect);
            }

            await site.StartAsync();
            var (state, submittedVersions, version, lastKind) = await ReportStateAsync(roundId, "phong-luong-son");
            // All or nothing: the unit's state, its submitted version and the report's current version agree.
            Assert.Equal(state == "Submitted" ? 1 : 0, submittedVersions);
            if (state == "Submitted")
            {
                Assert.Equal("Submitted", lastKind);
                Assert.True(version > 0);
            }

            if (answeredBeforeKill)
            {
                Assert.Equal("Submitted", state);
            }

            if (state == "Submitted")
            {
                submitted = true;
                break;
            }
        }

        Assert.True(submitted, "One of the submissions was committed before its kill (the last one waited 1.5 s).");

        // The outbox of the restarted site sends the e-mail queued before the kills.
        await site.Smtp.WaitForAsync(m => m.Subject == subject, mailLimit);
        await AssertSearchCaughtUpAsync();
    }

    private async Task<(string State, long SubmittedVersions, int Version, string? LastKind)> ReportStateAsync(int roundId, string organizationId)
    {
        var state = (await site.QueryAsync("""SELECT "ReportState" FROM "ReportRoundUnits" WHERE "RoundId" = @round AND "OrganizationId" = @org""",
            r => r.GetString(0), ("@round", roundId), ("@org", organizationId))).Single();
        var report = (await site.QueryAsync("""SELECT "Id", "Version" FROM "UnitReports" WHERE "RoundId" = @round AND "OrganizationId" = @org""",
            r => (Id: r.GetString(0), Version: r.GetInt32(1)), ("@round", roundId), ("@org", organizationId))).Single();
        var versions = await site.QueryAsync("""SELECT "Number", "Kind" FROM "UnitReportVersions" WHERE "ReportId" = @id ORDER BY "Number" """,
            r => (Number: r.GetInt32(0), Kind: r.GetString(1)), ("@id", report.Id));
        Assert.Equal(report.Version, versions.Count == 0 ? 0 : versions[^1].Number);
        return (state, versions.Count(v => v.Kind == "Submitted"), report.Version, versions.Count == 0 ? null : versions[^1].Kind);
    }

    /// <summary>/health/ready: the search index of the restarted site has no task left and says so.</summary>
    private async Task AssertSearchCaughtUpAsync()
    {
        using var http = new HttpClient { BaseAddress = site.Node, Timeout = TimeSpan.FromSeconds(10) };
        JsonNode? report = null;
        await site.WithinAsync(Soon, async () =>
        {
            using var response = await http.GetAsync("/health/ready");
            report = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var search = report?["entries"]?["search"];
            return response.StatusCode == HttpStatusCode.OK && search?["status"]?.GetValue<string>() == "Healthy"
                && search["data"]?["pendingTasks"]?.GetValue<int>() == 0;
        }, "/health/ready reports the search index caught up");
        Assert.Equal("Healthy", report!["entries"]!["outbox"]!["status"]!.GetValue<string>());
    }

    /// <summary>Whether the request was answered with <paramref name="status"/> before the kill (no answer: false).</summary>
    private static async Task<bool> AnsweredAsync(Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        try
        {
            using var response = await sending;
            return response.StatusCode == status;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    private sealed class Session(NodeClient browser) : IDisposable
    {
        public NodeClient Browser => browser;

        public HttpClient Http { get; } = new(new HttpClientHandler { CookieContainer = browser.Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

        public void Dispose()
        {
            Http.Dispose();
            browser.Dispose();
        }
    }

    private async Task<Session> SignInAsync(string userName)
    {
        var browser = new NodeClient();
        using var signedIn = await browser.SignInAsync(site.Node, userName, userName == Accounts.Administrator ? CmsAppFactory.AdminPassword : CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new Session(browser);
    }

    private async Task<string> TokenAsync(Session session, string page) => Token((await session.Browser.GetTextAsync(site.Node, page)).Html);

    private static string Token(string html)
        => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
           ?? throw new InvalidOperationException("No anti-forgery token on the page.");

    private async Task<(string Action, List<KeyValuePair<string, string>> Fields)> PublishFormAsync(Session session, string id, string title)
    {
        var form = EditorForm.Of(await session.Browser.GetDocumentAsync(site.Node, $"/admin/noi-dung/{id}/sua"));
        form.Set("TitlePart.Title", title).Set("ConsentPart.Confirmed", "true");
        return (form.Action, form.With("_action", "publish").Append(new("__RequestVerificationToken", form.Token)).ToList());
    }

    private async Task<List<(string Id, string Title)>> PublishedArticlesAsync()
        => await site.QueryAsync(
            """
            SELECT v."ContentItemId", v."DisplayText" FROM "ContentRoutes" r
            JOIN "ContentItemVersions" v ON v."ContentItemVersionId" = r."ContentItemVersionId"
            WHERE r."Published" AND v."Published" AND v."ContentType" = 'Article'
            ORDER BY v."ContentItemId"
            """, r => (r.GetString(0), r.GetString(1)));

    private HttpRequestMessage UploadRequest(string token, HttpContent file, string fileName)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"" + fileName + "\"" };
        var content = new MultipartFormDataContent { file };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(site.Node, "/admin/tep/tai-len")) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-CSRF-TOKEN", token);
        return request;
    }

    /// <summary>Uploads the document once more and returns the JSON answer (the upload answered before a kill).</summary>
    private async Task<string> LastUploadAnswerAsync(Session session, string token, byte[] docx)
    {
        using var response = await session.Http.SendAsync(UploadRequest(token, new ByteArrayContent(docx), "ke-hoach-da-luu.docx"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private List<string> StagedFiles()
        => Directory.Exists(site.StagingFolder) ? Directory.GetFiles(site.StagingFolder, "*", SearchOption.AllDirectories).ToList() : [];

    private async Task<List<(string Path, long Length)>> MediaRowsAsync()
        => await site.QueryAsync("""SELECT "Path", "Length" FROM "MediaFiles" """, r => (r.GetString(0), r.GetInt64(1)));

    /// <summary>Every media row has its file, of its size; every uploaded file has its row (no half-written file).</summary>
    private void AssertMediaAgrees(List<(string Path, long Length)> rows)
    {
        foreach (var (path, length) in rows)
        {
            var file = Path.Combine(site.MediaFolder, path);
            Assert.True(File.Exists(file), $"The media row {path} has no file.");
            Assert.Equal(length, new FileInfo(file).Length);
        }

        var uploads = Path.Combine(site.MediaFolder, "u");
        var known = rows.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(uploads))
        {
            foreach (var file in Directory.GetFiles(uploads, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(site.MediaFolder, file).Replace(Path.DirectorySeparatorChar, '/');
                Assert.True(known.Contains(relative), $"The uploaded file {relative} has no media row.");
            }
        }
    }

    private async Task<long> ItemCountAsync(string prefix)
        => (await site.QueryAsync("""SELECT count(DISTINCT "ContentItemId") FROM "ContentItemVersions" WHERE "ContentItemId" LIKE @prefix""",
            r => r.GetInt64(0), ("@prefix", prefix + "-%"))).Single();

    private async Task<HttpResponseMessage> ImportAsync(Session session, string recipe, string fileName)
        => await session.Http.PostAsync(new Uri(site.Node, "/admin/cong-thuc"), RecipeForm(await TokenAsync(session, "/admin/cong-thuc"), recipe, fileName));

    private static MultipartFormDataContent RecipeForm(string token, string recipe, string fileName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(recipe));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "recipe", fileName },
        };
    }

    /// <summary>A recipe of <paramref name="count"/> published articles (ids <c>{prefix}-{n}</c>), each with a body of some length.</summary>
    private static string Recipe(string prefix, int count)
    {
        var items = new JsonArray();
        for (var n = 0; n < count; n++)
        {
            var id = $"{prefix}-{n}";
            var title = $"Tin thử khôi phục sau sự cố số {n} {prefix}";
            items.Add(new JsonObject
            {
                ["ContentItemId"] = id,
                ["ContentItemVersionId"] = id + "-v1",
                ["ContentType"] = "Article",
                ["DisplayText"] = title,
                ["Latest"] = true,
                ["Published"] = true,
                ["ModifiedUtc"] = "2026-12-01T03:00:00Z",
                ["PublishedUtc"] = "2026-12-01T03:00:00Z",
                ["CreatedUtc"] = "2026-12-01T03:00:00Z",
                ["Owner"] = "admin",
                ["Author"] = "admin",
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["AutoroutePart"] = new JsonObject { ["Path"] = "tin-tuc/" + id },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = string.Concat(Enumerable.Repeat("Trẻ chơi ở góc thiên nhiên, quan sát lá cây và ghi lại điều mình thấy. ", 20)) },
                ["OrganizationPart"] = new JsonObject { ["OrganizationId"] = "phong-quan-1" },
                ["Article"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tin thử của phép thử khôi phục sau sự cố." } },
            });
        }

        return new JsonObject
        {
            ["name"] = "ChuyenDe.Tests.Crash." + prefix,
            ["displayName"] = "Công thức thử sự cố " + prefix,
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "Content", ["data"] = items }),
        }.ToJsonString();
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return string.Join(" | ", document.QuerySelectorAll(".error-summary, .field-error, .flash, .recipe-refusal, .alert").Select(e => e.TextContent.Trim()));
    }

    /// <summary>
    /// A file body sent in two parts: 512 KB at once, then (after <see cref="Release"/>) another 512 KB; the site is
    /// killed in between, while it writes the staged copy.
    /// </summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[512 * 1024];
            Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(chunk, 0);
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
            await _released.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await stream.WriteAsync(new byte[512 * 1024]);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
