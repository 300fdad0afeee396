// Issues 4 and 10 benchmark: uploads a generated 300 MB MP4, a DOCX whose document.xml inflates to 1 GiB and a PDF
// whose content stream inflates to 2 GiB to the media library of a real web host (a child process) and reports the
// growth of the server's resident memory for each, which must stay under 64 MB.
//
//   dotnet run -c Release --project bench/ChuyenDe.Bench.Upload [-- --no-build]
//
// Exit code: 0 PASS, 1 FAIL (or the benchmark could not run).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChuyenDe.Bench.Upload;
using ChuyenDe.Tests.Unit.Media.Text;

const long FileSize = 300L * 1024 * 1024;
const long WarmUpSize = 256 * 1024;
const double GoalMegabytes = 64;
var sampleInterval = TimeSpan.FromMilliseconds(50);

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = FindRepositoryRoot();
var hostProject = Path.Combine(root, "src", "ChuyenDe.Cms");
var hostDll = Path.Combine(hostProject, "bin", "Release", "net10.0", "ChuyenDe.Cms.dll");
if (!args.Contains("--no-build"))
{
    Console.WriteLine("Building src/ChuyenDe.Cms (Release)…");
    if (Run("dotnet", root, "build", "src/ChuyenDe.Cms", "-c", "Release", "-v", "q", "-nologo") != 0)
    {
        Console.WriteLine("ERROR: the web host did not build.");
        return 1;
    }
}

if (!File.Exists(hostDll))
{
    Console.WriteLine($"ERROR: {hostDll} is missing; run without --no-build.");
    return 1;
}

var adminPassword = "Bench-" + Guid.NewGuid().ToString("N")[..12] + "-Aa1";
using var server = ServerProcess.Start(hostDll, hostProject, adminPassword);
Console.CancelKeyPress += (_, _) => server.Dispose();
try
{
    await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
    Console.WriteLine($"Server: pid {server.Pid} on {server.Address}");

    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = server.Address,
        Timeout = TimeSpan.FromMinutes(15),
    };
    await SignInAsync(http, "admin", adminPassword);
    var token = await TokenOfAsync(http, "/admin/tep");

    // Warm-up: JIT, the first request, the database and the media folder are not counted.
    var warmUp = await UploadAsync(http, token, new GeneratedMp4Stream(WarmUpSize), "khoi-dong.mp4");
    if (!warmUp.Ok)
    {
        Console.WriteLine($"ERROR: the warm-up upload failed: {warmUp.Json}");
        return 1;
    }

    await Task.Delay(500);
    var baseline = ProcessMemory.Read(server.Pid);

    var upload = Stopwatch.StartNew();
    UploadOutcome result;
    bool videoPass;
    double videoGrowth;
    await using (var sampler = new MemorySampler(server.Pid, sampleInterval))
    {
        sampler.Start();
        result = await UploadAsync(http, token, new GeneratedMp4Stream(FileSize), "video-300mb.mp4");
        upload.Stop();
        await sampler.StopAsync();
        var after = ProcessMemory.Read(server.Pid);

        // VmHWM only tells something new if it rose during the upload; the samples catch peaks below the old high-water mark.
        var peak = Math.Max(sampler.PeakRss, after.Hwm > baseline.Hwm ? after.Hwm : 0);
        var growth = Megabytes(peak - baseline.Rss);
        var copy = TimeCopyToTempFile(FileSize);
        var stored = result.Path is null ? null : new FileInfo(Path.Combine(server.DataFolder, "Media", result.Path));
        var pass = result.Ok && growth < GoalMegabytes;
        videoPass = pass;
        videoGrowth = growth;

        Console.WriteLine();
        Console.WriteLine($"file size            {FileSize} bytes ({Megabytes(FileSize):0} MB)");
        Console.WriteLine($"upload time          {upload.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"upload speed         {Megabytes(FileSize) / upload.Elapsed.TotalSeconds:0.0} MB/s");
        Console.WriteLine($"local copy time      {copy.TotalSeconds:0.00} s ({Megabytes(FileSize) / copy.TotalSeconds:0.0} MB/s; upload/copy ratio {upload.Elapsed / copy:0.00})");
        Console.WriteLine($"baseline RSS         {Megabytes(baseline.Rss):0.0} MB (VmHWM {Megabytes(baseline.Hwm):0.0} MB)");
        Console.WriteLine($"peak RSS sampled     {Megabytes(sampler.PeakRss):0.0} MB ({sampler.Samples} samples every {sampleInterval.TotalMilliseconds:0} ms)");
        Console.WriteLine($"VmHWM after upload   {Megabytes(after.Hwm):0.0} MB (RSS after {Megabytes(after.Rss):0.0} MB)");
        Console.WriteLine($"peak growth          {growth:0.0} MB");
        Console.WriteLine($"goal                 < {GoalMegabytes:0} MB");
        Console.WriteLine($"upload result        HTTP {(int)result.Status} ok={result.Ok} path={result.Path ?? "-"} stored={(stored is { Exists: true } ? stored.Length + " bytes" : "-")}");
        Console.WriteLine($"                     {result.Json}");
        Console.WriteLine(pass ? "PASS" : "FAIL");
    }

    // Issue 10: decompression bombs. A smaller bomb of each kind first warms up the code paths (JIT), then the real one
    // is measured like the video. Each must be refused (or cut short) with the server's memory growth under the goal.
    var docxBomb = BombFiles.Docx(BombFiles.GiB);
    var pdfBomb = BombFiles.Pdf(2 * BombFiles.GiB);
    var bombs = new[]
    {
        ("bom-1gib.docx", "DOCX, document.xml inflates to 1 GiB", BombFiles.Docx(4 * 1024 * 1024), docxBomb),
        ("bom-2gib.pdf", "PDF, a FlateDecode content stream inflates to 2 GiB", BombFiles.Pdf(64 * 1024 * 1024), pdfBomb),
    };
    var rows = new List<(string Name, string What, long Size, double Growth, TimeSpan Time, UploadOutcome Result, bool Pass)>();
    foreach (var (name, what, warmUpBytes, bytes) in bombs)
    {
        await UploadAsync(http, token, new MemoryStream(warmUpBytes), "khoi-dong-" + name, "application/octet-stream");
        await Task.Delay(500);
        var before = ProcessMemory.Read(server.Pid);
        await using var sampler = new MemorySampler(server.Pid, sampleInterval);
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var outcome = await UploadAsync(http, token, new MemoryStream(bytes), name, "application/octet-stream");
        watch.Stop();
        await sampler.StopAsync();
        var after = ProcessMemory.Read(server.Pid);
        var peak = Math.Max(sampler.PeakRss, after.Hwm > before.Hwm ? after.Hwm : 0);
        var growth = Megabytes(Math.Max(0, peak - before.Rss));
        // Refused, or kept with only part of its text: either way answered, and within the memory goal.
        var answered = outcome.Status == HttpStatusCode.OK && (!outcome.Ok || outcome.Message is not null);
        rows.Add((name, what, bytes.LongLength, growth, watch.Elapsed, outcome, answered && growth < GoalMegabytes));
    }

    Console.WriteLine();
    Console.WriteLine("upload                          size        time      peak growth  result     goal < 64 MB");
    Console.WriteLine($"{"video-300mb.mp4",-30}  {Megabytes(FileSize),7:0.0} MB  {upload.Elapsed.TotalSeconds,6:0.00} s  {videoGrowth,8:0.0} MB  {(result.Ok ? "stored" : "FAILED"),-9}  {(videoPass ? "PASS" : "FAIL")}");
    foreach (var row in rows)
    {
        Console.WriteLine($"{row.Name,-30}  {Megabytes(row.Size),7:0.0} MB  {row.Time.TotalSeconds,6:0.00} s  {row.Growth,8:0.0} MB  {(row.Result.Ok ? "kept" : "refused"),-9}  {(row.Pass ? "PASS" : "FAIL")}");
    }

    foreach (var row in rows)
    {
        Console.WriteLine($"{row.Name}: {row.What}; HTTP {(int)row.Result.Status}, message: {row.Result.Message ?? "-"}");
    }

    var allPass = videoPass && rows.All(r => r.Pass);
    Console.WriteLine(allPass ? "PASS" : "FAIL");
    return allPass ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException or TaskCanceledException)
{
    Console.WriteLine($"ERROR: {e.Message}");
    return 1;
}

