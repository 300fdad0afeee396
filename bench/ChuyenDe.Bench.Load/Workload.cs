using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// The mixed traffic, open loop: requests are scheduled at a fixed rate whatever the answers' speed, and each latency is
/// measured from the request's scheduled time (so a slow server cannot hide its queue: no coordinated omission). The
/// anonymous rate is what steps up: of every 9 anonymous requests 7 are pages (home, library, lists and item pages of
/// the sample content, from the sitemap) and 2 are searches. Beside them, all through every run, each signed-in editor
/// saves a draft of their own item every <see cref="EditEvery"/> (opening the edit form, then posting it), on a
/// schedule of their own, also measured from its scheduled time. Editing is people at work, so its rate does not
/// grow with the crowd of readers: 8 editors saving every 4 s (2 saves a second, ~7,000 an hour) is already far more
/// than a Department's staff produce on a conference day. Anonymous requests share a pool of up to
/// <see cref="Connections"/> connections (many readers); redirects are not followed and count as answers.
/// </summary>
public sealed partial class Workload : IDisposable
{
    public const int Connections = 512;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How often each editor saves a draft.</summary>
    public static readonly TimeSpan EditEvery = TimeSpan.FromSeconds(4);

    // With and without tone marks: the search folds them, both must find the same items.
    private static readonly string[] Words =
    [
        "tre", "trẻ", "giáo dục", "giao duc", "học sinh", "hoc sinh", "thiên nhiên", "thien nhien", "sáng kiến", "sang kien",
        "toán", "toan", "tiếng việt", "tieng viet", "môi trường", "moi truong", "đọc sách", "doc sach", "kỹ năng", "ky nang",
    ];

    private readonly HttpClient _anonymous;
    private readonly List<string> _pages;
    private readonly List<EditorSession> _editors;
    private long _next;

    private Workload(HttpClient anonymous, List<string> pages, List<EditorSession> editors)
    {
        _anonymous = anonymous;
        _pages = pages;
        _editors = editors;
    }

    public int PageCount => _pages.Count;

    public IReadOnlyList<EditorSession> Editors => _editors;

    /// <summary>
    /// Reads the site's pages from its sitemap, waits until every node's search index has the sample content, signs in
    /// the demo editors (and the administrator) and gives each session a content item of its own to edit.
    /// </summary>
    public static async Task<Workload> PrepareAsync(Site site, int editorSessions)
    {
        var anonymous = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = site.Address,
            Timeout = Timeout,
        };

        var sitemap = await anonymous.GetStringAsync("/sitemap.xml");
        var pages = LocPattern().Matches(sitemap).Select(m => new Uri(m.Groups[1].Value).PathAndQuery).Distinct().Take(200).ToList();
        pages.AddRange(["/", "/kho-hoc-lieu"]);
        var items = pages.Where(p => p.Count(c => c == '/') == 2).ToList();
        if (items.Count == 0)
        {
            throw new InvalidOperationException("The sitemap lists no item page; was the sample content applied?");
        }

        foreach (var node in site.NodeAddresses)
        {
            using var http = new HttpClient { BaseAddress = node, Timeout = Timeout };
            var deadline = Stopwatch.StartNew();
            while (!items.Any((await http.GetStringAsync("/tim-kiem?q=tre")).Contains))
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new TimeoutException($"/tim-kiem?q=tre on {node} found no item within 3 minutes.");
                }

