using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChuyenDe.Tests.Functional.ScaleOut;

/// <summary>
/// A server a test starts (a site node, Redis, nginx): its output kept for the failure message, killed with its children
/// when disposed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public ChildProcess(string name, ProcessStartInfo start)
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

    /// <summary>Why the process is gone (with its last lines), or null while it runs.</summary>
    public string? Exited => _process.HasExited ? $"{Name} exited with code {_process.ExitCode}:\n{Output}" : null;

    /// <summary>The last lines it wrote.</summary>
    public string Output => string.Join("\n", _output.TakeLast(60));

    private void Keep(string? line)
    {
        if (line is { Length: > 0 })
        {
            _output.Enqueue(line);
            while (_output.Count > 500 && _output.TryDequeue(out _))
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
