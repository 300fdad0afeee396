// Issue 12 benchmark: the public pages of the published site under wrk (32 connections, one thread pinned to core 1)
// against two references serving the same bytes of an item page from core 0 — nginx and a bare Kestrel app — with the
// site's output cache on and, in a second child process, off; plus the site's anonymous memory at the end of each run.
//
//   dotnet run -c Release --project bench/ChuyenDe.Bench.Pages [-- --duration 10 | --quick] [--no-build]
//
// Exit code: 0 every goal PASS, 1 a goal FAILed (or the benchmark could not run), 2 bad arguments or a missing program.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChuyenDe.Bench.Pages;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var seconds = 10;
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
        case "--no-build":
            build = false;
            break;
        default:
            Console.WriteLine($"Unknown argument '{args[i]}'. Options: --duration SECONDS (default 10), --quick (3 s), --no-build.");
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
var warmUp = Math.Max(1, seconds / 3);
Console.WriteLine($"wrk -t1 -c{Wrk.Connections} -d{seconds}s --latency on core 1 (after {warmUp} s of warm-up per URL); servers on core 0; load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

var results = new List<(string Run, string Name, string Path, WrkResult Result)>();
var memory = new List<(string Run, long Bytes)>();
byte[] itemBytes;
string itemPath;
string[] PagePaths(string item) => [item, "/", "/kho-hoc-lieu", "/tim-kiem?q=tre", "/feed", "/sitemap.xml"];
string[] pageNames = ["item page", "home", "library", "search", "feed", "sitemap"];

try
{
    // Cached site first: it also gives the item page's bytes for the references.
    using (var site = SiteProcess.Start(publishFolder, outputCache: true))
    {
        (itemPath, itemBytes) = await PrepareAsync(site);
        Console.WriteLine($"Item page {itemPath}: {itemBytes.Length:N0} bytes");

        using (var nginx = await NginxProcess.StartAsync(itemBytes))
        {
            await CheckSameBytesAsync(nginx.Address, itemBytes, "nginx");
            results.Add(("reference", "nginx", "same bytes", await MeasureAsync(nginx.Address, "nginx")));
        }

        await using (var kestrel = await BareKestrel.StartAsync(itemBytes))
        {
            await CheckSameBytesAsync(kestrel.Address, itemBytes, "bare Kestrel");
            results.Add(("reference", "bare Kestrel", "same bytes", await MeasureAsync(kestrel.Address, "bare Kestrel")));
        }

        await MeasureSiteAsync(site, "cached", itemPath);
    }

    using (var site = SiteProcess.Start(publishFolder, outputCache: false))
    {
        var (uncachedItem, _) = await PrepareAsync(site);
        await MeasureSiteAsync(site, "uncached", uncachedItem);
    }
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or FormatException or IOException)
{
    Console.WriteLine($"ERROR: {e.Message}");
    return 1;
}

// The table.
var nginxRps = results.Single(r => r.Name == "nginx").Result.RequestsPerSecond;
var kestrelRps = results.Single(r => r.Name == "bare Kestrel").Result.RequestsPerSecond;
Console.WriteLine();
Console.WriteLine($"| run | page | requests/s | p50 ms | p99 ms | errors | % of bare Kestrel | % of nginx |");
Console.WriteLine($"|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var (run, name, path, r) in results)
{
    Console.WriteLine($"| {run} | {name} (`{path}`) | {r.RequestsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} | {100 * r.RequestsPerSecond / kestrelRps:0.0} % | {100 * r.RequestsPerSecond / nginxRps:0.0} % |");
}

Console.WriteLine();
foreach (var (run, bytes) in memory)
{
    Console.WriteLine($"RssAnon of the {run} site at the end: {bytes / 1024.0 / 1024.0:0.0} MiB");
}

// The goals, as ratios of the same run.
double Rps(string run, string name) => results.Single(r => r.Run == run && r.Name == name).Result.RequestsPerSecond;
var goals = new List<(string Goal, string Measured, bool Pass)>
{
    Ratio("cached item page ≥ 40 % of nginx", Rps("cached", "item page"), nginxRps, 0.40),
    Ratio("cached item page ≥ 80 % of bare Kestrel", Rps("cached", "item page"), kestrelRps, 0.80),
    Ratio("uncached item page ≥ 10 % of bare Kestrel", Rps("uncached", "item page"), kestrelRps, 0.10),
    Ratio("uncached home ≥ 5 % of bare Kestrel", Rps("uncached", "home"), kestrelRps, 0.05),
    Ratio("uncached library ≥ 5 % of bare Kestrel", Rps("uncached", "library"), kestrelRps, 0.05),
    Ratio("uncached search ≥ 5 % of bare Kestrel", Rps("uncached", "search"), kestrelRps, 0.05),
};
var errors = results.Sum(r => r.Result.Errors);
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

static (string, string, bool) Ratio(string goal, double value, double reference, double minimum)
    => (goal, $"{100 * value / reference:0.0} % ({value:N0} / {reference:N0} requests/s)", value >= minimum * reference);

async Task MeasureSiteAsync(SiteProcess site, string run, string item)
{
    var paths = PagePaths(item);

    // The whole site warmed up first (JIT of every page's code, caches), then left to settle (the first start's search
    // indexing and tiered compilation run in the background), so that the first page measured does not pay for them.
    foreach (var path in paths)
    {
        await Wrk.RunAsync(new Uri(site.Address, path), warmUp);
    }

    var busy = await site.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
    Console.WriteLine($"  {run} site warmed up; its own CPU use before measuring: {busy:0} % of a core");
    for (var i = 0; i < paths.Length; i++)
    {
        results.Add((run, pageNames[i], paths[i], await MeasureAsync(new Uri(site.Address, paths[i]), $"{run} {pageNames[i]}")));
    }

    memory.Add((run, site.AnonymousMemory()));
}

async Task<WrkResult> MeasureAsync(Uri url, string what)
{
    await Wrk.RunAsync(url, warmUp);
    var result = await Wrk.RunAsync(url, seconds);
    Console.WriteLine($"  {what,-24} {result.RequestsPerSecond,10:N0} requests/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  errors {result.Errors}");
    return result;
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
