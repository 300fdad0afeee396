using System.Globalization;

namespace ChuyenDe.Bench.Upload;

/// <summary>A process's resident memory from <c>/proc/{pid}/status</c>: VmRSS (now) and VmHWM (the peak so far), in bytes.</summary>
public readonly record struct ProcessMemory(long Rss, long Hwm)
{
    public static ProcessMemory Read(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
        }

        return new ProcessMemory(rss, hwm);
    }

    // "VmRSS:	  123456 kB"
    private static long Kilobytes(string line)
        => long.Parse(line.Split(' ', '\t').Where(s => s.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;
}

/// <summary>Samples a process's VmRSS every <c>interval</c> on a background task and keeps the largest value.</summary>
public sealed class MemorySampler(int pid, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public long PeakRss { get; private set; }
    public int Samples { get; private set; }

    public void Start() => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        Sample();
    });

    private void Sample()
    {
        PeakRss = Math.Max(PeakRss, ProcessMemory.Read(pid).Rss);
        Samples++;
    }

    /// <summary>Stops sampling (after one last sample); <see cref="PeakRss"/> is final afterwards.</summary>
    public async Task StopAsync()
    {
        if (_loop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _loop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
