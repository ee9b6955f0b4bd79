using System.Net;
using System.Net.Sockets;

namespace ServerlessBlog.Cli.Dev;

/// <summary>Loopback ports for the processes <c>blog dev</c> starts.</summary>
internal static class LoopbackPorts
{
    /// <summary>Whether nothing listens on <paramref name="port"/> now.</summary>
    public static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary><paramref name="count"/> consecutive ports from <paramref name="first"/> when all are free, else as many free ports the system picks.</summary>
    public static int[] Take(int first, int count)
    {
        if (first > 0 && Enumerable.Range(first, count).All(IsFree))
        {
            return Enumerable.Range(first, count).ToArray();
        }

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
