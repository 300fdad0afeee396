// Issue 12 benchmark: the public pages of the published site under wrk (32 connections, one thread pinned to core 1)
// against two references serving the same bytes of an item page from core 0 — nginx and a bare Kestrel app — with the
// site's output cache on and, in a second child process, off; plus the site's anonymous memory at the end of each run.
//
//   dotnet run -c Release --project bench/ChuyenDe.Bench.Pages [-- --duration 10 | --quick] [--rounds 3] [--no-build]
//
// Exit code: 0 every goal PASS, 1 a goal FAILed (or the benchmark could not run), 2 bad arguments or a missing program.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChuyenDe.Bench.Pages;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var seconds = 10;
var rounds = 3;
var build = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            seconds = 3;
            break;
        case "--duration" when i + 1 < args.Length && int.TryParse(args[i + 1], out var d) && d > 0:
            seconds = d;
            i++;
            break;
        case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
            rounds = r;
            i++;
            break;
        case "--no-build":
            build = false;
            break;
        default:
            Console.WriteLine($"Unknown argument '{args[i]}'. Options: --duration SECONDS (default 10), --quick (3 s), --rounds N (default 3), --no-build.");
            return 2;
    }
}

var missing = Tools.MissingPackages();
if (missing.Count > 0)
{
    Console.WriteLine($"Missing: {string.Join(", ", missing)}. Install with:");
    Console.WriteLine($"  sudo apt-get install -y {string.Join(' ', missing)}");
    return 2;
}

if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2)
{
    Console.WriteLine("The benchmark needs Linux and 2 cores (servers on core 0, wrk on core 1).");
    return 2;
}

var root = FindRepositoryRoot();
var publishFolder = Path.Combine(root, "bench", "ChuyenDe.Bench.Pages", "bin", "site");
if (build)
{
    Console.WriteLine("Publishing src/ChuyenDe.Cms (Release)…");
    if (Run("dotnet", root, "publish", "src/ChuyenDe.Cms", "-c", "Release", "-o", publishFolder, "-v", "q", "-nologo") != 0)
    {
        Console.WriteLine("ERROR: the site did not publish.");
        return 1;
    }
}

if (!File.Exists(Path.Combine(publishFolder, "ChuyenDe.Cms.dll")))
{
    Console.WriteLine($"ERROR: {publishFolder} holds no published site; run without --no-build.");
    return 1;
}

