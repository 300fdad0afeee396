// Issue 16 load and soak: mixed open-loop traffic (anonymous pages and search from many clients, signed-in editing)
// against the published site on one node (SQLite, requests straight to Kestrel) and on two nodes (PostgreSQL + Redis,
// nginx round-robin). First the knee: the anonymous rate doubles each step (editors save at their own steady pace beside
// it) until a step's p99 reaches 500 ms or an error happens, then two steps of bisection (geometric) between the last
// good and the first bad rate; the highest good rate is the knee. Each step lasts a minute, so that a rate is only
// called good when it was held. Then the soak: the knee held for --soak-minutes, every node's RssAnon sampled.
//
//   dotnet run -c Release --project bench/ChuyenDe.Bench.Load [-- --quick] [--nodes 1|2|both] [--soak-minutes 10]
//       [--soak-percent 100] [--step-seconds 60] [--start-rate 10] [--soak-rate R|R1,R2] [--soak-tries 3] [--no-build]
//
// Two nodes need a PostgreSQL server (CHUYENDE_TEST_POSTGRES, a connection string of a user that may create
// databases), redis-server and nginx. The program uses both cores: run it under the build lock on an idle machine.
// Exit code: 0 every goal PASS, 1 a goal FAILed (or a setup could not run), 2 bad arguments or a missing program.
using System.Diagnostics;
using System.Globalization;
using ChuyenDe.Bench.Load;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const double P99Bound = 500;
const double MaxGrowth = 0.10;
var quick = false;
var nodes = "both";
var soakMinutes = 10.0;
var soakPercent = 100.0;
var stepSeconds = 60.0;
var startRate = 10.0;
double[]? soakRates = null;
var soakTries = 3;
var build = true;
for (var i = 0; i < args.Length; i++)
{
    var option = args[i];
    double Number() => i + 1 < args.Length && double.TryParse(args[++i], CultureInfo.InvariantCulture, out var v) && v > 0
        ? v : throw new ArgumentException($"{option} needs a positive number.");
    try
    {
        switch (args[i])
        {
            case "--quick":
                quick = true;
                soakMinutes = 1;
                stepSeconds = 10;
                break;
            case "--nodes" when i + 1 < args.Length && args[i + 1] is "1" or "2" or "both":
                nodes = args[++i];
                break;
            case "--soak-minutes":
                soakMinutes = Number();
                break;
            case "--soak-percent":
                soakPercent = Number();
                break;
            case "--step-seconds":
                stepSeconds = Number();
                break;
            case "--start-rate":
                startRate = Number();
                break;
            case "--soak-rate" when i + 1 < args.Length:
                soakRates = args[++i].Split(',').Select(r => double.TryParse(r, CultureInfo.InvariantCulture, out var v) && v > 0
                    ? v : throw new ArgumentException("--soak-rate needs a positive number, or one per setup (1 node,2 nodes).")).ToArray();
                break;
            case "--soak-tries":
                soakTries = (int)Number();
                break;
            case "--no-build":
                build = false;
                break;
            default:
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
    }
    catch (ArgumentException e)
    {
        Console.WriteLine($"{e.Message} Options: --quick (10 s steps, 1-minute soak), --nodes 1|2|both, --soak-minutes N (10), --soak-percent P (100), --step-seconds S (60), --start-rate R (10), --soak-rate R or R1,R2 (no knee search: soak at R, or R1 on one node and R2 on two, e.g. below knees an earlier run found), --soak-tries N (3: a soak given up in a minute with an error or p99 ≥ 500 ms is tried again ×0.84 lower), --no-build.");
        return 2;
    }
}

var postgres = Environment.GetEnvironmentVariable("CHUYENDE_TEST_POSTGRES");
var missing = new List<string>();
if (nodes != "1")
{
    if (string.IsNullOrEmpty(postgres))
    {
        missing.Add("CHUYENDE_TEST_POSTGRES (PostgreSQL connection string of a user that may create databases)");
    }

    missing.AddRange(new[] { ("redis-server", "/usr/bin/redis-server"), ("nginx", "/usr/sbin/nginx") }
        .Where(p => !File.Exists(p.Item2)).Select(p => $"{p.Item1} (apt-get install {p.Item1})"));
}

if (missing.Count > 0)
{
    Console.WriteLine($"Missing for two nodes: {string.Join(", ", missing)}. Or run with --nodes 1.");
    return 2;
}

var root = FindRepositoryRoot();
var publishFolder = Path.Combine(root, "bench", "ChuyenDe.Bench.Load", "bin", "site");
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

// Every server's output (the site's errors and warnings) goes to a file per process, kept after the run.
ServerProcess.LogFolder = Path.Combine(root, "bench", "ChuyenDe.Bench.Load", "bin", "logs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(quick ? 5 : 15);
var step = TimeSpan.FromSeconds(stepSeconds);
var soak = TimeSpan.FromMinutes(soakMinutes);
var sampleEvery = TimeSpan.FromSeconds(quick ? 5 : 10);
// The memory windows compared: the soak's second and last minute (the first is the rate's warm-up), or quarters of a
// shorter soak.
var window = Math.Min(60, soak.TotalSeconds / 4);
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}; servers' output in {Path.GetRelativePath(root, ServerProcess.LogFolder)}");
Console.WriteLine($"Mix: anonymous requests at the stepped rate (7 pages : 2 searches) while 8 signed-in editors each save a draft every {Workload.EditEvery.TotalSeconds:0} s (open the edit form + save); open loop, latency from the scheduled time, timeout {Workload.Timeout.TotalSeconds:0} s.");
Console.WriteLine($"Knee (anonymous requests/s): from {startRate:0.#}/s ×2 per {step.TotalSeconds:0} s step until p99 (edits included) ≥ {P99Bound:0} ms or an error, then two steps of bisection; soak: {soakPercent:0.#} % of the knee for {soak.TotalMinutes:0.#} min, RssAnon every {sampleEvery.TotalSeconds:0} s.");

var results = new List<SetupResult>();
if (nodes is "1" or "both")
{
    results.Add(await MeasureAsync("1 node (SQLite)", () => Site.StartSingleAsync(publishFolder), soakRates?[0]));
}

if (nodes is "2" or "both")
{
    results.Add(await MeasureAsync("2 nodes (PostgreSQL + Redis + nginx)", () => Site.StartTwoAsync(publishFolder, postgres!), soakRates?[^1]));
}

// Side by side.
Console.WriteLine();
Console.WriteLine($"| {(quick ? "quick run" : "run")} {DateTime.UtcNow:yyyy-MM-dd} | {string.Join(" | ", results.Select(r => r.Name))} |");
Console.WriteLine($"|---|{string.Concat(results.Select(_ => "---:|"))}");
void Row(string label, Func<SetupResult, string> value) => Console.WriteLine($"| {label} | {string.Join(" | ", results.Select(value))} |");
Row("knee (anonymous requests/s, p99 < 500 ms, 0 errors)", r => r.KneeGiven ? "not searched (--soak-rate)" : r.Knee is { } k ? $"{k:0}" : "none");
Row("knee's p50 / p99 ms", r => r.Steps.LastOrDefault(s => s.TargetRate == r.Knee) is { } s ? $"{s.P50:0} / {s.P99:0}" : "–");
Row("soaks given up (a minute with p99 ≥ 500 ms or an error)", r => r.GivenUp.Count == 0 ? "none" : string.Join("; ", r.GivenUp.Select(g => g.Why)));
Row("soak rate (anonymous requests/s) × minutes", r => r.Soak is { } s ? $"{s.TargetRate:0} × {s.Seconds / 60:0.#}" : "–");
Row("soak requests (of which saves) / errors", r => r.Soak is { } s ? $"{s.Count:N0} ({s.Edits:N0}) / {s.Errors}" : "–");
Row("soak p50 / p99 / max ms", r => r.Soak is { } s ? $"{s.P50:0} / {s.P99:0} / {s.Max:0}" : "–");
Row("soak p99 ms: pages / search / edits", r => r.Soak is { } s ? $"{s.P99Of(RequestKind.Page):0} / {s.P99Of(RequestKind.Search):0} / {s.P99Of(RequestKind.Edit):0}" : "–");
Row("RssAnon 2nd → last minute (MiB, worst node)", r => r.MemoryGrowth(window) is var (g, f, l) && f > 0 ? $"{f / 1048576.0:0} → {l / 1048576.0:0} ({100 * g:+0.0;-0.0} %)" : "–");

Console.WriteLine();
var pass = true;
foreach (var r in results)
{
    var goals = new List<(string Goal, string Measured, bool Pass)>();
    if (r.Failure is not null)
    {
        goals.Add(("the setup runs", r.Failure, false));
    }
    else
    {
        if (!r.KneeGiven)
        {
            goals.Add(("a knee is found (the first step has p99 < 500 ms and 0 errors)", r.Knee is { } k ? $"{k:0} requests/s" : "none", r.Knee is not null));
        }

        if (r.Soak is { } s)
        {
            goals.Add(("0 errors during the soak", $"{s.Errors}{(s.Errors > 0 ? " — " + s.ErrorSummary() : "")}", s.Errors == 0));
            goals.Add(("p99 < 500 ms during the soak", $"{s.P99:0} ms", s.P99 < P99Bound));
            var (growth, _, _) = r.MemoryGrowth(window);
            goals.Add(r.SoakGivenUp is { } why
                ? ("memory growth ≤ 10 % (RssAnon, last minute vs 2nd, worst node)", "not measured: the soak was given up (" + why + ")", false)
                : ("memory growth ≤ 10 % (RssAnon, last minute vs 2nd, worst node)", $"{100 * growth:+0.0;-0.0} %", growth <= MaxGrowth));
        }
    }

    foreach (var (goal, measured, ok) in goals)
    {
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {r.Name}: {goal}: {measured}");
        pass &= ok;
    }
}

return pass ? 0 : 1;

async Task<SetupResult> MeasureAsync(string name, Func<Task<Site>> start, double? soakRate)
{
    var result = new SetupResult(name);
    Console.WriteLine();
    Console.WriteLine($"== {name}");
    try
    {
        using var site = await start();
        Console.WriteLine($"  nodes: {string.Join(", ", site.Nodes.Select(n => $"{n.Name} pid {n.Pid}"))}; traffic to {site.Address}");
        using var workload = await Workload.PrepareAsync(site, editorSessions: 8);
        Console.WriteLine($"  {workload.PageCount} pages; editors: {string.Join(", ", workload.Editors.Select(e => e.UserName))}");

        var warm = await workload.RunAsync(startRate, warmUp);
        Console.WriteLine($"  warm-up {startRate:0.#}/s for {warmUp.TotalSeconds:0} s: p99 {warm.P99:0} ms, errors {warm.Errors}");
        Console.WriteLine($"  {"rate/s",8} {"achieved",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"lag ms",7}");
        async Task<bool> StepAsync(double rate)
        {
            var run = await workload.RunAsync(Math.Round(rate), step);
            result.Steps.Add(run);
            Console.WriteLine($"  {run.TargetRate,8:0} {run.AchievedRate,9:0.0} {run.P50,8:0} {run.P99,8:0} {run.Max,8:0} {run.Errors,7} {run.DispatchLagMs,7:0}{(run.Errors > 0 ? "  " + run.ErrorSummary() : "")}");
            if (site.Exited() is { } why)
            {
                throw new InvalidOperationException(why);
            }

            if (run.Errors > 0 || run.P99 >= P99Bound)
            {
                return false;
            }

            result.Knee = run.TargetRate;
            return true;
        }

        double? tooMuch = null;
        if (soakRate is { } given)
        {
            // No knee search: a ramp of short steps doubling up to the rate given (the warm-up: compiled code, the
            // connections opened), one step at that rate, then the soak holds it.
            for (var rate = startRate; rate < given; rate *= 2)
            {
                var ramp = await workload.RunAsync(Math.Round(rate), TimeSpan.FromSeconds(10));
                Console.WriteLine($"  ramp {ramp.TargetRate,6:0}/s for 10 s: p99 {ramp.P99:0} ms, errors {ramp.Errors}");
            }

            if (await StepAsync(given))
            {
                result.KneeGiven = true;
            }
        }

        for (var rate = startRate; soakRate is null && rate <= 40_000; rate *= 2)
        {
            if (!await StepAsync(rate))
            {
                tooMuch = Math.Round(rate);
                break;
            }
        }

        // ×2 is coarse: two steps of bisection (geometric) between the highest good rate and the lowest bad one.
        for (var round = 0; round < 2 && result.Knee is { } good && tooMuch is { } bad; round++)
        {
            var between = Math.Round(Math.Sqrt(good * bad));
            if (between <= good || between >= bad)
            {
                break;
            }

            if (!await StepAsync(between))
            {
                tooMuch = between;
            }
        }

        if (result.Knee is not { } knee)
        {
            return result;
        }

        // A knee found by minute-long steps may not hold for ten minutes (what it costs to serve can drift: garbage
        // collection, the editors' saves, the indexer). The soak is given up as soon as a minute of it has an error or a
        // p99 over the bound, and tried again a bisection step lower (×0.84, at most --soak-tries times): the rate that
        // held is the knee reported, beside the step knee and the rates given up.
        var held = result.KneeGiven ? knee : Math.Max(1, Math.Round(knee * soakPercent / 100));
        Console.WriteLine(result.KneeGiven ? $"  soak at {held:0}/s (given) for {soak.TotalMinutes:0.#} min…" : $"  knee {knee:0}/s; soak at {held:0}/s for {soak.TotalMinutes:0.#} min…");
        if (result.Steps.Count > 0 && result.Steps[^1].TargetRate != knee)
        {
            // The last step was the one too many (often a collapse into timeouts): the node gets the rest it gets
            // between two soaks before it holds the knee.
            Console.WriteLine("  30 s of rest after the step too many…");
            await Task.Delay(TimeSpan.FromSeconds(30));
        }

        for (var attempt = 1; ; attempt++)
        {
            var (run, givenUp) = await SoakAsync(held);
            result.Soak = run;
            if (givenUp is null || result.KneeGiven || attempt >= soakTries)
            {
                result.SoakGivenUp = givenUp;
                break;
            }

            result.GivenUp.Add((held, givenUp));
            held = Math.Max(1, Math.Round(held * 0.84));
            Console.WriteLine($"  given up: {givenUp}; 30 s of rest, then the soak at {held:0}/s…");
            await Task.Delay(TimeSpan.FromSeconds(30));
        }

        var s = result.Soak;
        Console.WriteLine($"  soak: {s.Count:N0} requests, achieved {s.AchievedRate:0.0}/s, p50 {s.P50:0} ms, p99 {s.P99:0} ms, max {s.Max:0} ms, errors {s.Errors}");

        async Task<(RunResult Run, string? GivenUp)> SoakAsync(double rate)
        {
            result.Memory.Clear();
            using var stop = new CancellationTokenSource();
            using var sampling = new CancellationTokenSource();
            string? givenUp = null;
            var clock = Stopwatch.StartNew();
            var soakRun = new RunResult(rate, soak.TotalSeconds);
            // A line per minute (per sixth of a shorter soak), so that when a soak goes wrong shows.
            var minute = TimeSpan.FromSeconds(Math.Min(60, soak.TotalSeconds / 6));
            soakRun.Window = new RunResult(rate, minute.TotalSeconds);
            var nextWindow = minute;
            Console.WriteLine($"  {"minute",8} {"achieved",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"RssAnon MiB",12}");
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    var memory = site.Nodes.Select(n => n.AnonymousMemory()).ToArray();
                    result.Memory.Add((clock.Elapsed.TotalSeconds, memory));
                    if (clock.Elapsed >= nextWindow && soakRun.Window is { } w)
                    {
                        soakRun.Window = new RunResult(rate, minute.TotalSeconds);
                        Console.WriteLine($"  {nextWindow.TotalMinutes,8:0.#} {w.AchievedRate,9:0.0} {w.P50,8:0} {w.P99,8:0} {w.Max,8:0} {w.Errors,7} {string.Join(" / ", memory.Select(m => $"{m / 1048576.0:0}")),12}");
                        if (givenUp is null && (w.Errors > 0 || w.P99 >= P99Bound))
                        {
                            givenUp = $"{rate:0}/s in minute {nextWindow.TotalMinutes:0.#}: p99 {w.P99:0} ms, {w.Errors} errors";
                            await stop.CancelAsync();
                        }

                        nextWindow += minute;
                    }

                    try
                    {
                        await Task.Delay(sampleEvery, sampling.Token);
                    }
                    catch (TaskCanceledException)
                    {
                        // Soak over.
                    }
                }
            });
            var run = await workload.RunAsync(rate, soak, soakRun, stop.Token);
            soakRun.Window = null;
            await sampling.CancelAsync();
            await sampler;
            result.Memory.Add((clock.Elapsed.TotalSeconds, site.Nodes.Select(n => n.AnonymousMemory()).ToArray()));
            if (site.Exited() is { } exited)
            {
                throw new InvalidOperationException(exited);
            }

            return (run, givenUp);
        }

        if (site.Exited() is { } gone)
        {
            throw new InvalidOperationException(gone);
        }
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException or Npgsql.NpgsqlException)
    {
        result.Failure = e.Message;
        Console.WriteLine($"  ERROR: {e.Message}");
    }

    return result;
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
