using System.Net;
using System.Net.Sockets;

namespace AgriLink.Web.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A TCP port nobody listens on right now: the OS picks it for a listener we close at once.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