                await Task.Delay(1000);
            }
        }

        var editors = await SignInEditorsAsync(site, editorSessions);
        return new Workload(anonymous, pages, editors);
    }

    // The demo accounts that edit content, then more sessions of the administrator until there are enough; each session
    // edits an item no other session edits, and is tried once before the load starts.
    private static async Task<List<EditorSession>> SignInEditorsAsync(Site site, int count)
    {
        string[] demo = ["so.hcm", "phong.quan1", "phong.luongson", "truong.benthanh", "truong.cuulong"];
        var accounts = demo.Select(u => (User: u, Password: Site.DemoPassword))
            .Concat(Enumerable.Repeat((User: Site.AdminUserName, Password: site.AdminPassword), count))
            .ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var sessions = new List<EditorSession>();
        foreach (var (user, password) in accounts)
        {
            if (sessions.Count == count)
            {
                break;
            }

            var session = await EditorSession.SignInAsync(site.Address, user, password, Timeout);
            if (session is null)
            {
                Console.WriteLine($"  {user} could not sign in; left out of the editors.");
                continue;
            }

            var item = (await session.EditableItemsAsync()).FirstOrDefault(taken.Add);
            string? error = "has no item of their own left to edit";
            if (item is not null)
            {
                session.Assign(item);
                error = await session.EditAsync(CancellationToken.None);
            }

            if (error is null)
            {
                sessions.Add(session);
            }
            else
            {
                Console.WriteLine($"  {user} left out of the editors: {error}.");
                session.Dispose();
            }
        }

        if (sessions.Count == 0)
        {
            throw new InvalidOperationException("No editor could sign in and save a draft.");
        }

        return sessions;
    }

    /// <summary>
    /// Sends anonymous requests at <paramref name="rate"/> per second for <paramref name="duration"/>, while every
    /// editor saves a draft every <see cref="EditEvery"/>, into <paramref name="into"/> when given (to be read meanwhile).
    /// <paramref name="stop"/> ends the run early: nothing more is sent, and what was sent is awaited.
    /// </summary>
    public async Task<RunResult> RunAsync(double rate, TimeSpan duration, RunResult? into = null, CancellationToken stop = default)
    {
        var result = into ?? new RunResult(rate, duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var editing = _editors.Select((editor, i) => EditLoopAsync(editor, TimeSpan.FromTicks(EditEvery.Ticks * i / _editors.Count), duration, clock, result, stop)).ToList();
        var count = (long)Math.Round(rate * duration.TotalSeconds);

        // No task is kept per request (a 10-minute soak sends millions): a count of requests in flight, and the run
        // ends when the last one answers.
        var pending = new Counter { Value = 1 };
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lag = TimeSpan.Zero;
        for (long i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            await WaitUntilAsync(clock, due);
            if (clock.Elapsed - due is var late && late > lag)
            {
                lag = late;
            }

            var n = Interlocked.Increment(ref _next);
            Interlocked.Increment(ref pending.Value);
            _ = Task.Run(async () =>
            {
                try
                {
                    await OneAsync(n, due, clock, result);
                }
                finally
                {
                    if (Interlocked.Decrement(ref pending.Value) == 0)
                    {
                        allAnswered.TrySetResult();
                    }
                }
            });
        }

        if (Interlocked.Decrement(ref pending.Value) == 0)
        {
            allAnswered.TrySetResult();
        }

        await allAnswered.Task;
        await Task.WhenAll(editing);
        result.DispatchLagMs = lag.TotalMilliseconds;
        return result;
    }

    // One editor's saves, due at offset + k × EditEvery while the run lasts; a save that is late (the previous one
    // still running) starts at once and its latency counts from when it was due.
    private static async Task EditLoopAsync(EditorSession editor, TimeSpan offset, TimeSpan duration, Stopwatch clock, RunResult result, CancellationToken stop)
    {
        for (var due = offset; due < duration; due += EditEvery)
        {
            await WaitUntilAsync(clock, due);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            string? error;
            try
            {
                error = await editor.EditAsync(CancellationToken.None);
            }
            catch (TaskCanceledException)
            {
                error = $"timeout ({Timeout.TotalSeconds:0} s)";
            }
            catch (HttpRequestException e)
            {
                error = e.HttpRequestError.ToString();
            }

            result.Add(RequestKind.Edit, (clock.Elapsed - due).TotalMilliseconds, error);
        }
    }

    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan due)
    {
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }
    }

    private async Task OneAsync(long n, TimeSpan due, Stopwatch clock, RunResult result)
    {
        var kind = n % 9 is 3 or 7 ? RequestKind.Search : RequestKind.Page;
        string? error;
        try
        {
            error = kind == RequestKind.Search
                ? await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(Words[Random.Shared.Next(Words.Length)]))
                : await GetAsync(_pages[Random.Shared.Next(_pages.Count)]);
        }
        catch (TaskCanceledException)
        {
            error = $"timeout ({Timeout.TotalSeconds:0} s)";
        }
        catch (HttpRequestException e)
        {
            error = e.HttpRequestError.ToString();
        }

        result.Add(kind, (clock.Elapsed - due).TotalMilliseconds, error);
    }

    private async Task<string?> GetAsync(string path)
    {
        // The body is read to its end (as a browser does) into a pooled buffer, not kept: the generator's own garbage
        // collection must not become what is measured.
        using var response = await _anonymous.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
        var status = (int)response.StatusCode;
        return status is >= 200 and < 400 ? null : $"{path}: {status}";
    }

    public void Dispose()
    {
        _anonymous.Dispose();
        foreach (var editor in _editors)
        {
            editor.Dispose();
        }
    }

    private sealed class Counter
    {
        public long Value;
    }

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex LocPattern();
}
