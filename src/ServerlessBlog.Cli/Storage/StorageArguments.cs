using System.CommandLine;
using Azure.Identity;
using Azure.Storage.Blobs;
using ServerlessBlog.Azure;
using ServerlessBlog.Cli.CommandLine;

namespace ServerlessBlog.Cli.Storage;

/// <summary>
/// Where the commands that work on storage connect: <c>--connection-string</c>, else the <c>AzureWebJobsStorage</c>
/// environment variable, else Azurite's development account; or <c>--account-url</c> with the developer's Azure sign-in.
/// </summary>
internal sealed class StorageArguments
{
    /// <summary>Azurite's well-known development account on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// An author waits at a terminal: a storage that does not answer is reported after a couple of quick retries,
    /// not after the minute of back-off the hosts allow.
    /// </summary>
    private const int InteractiveMaxRetries = 2;

    private static readonly TimeSpan InteractiveRetryDelay = TimeSpan.FromMilliseconds(300);

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = $"The storage connection string (default: ${StorageConnection.DefaultName}, else Azurite's development account).",
    };

    public Option<Uri?> AccountUrl { get; } = new("--account-url")
    {
        Description = "The blob endpoint of an Azure storage account (https://ACCOUNT.blob.core.windows.net), signed in with DefaultAzureCredential.",

        // System.CommandLine has no parser of its own for Uri.
        CustomParser = ParseAccountUrl,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConnectionString);
        command.Options.Add(AccountUrl);
        command.Validators.Add(result =>
        {
            if (result.GetValue(ConnectionString) is not null && result.GetValue(AccountUrl) is not null)
            {
                result.AddError("Give either --connection-string or --account-url, not both.");
            }
        });
    }

    private static Uri? ParseAccountUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        result.AddError($"--account-url must be an account's blob endpoint, such as https://ACCOUNT.blob.core.windows.net, not '{text}'.");
        return null;
    }

    /// <summary>Builds the blob client; a connection string that cannot be read fails here, as one line.</summary>
    public BlobServiceClient CreateClient(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = BlobServiceClientFactory.CreateClientOptions();
        options.Retry.MaxRetries = InteractiveMaxRetries;
        options.Retry.Delay = InteractiveRetryDelay;
        if (parse.GetValue(AccountUrl) is { } accountUrl)
        {
            return new BlobServiceClient(accountUrl, new DefaultAzureCredential(), options);
        }

        return CreateClient(ConnectionStringOf(parse), options);
    }

    /// <summary>The connection string the command uses when no account URL is given.</summary>
    public string ConnectionStringOf(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(ConnectionString) is { Length: > 0 } given)
        {
            return given;
        }

        return Environment.GetEnvironmentVariable(StorageConnection.DefaultName) is { Length: > 0 } fromEnvironment ? fromEnvironment : DevelopmentStorage;
    }

    public static BlobServiceClient CreateClient(string connectionString, BlobClientOptions options)
    {
        try
        {
            return new BlobServiceClient(connectionString, options);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CommandFailure($"the connection string is not valid: {ex.Message}", ex);
        }
    }
}
