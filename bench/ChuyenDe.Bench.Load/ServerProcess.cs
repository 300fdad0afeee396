using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// A server the benchmark starts (a site node, Redis, nginx): its last output lines kept for an error message and all of
/// them written to a file in <see cref="LogFolder"/> (the site's errors of a run are read there), its anonymous memory
/// readable, killed with its children when disposed.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter? _log;

    public ServerProcess(string name, ProcessStartInfo start)
    {
        Name = name;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        if (LogFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            _log = new StreamWriter(Path.Combine(folder, $"{name}-{_process.Id}.log")) { AutoFlush = true };
        }

        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where every server writes its output (one file per process: name and pid), or null for nowhere.</summary>
    public static string? LogFolder { get; set; }

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
            if (_log is { } log)
            {
                lock (log)
                {
                    if (log.BaseStream is not null)
                    {
                        log.WriteLine(line);
                    }
                }
            }

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
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }
        }
    }
}
