using System.Diagnostics;
using System.Globalization;
using ChuyenDe.Tests.Functional.Notifications;
using Npgsql;

namespace ChuyenDe.Tests.Functional.ScaleOut;

/// <summary>
/// The site in scale-out mode as an operator runs it: a fresh PostgreSQL database, a Redis server of its own, two node
/// processes of the built host (<c>ChuyenDe.Cms.dll</c>) started at the same moment (each its own data folder and Lucene
/// index, one shared media folder) and nginx sending requests to them in turn, all on loopback ports of their own; the
/// nodes send e-mail to an in-process SMTP server. Runs where PostgreSQL (<c>CHUYENDE_TEST_POSTGRES</c>), redis-server
/// and nginx are available; in CI (CI=true) their absence is a failure, elsewhere the tests are skipped with the reason.
/// </summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    public const string RedisServer = "/usr/bin/redis-server";
    public const string Nginx = "/usr/sbin/nginx";

    /// <summary>Header nginx adds to each answer: the node (upstream address) that answered.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private readonly List<ChildProcess> _processes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("chuyende-two-nodes-").FullName;
    private PostgresTestDatabase? _database;

    public SmtpTestServer Smtp { get; } = new();

    public Uri NodeA { get; private set; } = null!;
    public Uri NodeB { get; private set; } = null!;

    /// <summary>nginx, round-robin over both nodes.</summary>
    public Uri Proxy { get; private set; } = null!;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    /// <summary>Why the scale-out parts are missing here, or null when they are all present.</summary>
    public static string? Missing()
    {
        if (string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString))
        {
            return $"PostgreSQL is not configured ({PostgresTestDatabase.Variable} unset)";
        }

        return !File.Exists(RedisServer) ? $"{RedisServer} is not installed"
            : !File.Exists(Nginx) ? $"{Nginx} is not installed"
            : null;
    }

    public void SkipUnlessAvailable()
    {
        if (Missing() is not { } missing)
        {
            return;
        }

        if (PostgresTestDatabase.InCi)
        {
            throw new InvalidOperationException($"{missing} in CI: .ci/run must install and start it.");
        }

        Skip.If(true, $"{missing}; .ci/run provides PostgreSQL, redis-server and nginx and the two-node tests run in CI.");
    }

    public async Task InitializeAsync()
    {
        if (Missing() is not null)
        {
            return;
        }

        _database = new PostgresTestDatabase();
        await _database.CreateAsync();

        var redisPort = LocalPorts.Free();
        var redis = Start("redis", new ProcessStartInfo(RedisServer)
        {
            ArgumentList = { "--port", Invariant(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            WorkingDirectory = _folder,
        });
        await LocalPorts.WaitListeningAsync(redisPort, TimeSpan.FromSeconds(20), () => redis.Exited);

        var media = Directory.CreateDirectory(Path.Combine(_folder, "shared-media")).FullName;
        var (portA, portB) = (LocalPorts.Free(), LocalPorts.Free());
        // Both nodes at once: the first start's migrations and recipes must be applied once (the advisory lock).
        var a = StartNode("node-a", portA, redisPort, media);
        var b = StartNode("node-b", portB, redisPort, media);
        NodeA = new Uri($"http://127.0.0.1:{portA}");
        NodeB = new Uri($"http://127.0.0.1:{portB}");
        await Task.WhenAll(WaitReadyAsync(NodeA, a), WaitReadyAsync(NodeB, b));

        var proxyPort = LocalPorts.Free();
        var nginx = StartNginx(proxyPort, portA, portB);
        await LocalPorts.WaitListeningAsync(proxyPort, TimeSpan.FromSeconds(20), () => nginx.Exited);
        Proxy = new Uri($"http://127.0.0.1:{proxyPort}");
    }

    /// <summary>The last lines of every process, for a failure message.</summary>
    public string Logs() => string.Join("\n\n", _processes.Select(p => $"--- {p.Name} ---\n{p.Output}"));

    public async Task<T> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }

    private ChildProcess StartNode(string name, int port, int redisPort, string media)
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ChuyenDe__DataFolder"] = data,
            ["ChuyenDe__Database__Provider"] = "Postgres",
            ["ChuyenDe__Database__ConnectionString"] = ConnectionString,
            ["ChuyenDe__Redis__Configuration"] = $"127.0.0.1:{redisPort}",
            ["ChuyenDe__Redis__InstanceName"] = "chuyende-test",
            ["ChuyenDe__Media__Root"] = media,
            ["ChuyenDe__Setup__AdminPassword"] = CmsAppFactory.AdminPassword,
            ["ChuyenDe__Setup__DemoPassword"] = CmsAppFactory.DemoPassword,
            ["ChuyenDe__Contents__ScheduledPublishingInterval"] = "00:00:01",
            ["ChuyenDe__Reports__ReminderDaysBeforeDeadline"] = "0",
            ["ChuyenDe__Smtp__Host"] = "127.0.0.1",
            ["ChuyenDe__Smtp__Port"] = Invariant(Smtp.Port),
            ["ChuyenDe__Smtp__Security"] = "None",
            ["ChuyenDe__Smtp__FromAddress"] = "khohoclieu@example.edu.vn",
            ["ChuyenDe__Notifications__OutboxInterval"] = "00:00:00.200",
            // Five failures of one account from one address make the next attempt wait (2 s); four do not.
            ["ChuyenDe__SignIn__FreeFailuresPerAccountAndAddress"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        var node = SiteProcess.Start(name, port, settings);
        _processes.Add(node);
        return node;
    }

    private ChildProcess StartNginx(int port, int portA, int portB)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "nginx")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/temp/body;
                proxy_temp_path {{folder}}/temp/proxy;
                fastcgi_temp_path {{folder}}/temp/fastcgi;
                uwsgi_temp_path {{folder}}/temp/uwsgi;
                scgi_temp_path {{folder}}/temp/scgi;
                upstream chuyende {
                    server 127.0.0.1:{{portA}};
                    server 127.0.0.1:{{portB}};
                }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 100m;
                    location / {
                        proxy_pass http://chuyende;
                        proxy_http_version 1.1;
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        add_header {{UpstreamHeader}} $upstream_addr always;
                    }
                }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(file, config);
        return Start("nginx", new ProcessStartInfo(Nginx) { ArgumentList = { "-c", file, "-p", folder }, WorkingDirectory = folder });
    }

    private ChildProcess Start(string name, ProcessStartInfo start)
    {
        var process = new ChildProcess(name, start);
        _processes.Add(process);
        return process;
    }

    private static Task WaitReadyAsync(Uri node, ChildProcess process) => SiteProcess.WaitReadyAsync(node, process, TimeSpan.FromMinutes(4));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
