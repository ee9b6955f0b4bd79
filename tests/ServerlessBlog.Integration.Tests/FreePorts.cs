using System.Net;
using System.Net.Sockets;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Loopback ports nobody listens on at the moment they are picked.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        // Hold every listener until all are picked, so the same port is not handed out twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