static async Task SignInAsync(HttpClient http, string userName, string password)
{
    var token = await TokenOfAsync(http, "/admin/dang-nhap");
    using var response = await http.PostAsync("/admin/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["UserName"] = userName,
        ["Password"] = password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Signing in as {userName} failed: HTTP {(int)response.StatusCode}.");
    }
}

/// <summary>The anti-forgery token of a page's forms (its cookie stays in the client).</summary>
static async Task<string> TokenOfAsync(HttpClient http, string page)
{
    var html = await http.GetStringAsync(page);
    var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
    return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No anti-forgery token on {page}.");
}

/// <summary>Posts one file as the library's script does: multipart <c>files</c>, the token in X-CSRF-TOKEN, JSON back.</summary>
static async Task<UploadOutcome> UploadAsync(HttpClient http, string token, Stream file, string fileName, string contentType = "video/mp4")
{
    var part = new StreamContent(file, 64 * 1024);
    part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
    using var content = new MultipartFormDataContent { { part, "files", fileName } };
    using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/tep/tai-len") { Content = content };
    request.Headers.Add("X-CSRF-TOKEN", token);
    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    using var response = await http.SendAsync(request);
    var json = await response.Content.ReadAsStringAsync();
    bool ok = false;
    string? path = null;
    string? message = null;
    if (response.IsSuccessStatusCode && JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 1)
    {
        ok = array[0].GetProperty("ok").GetBoolean();
        path = array[0].GetProperty("path").GetString();
        message = array[0].GetProperty("message").GetString();
    }

    return new UploadOutcome(response.StatusCode, ok, path, json, message);
}

/// <summary>The reference: the same generated bytes copied to a local temporary file in this process.</summary>
static TimeSpan TimeCopyToTempFile(long size)
{
    var temp = Path.GetTempFileName();
    try
    {
        var watch = Stopwatch.StartNew();
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            new GeneratedMp4Stream(size).CopyTo(output);
        }

        return watch.Elapsed;
    }
    finally
    {
        File.Delete(temp);
    }
}

static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChuyenDe.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository (ChuyenDe.sln not found).");
}

static int Run(string command, string workingDirectory, params string[] arguments)
{
    var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    process.WaitForExit();
    return process.ExitCode;
}

internal sealed record UploadOutcome(HttpStatusCode Status, bool Ok, string? Path, string Json, string? Message = null);
