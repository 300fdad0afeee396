using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// <c>ChuyenDe:Logging:Json=true</c>: the real site started as a process writes one JSON object per line on standard
/// output, with a UTC timestamp and the request's scopes (trace and span ids, request id and path).
/// </summary>
public sealed partial class JsonLogsTests
{
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();

    private static string CmsAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChuyenDe.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        // The same configuration and framework folders as this test's own output (bin/Debug/net10.0/).
        var output = Path.GetRelativePath(Path.Combine(directory.FullName, "tests", "ChuyenDe.Tests"), AppContext.BaseDirectory);
        var dll = Path.Combine(directory.FullName, "src", "ChuyenDe.Cms", output, "ChuyenDe.Cms.dll");
        Assert.True(File.Exists(dll), dll);
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Every_line_is_a_json_object_and_a_request_s_lines_carry_its_trace_and_request_ids()
    {
        var dll = CmsAssembly();
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("chuyende-jsonlogs-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ChuyenDe__DataFolder"] = data;
        start.Environment["ChuyenDe__Setup__AdminPassword"] = CmsAppFactory.AdminPassword;
        start.Environment["ChuyenDe__Setup__DemoPassword"] = CmsAppFactory.DemoPassword;
        start.Environment["ChuyenDe__Setup__SampleContent"] = "false";
        start.Environment["ChuyenDe__Logging__Json"] = "true";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        var lines = new ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var probe = "probe" + Guid.NewGuid().ToString("N")[..10];
            var watch = Stopwatch.StartNew();
            var answered = false;
            while (!answered && watch.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync($"/health/live?{probe}");
                    answered = response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(300);
                }
            }

            Assert.True(answered, "The site did not answer /health/live:\n" + string.Join("\n", lines.TakeLast(20)));
            JsonElement? request = null;
            for (var attempt = 0; request is null && attempt < 50; attempt++)
            {
                await Task.Delay(100);
                request = lines.Where(l => l.Contains(probe, StringComparison.Ordinal))
                    .Select(l => (JsonElement?)JsonDocument.Parse(l).RootElement).FirstOrDefault();
            }

            Assert.NotNull(request);
            var line = request.Value;
            Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", line.GetProperty("Category").GetString());
            Assert.Equal("Information", line.GetProperty("LogLevel").GetString());
            Assert.EndsWith("Z", line.GetProperty("Timestamp").GetString());
            var scopes = line.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && TraceId().IsMatch(t.GetString()!)
                                         && s.TryGetProperty("SpanId", out _));
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString()!.Length > 0
                                         && s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/health/live");

            // Nothing but JSON on standard output (the plain console formatter is replaced, not added to).
            var output = lines.Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal)).ToList();
            Assert.True(output.Count > 3);
            Assert.All(output, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held a moment after the kill; the temp folder is cleaned by the OS.
            }
        }
    }
}
