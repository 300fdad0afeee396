using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChuyenDe.Tests.Functional.Admin;

namespace ChuyenDe.Tests.Functional.ScaleOut;

/// <summary>
/// Issue 16's proof of the scale-out mode: two real nodes on PostgreSQL and Redis behind nginx (<see cref="TwoNodeFixture"/>).
/// Each case takes sample items of its own, so the cases do not depend on their order.
/// </summary>
public sealed class TwoNodeTests(TwoNodeFixture site) : IClassFixture<TwoNodeFixture>
{
    /// <summary>How soon a change on one node must show on the other.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Both_nodes_started_together_applied_the_setup_once_and_nginx_sends_to_both()
    {
        site.SkipUnlessAvailable();
        var administrators = await site.QueryAsync("""SELECT count(*) FROM "AspNetUsers" WHERE "UserName" = 'admin'""", Count);
        Assert.Equal(1, administrators);
        // Each recipe (setup, sample content) applied once, by whichever node took the lock first.
        var applied = await site.QueryAsync("""SELECT count(*), count(DISTINCT "FileName") FROM "RecipeExecutions" """,
            r => r.Read() ? (r.GetInt64(0), r.GetInt64(1)) : (0, 0));
        Assert.True(applied.Item1 >= 2);
        Assert.Equal(applied.Item2, applied.Item1);

        using var client = new NodeClient();
        var upstreams = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(site.Proxy, "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            upstreams.Add(Upstream(response));
        }

        Assert.Equal(2, upstreams.Count);
    }

    [SkippableFact]
    public async Task A_user_signed_in_through_one_node_stays_signed_in_on_the_other()
    {
        site.SkipUnlessAvailable();
        using var client = new NodeClient();
        using var signedIn = await client.SignInAsync(site.NodeA, Accounts.DistrictCurator, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Node B reads node A's cookie (one key ring in Redis), and so does whichever node nginx picks.
        using var onB = await client.GetAsync(site.NodeB, "/admin");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        var upstreams = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(site.Proxy, "/admin");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            upstreams.Add(Upstream(response));
        }

        Assert.Equal(2, upstreams.Count);

        // A form rendered by one node is accepted by the other (anti-forgery tokens from the same key ring).
        using var signedOut = await client.PostFormAsync(site.NodeA, "/admin", "/admin/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var afterwards = await client.GetAsync(site.NodeB, "/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_spread_over_both_nodes_count_together()
    {
        site.SkipUnlessAvailable();
        using var client = new NodeClient();
        // In turn on A and B: 3 + 2 failures, each node below its own allowance of 4, together above it.
        for (var i = 0; i < 5; i++)
        {
            var node = i % 2 == 0 ? site.NodeA : site.NodeB;
            using var failed = await client.SignInAsync(node, Accounts.Reviewer, "Sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode); // the form again, with the message
        }

        // The sixth attempt, with the right password, is refused: it comes too early after five failures.
        using var sixth = await client.SignInAsync(site.NodeB, Accounts.Reviewer, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("dang-nhap", (await client.GetAsync(site.NodeA, "/admin")).Headers.Location?.ToString() ?? "");

        // Once the wait is over, the right password goes through, on either node.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var later = await client.SignInAsync(site.NodeA, Accounts.Reviewer, CmsAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [SkippableFact]
    public async Task Publishing_on_one_node_shows_on_the_other_and_unpublishing_there_evicts_the_first_node_s_page()
    {
        site.SkipUnlessAvailable();
        var (id, path) = (await PublishedArticlesAsync())[0];
        using var editor = new NodeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(site.NodeA, Accounts.Administrator, CmsAppFactory.AdminPassword)).StatusCode);
        using var visitor = new NodeClient();

        // B has the page and a search without the new word in its caches.
        var word = "nhanrong" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetTextAsync(site.NodeB, path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetTextAsync(site.NodeB, path)).Status);
        Assert.DoesNotContain(id, (await visitor.GetTextAsync(site.NodeB, "/tim-kiem?q=" + word)).Html);

        // A new title published on A.
        var form = EditorForm.Of(await editor.GetDocumentAsync(site.NodeA, $"/admin/noi-dung/{id}/sua"));
        var title = "Góc thiên nhiên " + word;
        form.Set("TitlePart.Title", title).Set("ConsentPart.Confirmed", "true");
        using (var published = await editor.PostAsync(site.NodeA, form.Action, form.With("_action", "publish").Append(new("__RequestVerificationToken", form.Token))))
        {
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await Errors(published));
        }

        path = (await PublishedArticlesAsync()).Single(i => i.Id == id).Path;
        await WithinAsync(Soon, async () => (await visitor.GetTextAsync(site.NodeB, path)).Html.Contains(title, StringComparison.Ordinal),
            "the page on node B shows the title published on node A");
        await WithinAsync(Soon, async () => (await visitor.GetTextAsync(site.NodeB, "/tim-kiem?q=" + word)).Html.Contains(path, StringComparison.Ordinal),
            "the search on node B finds the title published on node A");

        // A has the page cached; unpublished on B, it is gone from A.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetTextAsync(site.NodeA, path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetTextAsync(site.NodeA, path)).Status);
        using (var unpublished = await editor.PostFormAsync(site.NodeB, $"/admin/noi-dung/{id}", $"/admin/noi-dung/{id}/go-xuat-ban", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        await WithinAsync(Soon, async () => (await visitor.GetTextAsync(site.NodeA, path)).Status == HttpStatusCode.NotFound,
            "the page cached on node A is gone once node B unpublished it");
    }

    [SkippableFact]
    public async Task A_scheduled_publication_and_a_notification_email_happen_once_not_twice()
    {
        site.SkipUnlessAvailable();
        var (id, path) = (await PublishedArticlesAsync())[1];
        using var editor = new NodeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(site.NodeB, Accounts.Administrator, CmsAppFactory.AdminPassword)).StatusCode);
        using (var unpublished = await editor.PostFormAsync(site.NodeB, $"/admin/noi-dung/{id}", $"/admin/noi-dung/{id}/go-xuat-ban", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        // Scheduled for this minute (Vietnam time): due at once for both nodes' schedulers, which run every second.
        var since = DateTime.UtcNow.AddSeconds(-1);
        var form = EditorForm.Of(await editor.GetDocumentAsync(site.NodeA, $"/admin/noi-dung/{id}/sua"));
        var local = DateTime.UtcNow.AddHours(7);
        form.Set("PublishLaterPart.ScheduledPublishUtc", local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))
            .Set("ConsentPart.Confirmed", "true");
        using (var saved = await editor.PostAsync(site.NodeA, form.Action, form.With("_action", "draft").Append(new("__RequestVerificationToken", form.Token))))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await Errors(saved));
        }

        var versions = await site.QueryAsync(
            """SELECT string_agg(concat_ws(' ', "Latest", "Published", "ScheduledPublishUtc"), '; ') FROM "ContentItemVersions" WHERE "ContentItemId" = @id""",
            r => r.Read() ? r.GetString(0) : "", ("id", id));
        await WithinAsync(TimeSpan.FromSeconds(10), async () => (await PublishedArticlesAsync()).Any(i => i.Id == id),
            $"the scheduled item is published (versions: {versions})");
        await Task.Delay(TimeSpan.FromSeconds(3)); // more passes of both schedulers
        var publications = await site.QueryAsync(
            """SELECT count(*) FROM "AuditEntries" WHERE "ContentItemId" = @id AND "Action" = 'Published' AND "OccurredUtc" >= @since""",
            Count, ("id", id), ("since", since));
        Assert.Equal(1, publications);

        // A notification waiting in the outbox is sent by one node only.
        var subject = "Thông báo hai máy chủ " + Guid.NewGuid().ToString("N")[..6];
        var userId = await site.QueryAsync("""SELECT "Id" FROM "AspNetUsers" WHERE "UserName" = @name""",
            r => r.Read() ? r.GetString(0) : throw new InvalidOperationException("No such user."), ("name", Accounts.DistrictCurator));
        await site.QueryAsync(
            """
            INSERT INTO "Notifications" ("UserId", "EventKey", "Kind", "Subject", "Body", "CreatedUtc", "EmailStatus", "EmailAttempts")
            VALUES (@user, @key, 'SubmissionReceived', @subject, 'Hai máy chủ, một thư.', now() at time zone 'utc', 'Pending', 0)
            """,
            r => r.RecordsAffected, ("user", userId), ("key", "two-nodes:" + subject), ("subject", subject));
        await site.Smtp.WaitForAsync(m => m.Subject == subject, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(2)); // several rounds of both outboxes
        Assert.Single(site.Smtp.Received, m => m.Subject == subject);
    }

