using System.Globalization;
using Azure.Storage.Sas;
using ServerlessBlog.Cli.Dev;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Failures a user can act on are one line each, without a stack trace unless <c>--verbose</c>.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CliErrorTests(AzuriteFixture azurite)
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "samples", "blog");

    [Fact]
    public async Task A_malformed_connection_string_is_one_line()
    {
        var result = await BlogCli.RunAsync(["publish", Sample, "--connection-string", "not a connection string"]);

        AssertOneLine(result, "blog publish: the connection string is not valid: ");
    }

    [Fact]
    public async Task Azurite_not_running_is_one_line_that_says_so()
    {
        var port = LoopbackPorts.Take(0, 1)[0].ToString(CultureInfo.InvariantCulture);
        var connection = azurite.ConnectionString.Replace(azurite.BlobEndpoint.AbsoluteUri.TrimEnd('/'), $"http://127.0.0.1:{port}/{AzuriteFixture.AccountName}", StringComparison.Ordinal);

        var result = await BlogCli.RunAsync(["status", "--connection-string", connection]);

        AssertOneLine(result, $"blog status: cannot reach the storage at http://127.0.0.1:{port}/{AzuriteFixture.AccountName}: is Azurite running?");
    }

    [Fact]
    public async Task A_missing_container_is_named()
    {
        var blog = await BlogContainerSet.CreateAsync(azurite);
        var environment = blog.Environment;
        environment["Blog__StateContainer"] = "no-such-container";

        var result = await BlogCli.RunAsync(["status", "--connection-string", azurite.ConnectionString], environment);

        AssertOneLine(result, "blog status: the container 'no-such-container' does not exist on ");
    }

    [Fact]
    public async Task A_wrong_account_key_is_one_line()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);

        var result = await BlogCli.RunAsync(["status", "--connection-string", wrongKey]);

        AssertOneLine(result, $"blog status: the storage account {azurite.BlobEndpoint.AbsoluteUri.TrimEnd('/')} refused the credentials");
    }

    [Fact]
    public async Task Permission_denied_is_one_line_and_verbose_adds_the_stack_trace()
    {
        var blog = await BlogContainerSet.CreateAsync(azurite);
        var readOnly = azurite.BlobService.GenerateAccountSasUri(AccountSasPermissions.Read | AccountSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.All);
        var connection = $"BlobEndpoint={azurite.BlobEndpoint};SharedAccessSignature={readOnly.Query.TrimStart('?')}";

        var result = await BlogCli.RunAsync(["publish", Sample, "--connection-string", connection], blog.Environment);
        var verbose = await BlogCli.RunAsync(["publish", Sample, "--connection-string", connection, "--verbose"], blog.Environment);

        AssertOneLine(result, "blog publish: permission denied on ");
        Assert.Equal(1, verbose.ExitCode);
        Assert.StartsWith("blog publish: permission denied on ", verbose.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(verbose.ErrorLines, line => line.StartsWith("at ", StringComparison.Ordinal));
    }

    private static void AssertOneLine(CliResult result, string start)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
    }
}
