using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChuyenDe.Bench.Upload;

/// <summary>The web host as a child process on a free local port, with its own data folder; disposing kills it and deletes the folder.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ServerProcess(Process process, string dataFolder, Uri address)
    {
        _process = process;
        DataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }
    public string DataFolder { get; }
    public int Pid => _process.Id;

    /// <summary>Starts <paramref name="hostDll"/> with <paramref name="contentRoot"/> (the project folder: wwwroot, appsettings) as working directory.</summary>
    public static ServerProcess Start(string hostDll, string contentRoot, string adminPassword)
    {
        var port = FreePort();
        var dataFolder = Path.Combine(Path.GetTempPath(), "chuyende-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ChuyenDe__DataFolder"] = dataFolder;
        start.Environment["ChuyenDe__Setup__AdminPassword"] = adminPassword;
        start.Environment["ChuyenDe__Setup__SampleContent"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The web host did not start.");
        // The output is drained (so the child never blocks on a full pipe) and shown, prefixed, for warnings and errors.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until <c>/</c> answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited with code {_process.ExitCode}.");
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

        throw new TimeoutException($"The web host did not answer 200 on / within {timeout.TotalSeconds:0} s.");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
