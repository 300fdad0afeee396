using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Counts the views of item pages and the downloads of their files in memory, per item and day (in the site's time zone),
/// until <see cref="ViewCountFlusher"/> writes them to the database. A view is counted once per client, item and day, never
/// for robots, link previewers and command-line tools (<see cref="DownloadDeduplicator.IsRobot"/>, the same list as
/// downloads).
/// </summary>
/// <remarks>
/// Privacy by design: nothing about a client is written anywhere. A client is the HMAC-SHA-256 of its address, its
/// User-Agent and the item's id, keyed with a random secret made for the day and kept only in this process's memory; 128
/// bits of it are kept in a set that is dropped, with its secret, when the day changes, so no one can later tell from the
/// set (or from memory) who read what. The set lives in this process: a site running on several nodes counts a client at
/// most once per node and day (see docs/analytics.md). At most <see cref="AnalyticsOptions.MaxClientsPerDay"/> pairs are
/// remembered per day; beyond that new clients are not counted. Counting a view costs a hash, a set insertion and, the
/// first time, an increment under a short lock: no database work on the request.
/// </remarks>
public sealed class ViewCounter(TimeProvider clock, IOptions<AnalyticsOptions> options)
{
    private readonly Lock _gate = new();
    private readonly int _capacity = Math.Max(1, options.Value.MaxClientsPerDay);
    private Dictionary<(DateOnly Day, string ContentItemId), Tally> _pending = [];
    private volatile ClientDay? _clients;
    private volatile TimeZoneInfo _zone = new SiteSettings().TimeZone;

    /// <summary>The day now in the site's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, _zone));

    /// <summary>Follows the site's time zone (the flusher reads it from the settings).</summary>
    public void UseTimeZone(TimeZoneInfo zone) => _zone = zone;

    /// <summary>
    /// Counts a view of <paramref name="contentItemId"/>'s page by the client with this address and User-Agent, unless a
    /// robot or already counted today; true when counted.
    /// </summary>
    public bool CountView(string contentItemId, string? clientAddress, string? userAgent)
    {
        if (DownloadDeduplicator.IsRobot(userAgent))
        {
            return false;
        }

        var clients = ClientsOf(Today);
        if (!clients.TryAdd(clientAddress ?? "", userAgent!, contentItemId, _capacity))
        {
            return false;
        }

        Add(clients.Day, contentItemId, views: 1, downloads: 0);
        return true;
    }

    /// <summary>Counts a download of a file of <paramref name="contentItemId"/> (already counted once per client and file by Media).</summary>
    public void CountDownload(string contentItemId) => Add(Today, contentItemId, views: 0, downloads: 1);

    /// <summary>The counts not yet written, which are forgotten here (give them back with <see cref="Restore"/> if writing fails).</summary>
    public IReadOnlyList<PendingCount> TakePending()
    {
        Dictionary<(DateOnly Day, string ContentItemId), Tally> taken;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return [];
            }

            taken = _pending;
            _pending = [];
        }

        return taken.Select(p => new PendingCount(p.Key.Day, p.Key.ContentItemId, p.Value.Views, p.Value.Downloads)).ToList();
    }

    /// <summary>Gives back counts that could not be written, to be written with the next ones.</summary>
    public void Restore(IEnumerable<PendingCount> counts)
    {
        lock (_gate)
        {
            foreach (var count in counts)
            {
                var tally = TallyOf(count.Day, count.ContentItemId);
                tally.Views += count.Views;
                tally.Downloads += count.Downloads;
            }
        }
    }

    /// <summary>
    /// Drops the set of visitors and its secret once their day is over, even when no one has visited since midnight
    /// (the flusher calls this; a view of the new day would replace them anyway).
    /// </summary>
    public void ForgetPastDays()
    {
        var today = Today;
        lock (_gate)
        {
            if (_clients is { } clients && clients.Day < today)
            {
                _clients = null;
            }
        }
    }

    /// <summary>How many counts wait in memory (items × days).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    private void Add(DateOnly day, string contentItemId, long views, long downloads)
    {
        lock (_gate)
        {
            var tally = TallyOf(day, contentItemId);
            tally.Views += views;
            tally.Downloads += downloads;
        }
    }

    private Tally TallyOf(DateOnly day, string contentItemId)
    {
        if (!_pending.TryGetValue((day, contentItemId), out var tally))
        {
            _pending[(day, contentItemId)] = tally = new Tally();
        }

        return tally;
    }

    /// <summary>The clients of the day, a new set with a new secret when the day changed (a view just before midnight goes to the new day).</summary>
    private ClientDay ClientsOf(DateOnly today)
    {
        var clients = _clients;
        if (clients is not null && clients.Day >= today)
        {
            return clients;
        }

        lock (_gate)
        {
            if (_clients is null || _clients.Day < today)
            {
                _clients = new ClientDay(today);
            }

            return _clients;
        }
    }

    private sealed class Tally
    {
        public long Views;
        public long Downloads;
    }

    /// <summary>One day's secret and the keyed hashes of the (client, item) pairs counted that day.</summary>
    private sealed class ClientDay(DateOnly day)
    {
        private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
        private readonly ConcurrentDictionary<UInt128, byte> _seen = new();
        private int _count;

        public DateOnly Day { get; } = day;

        public bool TryAdd(string clientAddress, string userAgent, string contentItemId, int capacity)
        {
            if (Volatile.Read(ref _count) >= capacity)
            {
                return false;
            }

            if (!_seen.TryAdd(Key(clientAddress, userAgent, contentItemId), 0))
            {
                return false;
            }

            Interlocked.Increment(ref _count);
            return true;
        }

        private UInt128 Key(string clientAddress, string userAgent, string contentItemId)
        {
            // Lengths first, so that no two different (address, agent, item) triples give the same bytes.
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{clientAddress.Length}:{clientAddress}\n{userAgent.Length}:{userAgent}\n{contentItemId}");
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                var length = Encoding.UTF8.GetBytes(text, buffer);
                Span<byte> hash = stackalloc byte[32];
                HMACSHA256.HashData(_secret, buffer.AsSpan(0, length), hash);
                return BinaryPrimitives.ReadUInt128LittleEndian(hash);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
    }
}
