using System.Diagnostics;
using System.Net.Sockets;

namespace ChuyenDe.Bench.Pages;

/// <summary>
/// nginx serving one file at <c>/</c> from a temporary folder, with a minimal configuration of our own: one worker, in the
/// foreground (a child process, not a daemon), pinned to core 0 like the site; disposing stops it and deletes the folder.
/// </summary>
public sealed class NginxProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private bool _disposed;

    private NginxProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProcess> StartAsync(byte[] page)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chuyende-bench-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "html"));
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "html", "item.html"), page);
        var port = Ports.Free();
        var temp = Path.Combine(folder, "temp");
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{folder}}/html;
                    location = / {
                        default_type "text/html; charset=utf-8";
                        try_files /item.html =404;
                    }
                }
            }
            """;
        var configFile = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configFile, config);

        var start = new ProcessStartInfo("taskset")
        {
            ArgumentList = { "-c", "0", Tools.Nginx, "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", configFile },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [nginx] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [nginx] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new NginxProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));

        // Listening?
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                nginx.Dispose();
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                // The master and its one worker.
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
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
}
