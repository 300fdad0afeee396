using System.Net;
using System.Net.Sockets;

namespace ChuyenDe.Bench.Pages;

public static class Ports
{
    /// <summary>A local TCP port that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
