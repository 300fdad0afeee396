using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// The published site under test, with a fresh data folder (the setup and sample-content recipes apply on the first
/// start, demo accounts included): one node on SQLite answering directly, or two nodes on a fresh PostgreSQL database
/// with a Redis server of their own and nginx round-robin in front, as issue 16's scale-out mode runs. Nothing is pinned
/// to a core: the nodes, the proxy, the databases and the load generator share the machine. Disposing stops everything
/// and deletes the folder and the database.
/// </summary>
public sealed class Site : IDisposable
{
    public const string AdminUserName = "admin";
    public const string DemoPassword = "Demo-Load-2026-Aa1";

    private readonly List<ServerProcess> _processes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("chuyende-bench-load-").FullName;
    private string? _serverConnectionString;
    private string? _databaseName;

    private Site(string name) => Name = name;

    public string Name { get; }

    public string AdminPassword { get; } = "Load-" + Guid.NewGuid().ToString("N")[..12] + "-Aa1";

    /// <summary>Where the traffic goes: the node itself, or nginx.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Each node's own address (each keeps its own search index).</summary>
    public List<Uri> NodeAddresses { get; } = [];

    /// <summary>The site's node processes (their memory is sampled).</summary>
    public List<ServerProcess> Nodes { get; } = [];

    public static async Task<Site> StartSingleAsync(string publishFolder)
    {
        var site = new Site("1 node (SQLite)");
        try
        {
            var port = LocalPorts.Free();
            var node = site.StartNode(publishFolder, "node", port, []);
            site.Address = new Uri($"http://127.0.0.1:{port}");
            site.NodeAddresses.Add(site.Address);
            await WaitReadyAsync(site.Address, node);
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    public static async Task<Site> StartTwoAsync(string publishFolder, string serverConnectionString)
    {
        var site = new Site("2 nodes (PostgreSQL + Redis + nginx)");
        try
        {
            site._serverConnectionString = serverConnectionString;
            site._databaseName = "cms_load_" + Guid.NewGuid().ToString("N")[..12];
            await site.DatabaseCommandAsync($"CREATE DATABASE \"{site._databaseName}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = site._databaseName }.ConnectionString;

            var redisPort = LocalPorts.Free();
            var redis = site.Start("redis", new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", Invariant(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
                WorkingDirectory = site._folder,
            });
            await LocalPorts.WaitListeningAsync(redisPort, redis, TimeSpan.FromSeconds(20));

            var media = Directory.CreateDirectory(Path.Combine(site._folder, "shared-media")).FullName;
            var settings = new Dictionary<string, string>
            {
                ["ChuyenDe__Database__Provider"] = "Postgres",
                ["ChuyenDe__Database__ConnectionString"] = connectionString,
                ["ChuyenDe__Redis__Configuration"] = $"127.0.0.1:{redisPort}",
                ["ChuyenDe__Redis__InstanceName"] = "chuyende-load",
                ["ChuyenDe__Media__Root"] = media,
            };
            var (portA, portB) = (LocalPorts.Free(), LocalPorts.Free());
            var a = site.StartNode(publishFolder, "node-a", portA, settings);
            var b = site.StartNode(publishFolder, "node-b", portB, settings);
            site.NodeAddresses.Add(new Uri($"http://127.0.0.1:{portA}"));
            site.NodeAddresses.Add(new Uri($"http://127.0.0.1:{portB}"));
            await Task.WhenAll(WaitReadyAsync(site.NodeAddresses[0], a), WaitReadyAsync(site.NodeAddresses[1], b));

            var proxyPort = LocalPorts.Free();
            var nginx = site.StartNginx(proxyPort, portA, portB);
            await LocalPorts.WaitListeningAsync(proxyPort, nginx, TimeSpan.FromSeconds(20));
            site.Address = new Uri($"http://127.0.0.1:{proxyPort}");
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    /// <summary>Why a node stopped, or null while all run.</summary>
    public string? Exited() => _processes.Select(p => p.Exited).FirstOrDefault(e => e is not null);

    private ServerProcess StartNode(string publishFolder, string name, int port, Dictionary<string, string> settings)
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(publishFolder, "ChuyenDe.Cms.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = publishFolder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ChuyenDe__DataFolder"] = data;
        start.Environment["ChuyenDe__Setup__AdminPassword"] = AdminPassword;
        start.Environment["ChuyenDe__Setup__DemoPassword"] = DemoPassword;
        start.Environment["ChuyenDe__Setup__SampleContent"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var node = Start(name, start);
        Nodes.Add(node);
        return node;
    }

    private ServerProcess StartNginx(int port, int portA, int portB)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "nginx")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        // Keep-alive to the nodes, as an operator's site would have (docs/operations.md).
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 2048; }
            http {
                access_log off;
                keepalive_requests 1000000;
                client_body_temp_path {{folder}}/temp/body;
                proxy_temp_path {{folder}}/temp/proxy;
                fastcgi_temp_path {{folder}}/temp/fastcgi;
                uwsgi_temp_path {{folder}}/temp/uwsgi;
                scgi_temp_path {{folder}}/temp/scgi;
                upstream chuyende {
                    server 127.0.0.1:{{portA}};
                    server 127.0.0.1:{{portB}};
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 100m;
                    location / {
                        proxy_pass http://chuyende;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(file, config);
        return Start("nginx", new ProcessStartInfo(NginxPath()) { ArgumentList = { "-c", file, "-p", folder, "-e", Path.Combine(folder, "error.log") }, WorkingDirectory = folder });
    }

    private static string NginxPath() => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    private ServerProcess Start(string name, ProcessStartInfo start)
    {
        var process = new ServerProcess(name, start);
        _processes.Add(process);
        return process;
    }

    private static async Task WaitReadyAsync(Uri node, ServerProcess process)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(4))
        {
            if (process.Exited is { } why)
            {
                throw new InvalidOperationException(why);
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
                // Still starting (migrations, recipes).
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{process.Name} did not answer 200 on / within 4 minutes:\n{process.Output}");
    }

    private async Task DatabaseCommandAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        if (_databaseName is not null)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                DatabaseCommandAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"Could not drop the database {_databaseName}: {e.Message}");
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {_folder}: {e.Message}");
        }
    }
}
