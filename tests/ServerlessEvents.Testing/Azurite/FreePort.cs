using System.Net;
using System.Net.Sockets;

namespace ServerlessEvents.Testing.Azurite;

/// <summary>Asks the OS for a free loopback port by binding port 0.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
