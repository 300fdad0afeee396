using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ChuyenDe.Tests.Functional.Notifications;
using ChuyenDe.Tests.Functional.ScaleOut;

namespace ChuyenDe.Tests.Functional.Crash;

/// <summary>
/// One site on a test database, run as the real host process (<c>dotnet ChuyenDe.Cms.dll</c>, as an operator runs it),
/// which a test kills with SIGKILL (<see cref="Kill"/>: <c>Process.Kill</c> on Linux) and starts again on the same data
/// folder and database. The database is read directly between runs. Shared by the tests of a class (one after another).
/// </summary>
public abstract class CrashSite : IAsyncLifetime
{
    private TestDatabase? _database;
    private ChildProcess? _node;
    private int _starts;

    protected abstract bool Available { get; }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    protected abstract DbConnection Connect(string connectionString);

    public abstract void SkipUnlessAvailable();

    public Uri Node { get; private set; } = null!;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The site was not created.");

    public string MediaFolder => Path.Combine(Database.DataFolder, "Media");

    public string StagingFolder => Path.Combine(MediaFolder, ".staging");

    /// <summary>The last lines the running (or last killed) process wrote.</summary>
    public string Logs { get; private set; } = "";

    /// <summary>The SMTP server the site sends its e-mail to (in this process: it outlives every run of the site).</summary>
    public SmtpTestServer Smtp { get; } = new();

    /// <summary>
    /// Whether the next start sends e-mail to <see cref="Smtp"/>; when false, to a closed port (every attempt fails and
    /// the e-mail waits in the outbox for its next attempt, a second later).
    /// </summary>
    public bool SmtpReachable { get; set; } = true;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _database = await CreateDatabaseAsync();
        await StartAsync();
    }

    /// <summary>Starts the site unless it runs (a test that failed may have left it killed).</summary>
    public Task EnsureRunningAsync() => _node is null ? StartAsync() : Task.CompletedTask;

    /// <summary>Starts the host (a port of its own) and waits until it answers / with 200.</summary>
    public async Task StartAsync()
    {
        if (_node is not null)
        {
            throw new InvalidOperationException("The site runs already.");
        }

        var port = LocalPorts.Free();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ChuyenDe__DataFolder"] = Database.DataFolder,
            ["ChuyenDe__Database__Provider"] = Database.Provider.ToString(),
            ["ChuyenDe__Database__ConnectionString"] = Database.ConnectionString,
            ["ChuyenDe__Setup__AdminPassword"] = CmsAppFactory.AdminPassword,
            ["ChuyenDe__Setup__DemoPassword"] = CmsAppFactory.DemoPassword,
            ["ChuyenDe__Smtp__Host"] = "127.0.0.1",
            ["ChuyenDe__Smtp__Port"] = (SmtpReachable ? Smtp.Port : LocalPorts.Free()).ToString(CultureInfo.InvariantCulture),
            ["ChuyenDe__Smtp__Security"] = "None",
            ["ChuyenDe__Smtp__FromAddress"] = "khohoclieu@example.edu.vn",
            ["ChuyenDe__Smtp__Timeout"] = "00:00:05",
            ["ChuyenDe__Notifications__OutboxInterval"] = "00:00:00.200",
            ["ChuyenDe__Notifications__RetryBaseDelay"] = "00:00:01",
            ["ChuyenDe__Notifications__MaxRetryDelay"] = "00:00:01",
            ["ChuyenDe__Notifications__MaxEmailAttempts"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        _starts++;
        var node = SiteProcess.Start("site-run-" + _starts.ToString(CultureInfo.InvariantCulture), port, settings);
        _node = node;
        Node = new Uri($"http://127.0.0.1:{port}");
        await SiteProcess.WaitReadyAsync(Node, node, TimeSpan.FromMinutes(4));
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally block of the process runs.</summary>
    public void Kill()
    {
        if (_node is null)
        {
            return;
        }

        _node.Dispose();
        Logs = _node.Output;
        _node = null;
    }

    /// <summary>Runs <paramref name="sql"/> (parameters as <c>@name</c>) on the site's database and reads each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing with the site's log after <paramref name="limit"/>.</summary>
    public async Task WithinAsync(TimeSpan limit, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Not within {limit.TotalSeconds:0.#} s: {what}.\n{_node?.Output ?? Logs}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Kill();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
