using System.Text.RegularExpressions;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

/// <summary>
/// The BlobCreated subscription is created after deployment (the webhook needs the blobs_extension key):
/// both hook scripts must wire it the same way.
/// </summary>
[Collection(CompiledInfraDefinition.Name)]
public sealed partial class PostDeployHookTests(CompiledInfra infra)
{
    public static TheoryData<string> Scripts => new() { "scripts/postdeploy.sh", "scripts/postdeploy.ps1" };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_hook_subscribes_the_publish_webhook_to_BlobCreated_only(string script)
    {
        var command = SubscriptionCommand(script);

        Assert.Matches(@"--endpoint-type\s+webhook\b", command);
        Assert.Matches(@"--included-event-types\s+Microsoft\.Storage\.BlobCreated(\s+--|\s*$)", command);
        Assert.Matches(@"--system-topic-name\s+\S*AZURE_EVENTGRID_SYSTEM_TOPIC_NAME", command);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_hook_filters_on_the_posts_container_subject(string script)
    {
        var command = SubscriptionCommand(script);

        Assert.Matches(@"--subject-begins-with\s+""/blobServices/default/containers/\$(\{|\(\$env:)BLOG_POSTS_CONTAINER(\}|\))/blobs/""", command);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_hook_filters_on_data_api_so_a_chunked_upload_fires_once(string script)
    {
        var match = ApiFilter().Match(SubscriptionCommand(script));

        Assert.True(match.Success, "no data.api StringIn filter");
        var apis = match.Groups["apis"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(["CopyBlob", "PutBlob", "PutBlockList"], apis);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_webhook_calls_the_publish_function_with_the_blobs_extension_key(string script)
    {
        var text = RepoPaths.ReadText(script);

        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Matches(
            @"https://\$(\{|\(\$env:)AZURE_FUNCTION_APP_HOSTNAME(\}|\))/runtime/webhooks/blobs\?functionName=Host\.Functions\.\$(\{|\(\$env:)BLOG_PUBLISH_FUNCTION_NAME(\}|\))&code=",
            text);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_value_the_hook_reads_is_an_output_of_the_template(string script)
    {
        var text = RepoPaths.ReadText(script);
        var read = EnvironmentName().Matches(text).Select(match => match.Value).Distinct().ToList();

        Assert.Contains("AZURE_RESOURCE_GROUP", read);
        Assert.All(read, name => Assert.True(infra.Main.Outputs.ContainsKey(name), $"{script} reads {name}, which main.bicep does not output"));
    }

    [Fact]
    public void The_function_the_webhook_calls_is_PublishPost()
    {
        Assert.Equal("PublishPost", infra.Main.ResolveString(infra.Main.Outputs["BLOG_PUBLISH_FUNCTION_NAME"]!["value"]));
    }

    [Fact]
    public void The_posix_hook_is_executable_and_posix_sh()
    {
        var path = RepoPaths.Combine("scripts", "postdeploy.sh");

        Assert.StartsWith("#!", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("${!", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("[[", File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(path) & UnixFileMode.UserExecute);
        }
    }

    private static string SubscriptionCommand(string script)
    {
        // One logical line per command: join sh (\) and PowerShell (`) line continuations.
        var text = Regex.Replace(RepoPaths.ReadText(script), @"[\\`]\n\s*", " ");
        var line = text.Split('\n').SingleOrDefault(line => line.TrimStart().StartsWith("az eventgrid system-topic event-subscription create", StringComparison.Ordinal));
        return line ?? throw new InvalidOperationException($"{script} creates no event subscription.");
    }

    [GeneratedRegex(@"--advanced-filter\s+data\.api\s+StringIn\s+(?<apis>(?:[A-Za-z]+ ?)+)")]
    private static partial Regex ApiFilter();

    [GeneratedRegex(@"\b(AZURE|BLOG)_[A-Z_]+\b")]
    private static partial Regex EnvironmentName();
}
