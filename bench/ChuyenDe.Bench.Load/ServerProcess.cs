using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// A server the benchmark starts (a site node, Redis, nginx): its last output lines kept for an error message, its
/// anonymous memory readable, killed with its children when disposed.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public ServerProcess(string name, ProcessStartInfo start)
    {
        Name = name;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>Why the process is gone (with its last lines), or null while it runs.</summary>
    public string? Exited => _process.HasExited ? $"{Name} exited with code {_process.ExitCode}:\n{Output}" : null;

    /// <summary>The last lines it wrote.</summary>
    public string Output => string.Join("\n", _output.TakeLast(40));

    /// <summary>RssAnon (anonymous resident memory: heaps, not mapped files) from <c>/proc/{pid}/status</c>, in bytes.</summary>
    public long AnonymousMemory()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', '\t').Where(s => s.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no RssAnon line.");
    }

    private void Keep(string? line)
    {
        if (line is { Length: > 0 })
        {
            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
