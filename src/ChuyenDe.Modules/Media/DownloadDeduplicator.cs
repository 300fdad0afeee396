using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Decides whether a download of a media file is counted: once per client, file and day (UTC), and never for robots
/// and command-line tools (by their User-Agent).
/// </summary>
/// <remarks>
/// Privacy by design: no IP address, User-Agent or cookie is stored. A client is the HMAC-SHA-256, keyed with a random
/// salt made for the day, of the client's address, its User-Agent and the file's id; only 128 bits of that hash are kept,
/// in memory, and the set is dropped with its salt when the day changes, so yesterday's entries cannot be linked to an
/// address even by someone who reads the process's memory later. The set lives in this process: a site that runs on
/// several nodes counts a client at most once per node (an upper bound of a few extra counts, judged acceptable
/// against a table of hashes shared by all nodes). At most <see cref="Capacity"/> clients are remembered per day;
/// beyond that further new clients are not counted, so a flood of made-up User-Agents neither grows memory nor
/// inflates the counts without bound.
/// </remarks>
public sealed class DownloadDeduplicator(TimeProvider clock)
{
    /// <summary>How many (client, file) pairs one day remembers (16 bytes each, about 4 MB with the set's overhead).</summary>
    public const int Capacity = 100_000;

    /// <summary>Parts of the User-Agent of crawlers, link previewers and command-line HTTP clients (compared ignoring case).</summary>
    private static readonly string[] RobotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "curl", "wget", "python-requests", "python-urllib", "aiohttp", "httpx",
        "headless", "phantomjs", "puppeteer", "playwright", "selenium", "go-http-client", "java/", "okhttp",
        "apache-httpclient", "libwww", "scrapy", "node-fetch", "axios", "facebookexternalhit", "preview", "monitor",
        "lighthouse", "httpclient", "powershell",
    ];

    private readonly Lock _gate = new();
    private readonly HashSet<UInt128> _seen = [];
    private DateOnly _day;
    private byte[] _salt = [];

    /// <summary>Whether a User-Agent is missing or names a robot or a command-line tool.</summary>
    public static bool IsRobot(string? userAgent)
        => string.IsNullOrWhiteSpace(userAgent)
           || RobotMarkers.Any(marker => userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>True the first time today that this client (address and User-Agent) downloads this file, robots never.</summary>
    public bool ShouldCount(HttpContext http, long fileId)
        => ShouldCount(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), fileId);

    public bool ShouldCount(string? clientAddress, string? userAgent, long fileId)
    {
        if (IsRobot(userAgent))
        {
            return false;
        }

        lock (_gate)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (today != _day || _salt.Length == 0)
            {
                _day = today;
                _salt = RandomNumberGenerator.GetBytes(32);
                _seen.Clear();
                _seen.TrimExcess();
            }

            if (_seen.Count >= Capacity)
            {
                return false;
            }

            return _seen.Add(Key(_salt, clientAddress ?? "", userAgent!, fileId));
        }
    }

    private static UInt128 Key(byte[] salt, string clientAddress, string userAgent, long fileId)
    {
        // Lengths first, so that no two different (address, agent) pairs give the same bytes.
        var text = $"{clientAddress.Length}:{clientAddress}\n{userAgent.Length}:{userAgent}\n{fileId}";
        var hash = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text));
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
