using System.Diagnostics;

namespace ChuyenDe.Tests.Functional.Backups;

/// <summary>
/// The built web host run as a real process (<c>dotnet ChuyenDe.Cms.dll &lt;args&gt;</c>, the way an operator runs the
/// published site) on a test database's data folder and connection.
/// </summary>
internal static class HostCommandLine
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The host built beside the tests (same configuration): <c>src/ChuyenDe.Cms/bin/&lt;Configuration&gt;/net10.0</c>.</summary>
    public static string HostFolder()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var directory = testOutput;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChuyenDe.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("ChuyenDe.sln not found above " + AppContext.BaseDirectory),
            "src", "ChuyenDe.Cms", "bin", configuration, testOutput.Name);
        return File.Exists(Path.Combine(folder, "ChuyenDe.Cms.dll"))
            ? folder
            : throw new InvalidOperationException($"The host is not built in {folder}.");
    }

    public static async Task<Result> RunAsync(TestDatabase database, params string[] args)
    {
        var folder = HostFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(folder, "ChuyenDe.Cms.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ChuyenDe__DataFolder"] = database.DataFolder;
        start.Environment["ChuyenDe__Database__Provider"] = database.Provider.ToString();
        start.Environment["ChuyenDe__Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet ChuyenDe.Cms.dll {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
