using System.Net;
using System.Net.Sockets;
using ChuyenDe.Modules.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>The real site on a temporary SQLite database with extra settings (SMTP, outbox timings).</summary>
public abstract class ConfiguredSiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CmsAppFactory? _factory;

    public CmsAppFactory Factory => _factory ?? throw new InvalidOperationException("The site did not start.");

    protected abstract Task<IReadOnlyDictionary<string, string?>> SettingsAsync();

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public virtual async Task InitializeAsync()
    {
        _database = new SqliteTestDatabase();
        _factory = new CmsAppFactory(_database, await SettingsAsync());
        _ = _factory.Server;
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The site sending e-mail to a <see cref="SmtpTestServer"/> of its own; links use a public base URL.</summary>
public sealed class SmtpSiteFixture : ConfiguredSiteFixture
{
    public const string PublicBaseUrl = "https://chuyende.example.vn";

    public SmtpTestServer Smtp { get; } = new();

    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>>(
        new Dictionary<string, string?>
        {
            ["ChuyenDe:Smtp:Host"] = "127.0.0.1",
            ["ChuyenDe:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChuyenDe:Smtp:Security"] = "None",
            ["ChuyenDe:Smtp:FromAddress"] = "khohoclieu@example.edu.vn",
            ["ChuyenDe:Smtp:FromName"] = "Kho học liệu chuyên đề",
            ["ChuyenDe:PublicBaseUrl"] = PublicBaseUrl + "/",
            ["ChuyenDe:Notifications:OutboxInterval"] = "00:00:00.300",
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The site configured for an SMTP server that does not answer (nothing listens on the port).</summary>
public sealed class SmtpDownSiteFixture : ConfiguredSiteFixture
{
    public const int MaxAttempts = 3;

    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        // A port that was free a moment ago: connections are refused.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["ChuyenDe:Smtp:Host"] = "127.0.0.1",
            ["ChuyenDe:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChuyenDe:Smtp:Security"] = "None",
            ["ChuyenDe:Smtp:Timeout"] = "00:00:05",
            ["ChuyenDe:Smtp:FromAddress"] = "khohoclieu@example.edu.vn",
            ["ChuyenDe:Notifications:OutboxInterval"] = "00:00:00.200",
            ["ChuyenDe:Notifications:RetryBaseDelay"] = "00:00:00.300",
            ["ChuyenDe:Notifications:MaxEmailAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}

/// <summary>Shortcuts of the notification tests.</summary>
internal static class NotificationSupport
{
    public static string Key(string what) => what + ":" + Guid.NewGuid().ToString("N")[..12];

    public static NotificationMessage Message(string eventKey, string subject = "Sáng kiến “Góc thiên nhiên” được trả lại để chỉnh sửa",
        string body = "Lý do: Thiếu minh chứng hình ảnh; tên tài liệu chưa đúng quy định.", string kind = "Returned", string? url = "/admin/noi-dung/abc123/sua")
        => new() { EventKey = eventKey, Kind = kind, Subject = subject, Body = body, ContentItemId = "abc123", Url = url };

    public static Task NotifyAsync(IServiceProvider services, NotificationRecipients recipients, NotificationMessage message)
        => services.GetRequiredService<INotifier>().NotifyAsync(recipients, message);

    public static async Task<List<NotificationRecord>> RecordsAsync(IServiceProvider services, string eventKey)
        => await services.GetRequiredService<DbContext>().Set<NotificationRecord>().AsNoTracking()
            .Where(r => r.EventKey == eventKey).OrderBy(r => r.Id).ToListAsync();

    /// <summary>Polls until the e-mail of every record of the event has left Pending (or the time is up).</summary>
    public static async Task<List<NotificationRecord>> SettledAsync(Func<Func<IServiceProvider, Task<List<NotificationRecord>>>, Task<List<NotificationRecord>>> inScope,
        string eventKey, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var records = await inScope(sp => RecordsAsync(sp, eventKey));
            if (records.Count > 0 && records.All(r => r.EmailStatus != NotificationEmailStatus.Pending) || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(150);
        }
    }
}
