namespace ServerlessBlog.Cli.Tests;

/// <summary>The storage and dev commands' arguments, checked before any storage is reached or process started.</summary>
public sealed class CommandArgumentTests
{
    [Fact]
    public async Task An_account_url_is_read_as_a_url()
    {
        // Both ways of connecting at once are refused by the command's own rule, which runs only once both parsed.
        var result = await RepositoryTools.RunBlogAsync(["status", "--account-url", "https://myaccount.blob.core.windows.net", "--connection-string", "UseDevelopmentStorage=true"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give either --connection-string or --account-url, not both.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://myaccount.example/")]
    public async Task An_account_url_that_is_not_an_http_url_is_refused(string url)
    {
        var result = await RepositoryTools.RunBlogAsync(["status", "--account-url", url]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--account-url must be an account's blob endpoint, such as https://ACCOUNT.blob.core.windows.net, not '{url}'.", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "0", "--port must be a port number from 1 to 65535.")]
    [InlineData("--port", "70000", "--port must be a port number from 1 to 65535.")]
    [InlineData("--azurite-port", "65535", "--azurite-port must be 0 or a port number from 1 to 65533 (queue and table take the next two).")]
    public async Task Dev_refuses_a_port_that_cannot_be_served_on(string option, string value, string message)
    {
        var result = await RepositoryTools.RunBlogAsync(["dev", option, value]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_refuses_a_wait_of_no_time()
    {
        var result = await RepositoryTools.RunBlogAsync(["publish", Path.Combine(RepositoryTools.Root, "samples", "blog"), "--wait", "--timeout", "-5"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--timeout must be at least 1 second.", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_from_a_content_folder_that_does_not_exist_fails_before_touching_the_site()
    {
        var result = await RepositoryTools.RunBlogAsync(["rebuild", "--content", "/nonexistent/content", "--connection-string", "UseDevelopmentStorage=true"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("blog rebuild: the content folder /nonexistent/content does not exist", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