    private async Task<IReadOnlyList<(string Id, string Path)>> PublishedArticlesAsync()
        => await site.QueryAsync(
            """
            SELECT v."ContentItemId", r."Path" FROM "ContentRoutes" r
            JOIN "ContentItemVersions" v ON v."ContentItemVersionId" = r."ContentItemVersionId"
            WHERE r."Published" AND v."Published" AND v."ContentType" = 'Article'
            ORDER BY v."ContentItemId"
            """,
            r =>
            {
                var list = new List<(string, string)>();
                while (r.Read())
                {
                    var route = r.GetString(1);
                    list.Add((r.GetString(0), route.StartsWith('/') ? route : "/" + route));
                }

                return list;
            });

    /// <summary>The error summary of a form answered again (what the editor refused).</summary>
    private static async Task<string> Errors(HttpResponseMessage response)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return $"{(int)response.StatusCode}: " + string.Join(" | ", document.QuerySelectorAll(".error-summary, .field-error, .flash").Select(e => e.TextContent.Trim()));
    }

    private static long Count(Npgsql.NpgsqlDataReader reader) => reader.Read() ? reader.GetInt64(0) : 0;

    private static string Upstream(HttpResponseMessage response)
        => response.Headers.TryGetValues(TwoNodeFixture.UpstreamHeader, out var values) ? values.Single() : "";

    private async Task WithinAsync(TimeSpan limit, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Not within {limit.TotalSeconds:0.#} s: {what}.\n{site.Logs()}");
            }

            await Task.Delay(100);
        }
    }
}
