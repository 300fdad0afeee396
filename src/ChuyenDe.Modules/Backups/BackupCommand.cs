using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Backups;

/// <summary>
/// The operator's commands, run by the host instead of the web server when its first argument names one:
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c>. Any other arguments are the host's configuration
/// (e.g. <c>--ChuyenDe:DataFolder /srv/chuyende</c>). Exit codes: 0 done, 1 failed (a message says why), 2 wrong usage.
/// </summary>
public static class BackupCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Force = "--force";

    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is Backup or Restore;

    /// <summary>The arguments left for the host's configuration: without the command, its file and <c>--force</c>.</summary>
    public static string[] HostArguments(string[] args)
        => IsCommand(args) ? [.. args.Skip(2).Where(a => a != Force)] : args;

    /// <summary>Runs the command named by <paramref name="args"/> with the services of the (not started) site.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var command = args.Length > 0 ? args[0] : "";
        if (!IsCommand(args) || args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
            || (command == Backup && args.Contains(Force, StringComparer.Ordinal)))
        {
            await error.WriteLineAsync("Usage: ChuyenDe.Cms backup <file.zip>");
            await error.WriteLineAsync("       ChuyenDe.Cms restore <file.zip> [--force]");
            await error.WriteLineAsync("Configuration may follow, e.g. --ChuyenDe:DataFolder /srv/chuyende (see docs/operations.md).");
            return Usage;
        }

        var file = args[1];
        var force = args.Skip(2).Contains(Force, StringComparer.Ordinal);
        try
        {
            if (command == Backup)
            {
                var summary = await services.GetRequiredService<BackupService>().CreateAsync(file, ct);
                await output.WriteLineAsync($"Backup written to {summary.File}: {summary.Entries} files and manifest.json, {summary.Bytes:N0} bytes.");
            }
            else
            {
                var summary = await services.GetRequiredService<RestoreService>().RestoreAsync(file, force, ct);
                await output.WriteLineAsync(
                    $"Restored the backup made {summary.BackupCreatedUtc:yyyy-MM-dd HH:mm:ss} UTC: database, {summary.MediaFiles} media files, " +
                    $"{summary.KeyFiles} data-protection keys; the search index was rebuilt. Start the site.");
            }

            return Succeeded;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"{command} failed: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{command} was cancelled.{(command == Backup ? " No archive was written." : "")}");
            return Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Expected failures of the machine (disk full, permissions, database unreachable): the message, not a stack trace.
            await error.WriteLineAsync($"{command} failed: {e.Message}");
            return Failed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of this code: still one line for the operator, with the kind of error to report.
            await error.WriteLineAsync($"{command} failed unexpectedly ({e.GetType().Name}): {e.Message}{(e.InnerException is { } inner ? " — " + inner.Message : "")}");
            return Failed;
        }
    }
}
