namespace ChuyenDe.Modules.Caching;

/// <summary>
/// <see cref="Environment.TickCount64"/> read four times a second by a timer instead of at every call: on the virtual
/// machines the site runs on, reading the clock is a system call of several microseconds, and the fragment cache asks
/// for the time at every lookup (several per page). Good enough for lifetimes of minutes, not for measuring.
/// </summary>
internal static class CoarseClock
{
    private const int Resolution = 250;

    private static long _milliseconds = Environment.TickCount64;

    // Kept in a field so that the timer is never collected; it holds no state and runs for the process's life.
    private static readonly Timer Ticker = new(static _ => Volatile.Write(ref _milliseconds, Environment.TickCount64), null, Resolution, Resolution);

    /// <summary>Milliseconds since the system started, at most <c>250 ms</c> behind <see cref="Environment.TickCount64"/>.</summary>
    public static long Milliseconds
    {
        get
        {
            GC.KeepAlive(Ticker);
            return Volatile.Read(ref _milliseconds);
        }
    }
}
