using System.Net.Sockets;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Browser.Tests;

/// <summary>Ctrl+C stops everything <c>blog dev</c> started.</summary>
public sealed class ShutdownTests
{
    private const int Interrupted = 130;

    [Fact]
    public async Task Ctrl_c_stops_blog_dev_and_leaves_no_azurite_node_or_host_process_running()
    {
        await using var server = await DevServer.StartAsync();
        Console.WriteLine($"blog dev served the sample blog {server.StartupTime.TotalSeconds:0.0} s after it started");
        var started = server.Descendants();
        Assert.NotEmpty(started);

        // On ports of its own choosing, blog dev says how the other commands reach its Azurite; that must work.
        var hint = Assert.Single(server.Output.Split('\n'), line => line.StartsWith("blog dev: for blog status, publish and rebuild, set AzureWebJobsStorage=\"", StringComparison.Ordinal));
        var connectionString = hint[(hint.IndexOf('"', StringComparison.Ordinal) + 1)..^1];
        var status = await BlogCli.RunAsync(["status"], new Dictionary<string, string> { ["AzureWebJobsStorage"] = connectionString });
        Assert.Equal(0, status.ExitCode);

        var exitCode = await server.InterruptAsync();

        Assert.Equal(Interrupted, exitCode);
        Assert.Contains("blog dev: stopped", server.Output, StringComparison.Ordinal);
        Assert.All(started, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} started by blog dev is still running"));
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(server.BaseUrl.Host, server.BaseUrl.Port));
    }
}
