using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ChuyenDe.Bench.Pages;

/// <summary>
/// The published site as a child process pinned to core 0, on a free local port, with a fresh data folder (so the setup
/// and sample-content recipes apply on its first start); disposing kills it and deletes the folder.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private SiteProcess(Process process, string dataFolder, Uri address)
    {
        _process = process;
        DataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }
    public string DataFolder { get; }
    public int Pid => _process.Id;

    public static SiteProcess Start(string publishFolder, bool outputCache)
    {
        var port = Ports.Free();
        var dataFolder = Path.Combine(Path.GetTempPath(), "chuyende-bench-pages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        // taskset execs dotnet, so the child's pid is the site's.
        var start = new ProcessStartInfo("taskset")
        {
            ArgumentList = { "-c", "0", "dotnet", Path.Combine(publishFolder, "ChuyenDe.Cms.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ChuyenDe__DataFolder"] = dataFolder;
        start.Environment["ChuyenDe__OutputCache__Enabled"] = outputCache ? "true" : "false";
        start.Environment["ChuyenDe__Setup__AdminPassword"] = "Bench-" + Guid.NewGuid().ToString("N")[..12] + "-Aa1";
        start.Environment["ChuyenDe__Setup__SampleContent"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The site did not start.");
        // Drained so that the child never blocks on a full pipe; warnings and errors are shown, prefixed.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [site] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [site] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiteProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until <c>/</c> answers 200 (the first start applies the recipes first).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The site did not answer 200 on / within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>
    /// Waits until the site uses less than 5 % of a core over a second (background work after the first start done), at
    /// most <paramref name="timeout"/>; returns the last second's use in percent of a core.
    /// </summary>
    public async Task<double> WaitUntilIdleAsync(TimeSpan timeout)
    {
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        var deadline = Stopwatch.StartNew();
        double percent;
        do
        {
            var before = CpuTicks();
            await Task.Delay(1000);
            percent = 100 * (CpuTicks() - before) / ticksPerSecond;
        }
        while (percent >= 5 && deadline.Elapsed < timeout);

        return percent;
    }

    // utime + stime, fields 14 and 15 of /proc/{pid}/stat (after the command's closing parenthesis).
    private long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>RssAnon (anonymous resident memory: heaps, not mapped files) from <c>/proc/{pid}/status</c>, in bytes.</summary>
    public long AnonymousMemory()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                // "RssAnon:	  123456 kB"
                return long.Parse(line.Split(' ', '\t').Where(s => s.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no RssAnon line.");
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"Could not delete {DataFolder}: {e.Message}");
            }
        }
    }
}
