using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChuyenDe.Bench.Load;

public static class LocalPorts
{
    /// <summary>A local TCP port that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something listens on <paramref name="port"/>; fails when <paramref name="server"/> exits.</summary>
    public static async Task WaitListeningAsync(int port, ServerProcess server, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (server.Exited is { } why)
            {
                throw new InvalidOperationException(why);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(100);
            }
        }
    }
}
