using System.Net;

namespace ChuyenDe.Modules.Operations;

/// <summary>The networks that may read the health and metrics endpoints (<see cref="OperationsOptions.AllowedNetworks"/>).</summary>
public sealed class AllowedNetworks
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    private AllowedNetworks(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    /// <summary>127.0.0.0/8 and ::1.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["127.0.0.0/8", "::1/128"];

    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>Parses the list (CIDR or single addresses); an empty list means loopback only. A bad entry stops the start.</summary>
    public static AllowedNetworks Parse(IEnumerable<string>? entries)
    {
        var list = (entries ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        if (list.Count == 0)
        {
            list = [.. Loopback];
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in list)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException(
                    $"{OperationsOptions.Section}:AllowedNetworks: '{entry}' is neither a network in CIDR notation (10.0.0.0/8) nor an address.");
            }
        }

        return new AllowedNetworks(networks);
    }

    /// <summary>
    /// Whether a client may read the endpoints. No address at all is a request made inside the process (the test server);
    /// an IPv4 address mapped to IPv6 (<c>::ffff:10.0.0.1</c>, as a dual-stack socket gives it) counts as the IPv4 address.
    /// </summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
