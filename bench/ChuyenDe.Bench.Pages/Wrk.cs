using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChuyenDe.Bench.Pages;

/// <summary>One wrk run's figures: requests/s, p50 and p99 (ms), answers other than 2xx/3xx and socket errors.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors)
{
    public long Errors => Non2xx + SocketErrors;
}

/// <summary><c>taskset -c 1 wrk -t1 -c32 -d{N}s --latency URL</c>: one thread on core 1, away from the servers on core 0.</summary>
public static partial class Wrk
{
    public const int Connections = 32;

    public static async Task<WrkResult> RunAsync(Uri url, int seconds)
    {
        var start = new ProcessStartInfo("taskset")
        {
            ArgumentList = { "-c", "1", Tools.Wrk, "-t1", $"-c{Connections}", $"-d{seconds}s", "--latency", url.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with code {process.ExitCode}: {await error}");
        }

        return Parse(await output);
    }

    /// <summary>Reads wrk 4's text report (with <c>--latency</c>).</summary>
    public static WrkResult Parse(string report)
    {
        var rps = Number(RequestsPerSecondLine().Match(report), report, "Requests/sec");
        var p50 = Latency(report, "50%");
        var p99 = Latency(report, "99%");
        var requests = (long)Number(RequestsLine().Match(report), report, "requests in");
        long non2xx = 0;
        var non = Non2xxLine().Match(report);
        if (non.Success)
        {
            non2xx = long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        long socket = 0;
        var errors = SocketErrorsLine().Match(report);
        if (errors.Success)
        {
            socket = Enumerable.Range(1, 4).Sum(i => long.Parse(errors.Groups[i].Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(rps, p50, p99, requests, non2xx, socket);
    }

    private static double Latency(string report, string percentile)
    {
        var match = Regex.Match(report, @"^\s*" + Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = Number(match, report, percentile);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            _ => value * 1000,
        };
    }

    private static double Number(Match match, string report, string what)
        => match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new FormatException($"wrk's report has no '{what}':\n{report}");

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
