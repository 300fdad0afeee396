using System.Diagnostics;
using System.Net;

namespace ChuyenDe.Tests.Functional.ScaleOut;

/// <summary>
/// The built host as an operator runs it: <c>dotnet ChuyenDe.Cms.dll --urls http://127.0.0.1:{port}</c>, from the
/// test's output folder (the test project references the host, so the build copies it there; <c>.ci/run</c> builds the
/// solution before <c>dotnet test --no-build</c>), configured by environment variables. Used by the two-node tests and
/// the crash tests.
/// </summary>
public static class SiteProcess
{
    /// <summary>Starts the host on <paramref name="port"/> with <paramref name="settings"/> as its environment.</summary>
    public static ChildProcess Start(string name, int port, IReadOnlyDictionary<string, string> settings)
    {
        var host = AppContext.BaseDirectory;
        var dll = Path.Combine(host, "ChuyenDe.Cms.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The built host is not beside the tests ({dll}): build the solution first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = host,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return new ChildProcess(name, start);
    }

    /// <summary>Waits until the node answers <c>/</c> with 200 (migrations and recipes applied), failing with its output.</summary>
    public static async Task WaitReadyAsync(Uri node, ChildProcess process, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.Exited is { } why)
            {
                throw new InvalidOperationException(why);
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
                // Still starting (migrations, recipes, or waiting for another node's).
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{process.Name} did not answer 200 on / within {timeout.TotalSeconds:0} s:\n{process.Output}");
    }
}
