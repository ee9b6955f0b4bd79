using System.Globalization;

namespace ServerlessBlog.Cli.Dev;

/// <summary>Azurite's well-known development account, and connection strings to it on any ports.</summary>
internal static class AzuriteAccount
{
    public const string Name = "devstoreaccount1";

    /// <summary>The published key of Azurite's development account: the same on every machine, not a secret.</summary>
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Azurite's default blob port; the queue and table services take the next two.</summary>
    public const int DefaultBlobPort = 10000;

    public static Uri Endpoint(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/{Name}"));

    public static string ConnectionString(int blobPort, int queuePort, int tablePort) => string.Join(';',
        "DefaultEndpointsProtocol=http",
        $"AccountName={Name}",
        $"AccountKey={Key}",
        $"BlobEndpoint={Endpoint(blobPort)}",
        $"QueueEndpoint={string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{queuePort}/{Name}")}",
        $"TableEndpoint={string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{tablePort}/{Name}")}");
}