// This process (and the bare Kestrel reference in it) on core 0 with the site and nginx; wrk alone on core 1.
Process.GetCurrentProcess().ProcessorAffinity = 1;
// Warm-up: rounds of a short wrk run per URL for at least warmUpSeconds, then until every URL's rate in the last round
// is within 10 % of its mean over the two rounds before (at most 3 × warmUpSeconds). The servers' code is compiled in
// tiers while it runs (tiered JIT with profile-guided optimisation), and the background compiler shares core 0 with the
// requests: measured here, a site on one core runs its pages at tier-0 speed for 40–60 s under load, then about twice as
// fast once the hot methods are recompiled with their profiles (with DOTNET_TieredCompilation=0 the library page starts
// at once at ~1,100/s and stays there; tiered, it starts at ~800/s and holds ~2,200/s after a minute). A rate taken
// before that measures the JIT, not the server, and a production node runs for days.
var warmUpSeconds = seconds >= 10 ? 90 : 30;
var warmUpWindow = Math.Max(1, seconds / 5);
Console.WriteLine($"wrk -t1 -c{Wrk.Connections} -d{seconds}s --latency on core 1 (after a warm-up in rounds of {warmUpWindow} s per URL for {warmUpSeconds} s, then until steady); servers on core 0; load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

string[] PagePaths(string item) => [item, "/", "/kho-hoc-lieu", "/tim-kiem?q=tre", "/feed", "/sitemap.xml"];
string[] pageNames = ["item page", "home", "library", "search", "feed", "sitemap"];

// Every server is started and warmed up first, then measured in rounds: each round measures every URL once, in the same
// order (nginx, bare Kestrel, the cached site's pages, the uncached site's pages). This machine's speed drifts by tens
// of percent over minutes (other virtual machines on the host), so a reference taken minutes before the page it is
// compared with says little; a ratio is taken within each round, and the median of the rounds is reported.
var measures = new List<Measure>();
var memory = new List<(string Run, long Bytes)>();
try
{
    using var cachedSite = SiteProcess.Start(publishFolder, outputCache: true);
    using var uncachedSite = SiteProcess.Start(publishFolder, outputCache: false);
    var (itemPath, itemBytes) = await PrepareAsync(cachedSite);
    var (uncachedItem, _) = await PrepareAsync(uncachedSite);
    Console.WriteLine($"Item page {itemPath}: {itemBytes.Length:N0} bytes");

    using var nginx = await NginxProcess.StartAsync(itemBytes);
    await CheckSameBytesAsync(nginx.Address, itemBytes, "nginx");
    await using var kestrel = await BareKestrel.StartAsync(itemBytes);
    await CheckSameBytesAsync(kestrel.Address, itemBytes, "bare Kestrel");

    measures.Add(new Measure("reference", "nginx", "same bytes", nginx.Address));
    measures.Add(new Measure("reference", "bare Kestrel", "same bytes", kestrel.Address));
    foreach (var (run, site, item) in new[] { ("cached", cachedSite, itemPath), ("uncached", uncachedSite, uncachedItem) })
    {
        var paths = PagePaths(item);
        measures.AddRange(paths.Select((path, i) => new Measure(run, pageNames[i], path, new Uri(site.Address, path))));
    }

    // nginx compiles nothing: a short warm-up opens its connections. The .NET servers: see warmUpSeconds.
    await Wrk.RunAsync(nginx.Address, warmUpWindow);
    await WarmUpAsync([kestrel.Address], "bare Kestrel");
    foreach (var (run, site) in new[] { ("cached", cachedSite), ("uncached", uncachedSite) })
    {
        // The first start's background work (search indexing, image derivatives of the sample content) done first; then
        // the whole site warmed up (JIT of every page's code, caches) until steady and left to settle.
        var startup = await site.WaitUntilIdleAsync(TimeSpan.FromSeconds(90));
        Console.WriteLine($"  {run} site after its first start's background work: {startup:0} % of a core");
        await WarmUpAsync(measures.Where(m => m.Run == run).Select(m => m.Url).ToList(), $"{run} site");
        var busy = await site.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        Console.WriteLine($"  {run} site warmed up; its own CPU use before measuring: {busy:0} % of a core");
    }

    for (var round = 1; round <= rounds; round++)
    {
        Console.WriteLine($"Round {round} of {rounds} (load average {File.ReadAllText("/proc/loadavg").Trim()})");
        foreach (var m in measures)
        {
            var result = await Wrk.RunAsync(m.Url, seconds);
            m.Rounds.Add(result);
            Console.WriteLine($"  {m.Run + " " + m.Name,-24} {result.RequestsPerSecond,10:N0} requests/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  errors {result.Errors}");
        }
    }

    memory.Add(("cached", cachedSite.AnonymousMemory()));
    memory.Add(("uncached", uncachedSite.AnonymousMemory()));
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or FormatException or IOException)
{
    Console.WriteLine($"ERROR: {e.Message}");
    return 1;
}

// The table: each URL's median round (by requests/s); the ratios are the medians of the rounds' own ratios.
Measure Find(string run, string name) => measures.Single(m => m.Run == run && m.Name == name);
var nginxMeasure = Find("reference", "nginx");
var kestrelMeasure = Find("reference", "bare Kestrel");
double MedianRatio(Measure m, Measure reference)
    => Median(m.Rounds.Select((r, i) => r.RequestsPerSecond / reference.Rounds[i].RequestsPerSecond).ToList());
Console.WriteLine();
Console.WriteLine($"Median of {rounds} rounds of {seconds} s per URL (ratios: median of the rounds' own ratios):");
Console.WriteLine();
Console.WriteLine($"| run | page | requests/s | p50 ms | p99 ms | errors | % of bare Kestrel | % of nginx |");
Console.WriteLine($"|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var m in measures)
{
    var r = m.Median;
    Console.WriteLine($"| {m.Run} | {m.Name} (`{m.Path}`) | {r.RequestsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {m.Errors} | {100 * MedianRatio(m, kestrelMeasure):0.0} % | {100 * MedianRatio(m, nginxMeasure):0.0} % |");
}

Console.WriteLine();
foreach (var (run, bytes) in memory)
{
    Console.WriteLine($"RssAnon of the {run} site at the end: {bytes / 1024.0 / 1024.0:0.0} MiB");
}

// The goals, as ratios of the same rounds.
var goals = new List<(string Goal, string Measured, bool Pass)>
{
    Ratio("cached item page ≥ 40 % of nginx", Find("cached", "item page"), nginxMeasure, 0.40),
    Ratio("cached item page ≥ 80 % of bare Kestrel", Find("cached", "item page"), kestrelMeasure, 0.80),
    Ratio("uncached item page ≥ 10 % of bare Kestrel", Find("uncached", "item page"), kestrelMeasure, 0.10),
    Ratio("uncached home ≥ 5 % of bare Kestrel", Find("uncached", "home"), kestrelMeasure, 0.05),
    Ratio("uncached library ≥ 5 % of bare Kestrel", Find("uncached", "library"), kestrelMeasure, 0.05),
    Ratio("uncached search ≥ 5 % of bare Kestrel", Find("uncached", "search"), kestrelMeasure, 0.05),
};
var errors = measures.Sum(m => m.Errors);
goals.Add(("0 errors (non-2xx/3xx answers and socket errors, every run)", $"{errors}", errors == 0));
foreach (var (run, bytes) in memory)
{
    var mib = bytes / 1024.0 / 1024.0;
    goals.Add(($"anonymous memory of the {run} site ≤ 256 MiB", $"{mib:0.0} MiB", mib <= 256));
}

Console.WriteLine();
foreach (var (goal, measured, pass) in goals)
{
    Console.WriteLine($"{(pass ? "PASS" : "FAIL")}  {goal}: {measured}");
}

return goals.All(g => g.Pass) ? 0 : 1;

(string, string, bool) Ratio(string goal, Measure value, Measure reference, double minimum)
{
    var ratio = MedianRatio(value, reference);
    var perRound = string.Join(", ", value.Rounds.Select((r, i) => $"{100 * r.RequestsPerSecond / reference.Rounds[i].RequestsPerSecond:0.0} %"));
    return (goal, $"{100 * ratio:0.0} % (median of the rounds: {perRound}; median rates {value.Median.RequestsPerSecond:N0} / {reference.Median.RequestsPerSecond:N0} requests/s)", ratio >= minimum);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Rounds of a short wrk run per URL until steady (see warmUpWindow); prints each URL's rate per round.
async Task WarmUpAsync(IReadOnlyList<Uri> urls, string what)
{
    var rounds = new List<double[]>();
    var clock = Stopwatch.StartNew();
    var steady = false;
    while (clock.Elapsed.TotalSeconds < 3 * warmUpSeconds)
    {
        var rates = new double[urls.Count];
        for (var i = 0; i < urls.Count; i++)
        {
            rates[i] = (await Wrk.RunAsync(urls[i], warmUpWindow)).RequestsPerSecond;
        }

        rounds.Add(rates);
        steady = rounds.Count >= 3 && Enumerable.Range(0, urls.Count).All(i =>
        {
            var before = (rounds[^2][i] + rounds[^3][i]) / 2;
            return Math.Abs(rates[i] - before) <= 0.10 * before;
        });
        if (steady && clock.Elapsed.TotalSeconds >= warmUpSeconds)
        {
            break;
        }
    }

    var lines = Enumerable.Range(0, urls.Count).Select(i => string.Join(" → ", rounds.Select(r => r[i].ToString("N0", CultureInfo.InvariantCulture))));
    Console.WriteLine($"  {what} warm-up, {rounds.Count} rounds in {clock.Elapsed.TotalSeconds:0} s{(steady ? "" : " (the most; not steady)")}, requests/s per round: {string.Join("; ", lines)}");
}

// Waits for the site and its search index; returns the first initiative of the sitemap and its page's bytes.
static async Task<(string Path, byte[] Bytes)> PrepareAsync(SiteProcess site)
{
    await site.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
    Console.WriteLine($"Site: pid {site.Pid} on {site.Address}");
    using var http = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(30) };
    var sitemap = await http.GetStringAsync("/sitemap.xml");
    var items = Regex.Matches(sitemap, "<loc>([^<]+)</loc>")
        .Select(m => new Uri(m.Groups[1].Value).PathAndQuery)
        .Where(p => p.Count(c => c == '/') == 2)
        .ToList();
    var item = items.FirstOrDefault(p => p.StartsWith("/sang-kien/", StringComparison.Ordinal))
        ?? items.FirstOrDefault()
        ?? throw new InvalidOperationException("The sitemap lists no item page; was the sample content applied?");

    // The sample content is indexed in the background after the first start: wait until the search finds items.
    var deadline = Stopwatch.StartNew();
    while (!items.Any((await http.GetStringAsync("/tim-kiem?q=tre")).Contains))
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException("/tim-kiem?q=tre found no item within 2 minutes.");
        }

        await Task.Delay(1000);
    }

    using var response = await http.GetAsync(item);
    response.EnsureSuccessStatusCode();
    return (item, await response.Content.ReadAsByteArrayAsync());
}

static async Task CheckSameBytesAsync(Uri url, byte[] expected, string what)
{
    using var http = new HttpClient();
    var actual = await http.GetByteArrayAsync(url);
    if (!actual.AsSpan().SequenceEqual(expected))
    {
        throw new InvalidOperationException($"{what} does not answer the item page's bytes ({actual.Length} bytes, expected {expected.Length}).");
    }
}

static int Run(string file, string workingDirectory, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    process.WaitForExit();
    return process.ExitCode;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ChuyenDe.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("ChuyenDe.sln not found above " + AppContext.BaseDirectory);
}
