using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChuyenDe.Modules.Backups;

/// <summary>
/// Runs PostgreSQL's own <c>pg_dump</c> and <c>pg_restore</c> against the site's database: host, port, user and database
/// from the connection string on the command line, the password through <c>PGPASSWORD</c> (never on the command line).
/// </summary>
internal sealed class PostgresTools(IOptions<BackupOptions> options)
{
    /// <summary>Dumps the database into <paramref name="file"/> in pg_dump's custom format.</summary>
    public Task DumpAsync(string connectionString, string file, CancellationToken ct)
        => RunAsync("pg_dump", connectionString, ["--format=custom", "--no-password", $"--file={file}"], ct);

    /// <summary>
    /// Restores a custom-format dump into the database in one transaction: objects the dump holds are dropped first when
    /// they exist (<c>--clean --if-exists</c>), owners and grants of the dumped site are not applied (the configured
    /// user owns what it creates).
    /// </summary>
    public Task RestoreAsync(string connectionString, string file, CancellationToken ct)
        => RunAsync("pg_restore", connectionString,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password", file], ct);

    /// <summary>The full path of the tool, or a clear error naming where it was looked for.</summary>
    public string Find(string tool)
    {
        var configured = options.Value.PostgresBinFolder;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(configured, tool);
            return File.Exists(path)
                ? path
                : throw new BackupException($"{tool} was not found in ChuyenDe:Backup:PostgresBinFolder ({configured}).");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new BackupException(
            $"{tool} was not found on the PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs " +
            "(Debian: apt-get install postgresql-client) or set ChuyenDe:Backup:PostgresBinFolder.");
    }

    private async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(connection.Host))
        {
            start.ArgumentList.Add($"--host={connection.Host}");
        }

        start.ArgumentList.Add($"--port={connection.Port}");
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add($"--username={connection.Username}");
        }

        start.ArgumentList.Add($"--dbname={connection.Database}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            var message = (await error).Trim();
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(message.Length > 0 ? message : (await output).Trim())}");
        }
    }
}
