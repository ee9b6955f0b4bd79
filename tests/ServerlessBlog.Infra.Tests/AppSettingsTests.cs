using System.Reflection;
using System.Text.Json.Nodes;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private const string BlogPrefix = BlogOptions.SectionName + "__";

    /// <summary>Settings the Functions host and platform read, besides the blog's own.</summary>
    private static readonly string[] HostSettings =
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>Settings that carry a key or a connection string, or that Flex Consumption rejects.</summary>
    private static readonly string[] ForbiddenSettings =
    [
        "AzureWebJobsStorage",
        "AzureWebJobsDashboard",
        "AzureWebJobsStorage__accountKey",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_RUN_FROM_PACKAGE",
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
        "APPINSIGHTS_INSTRUMENTATIONKEY",
    ];

    private static readonly string[] SecretMarkers =
    [
        "listKeys(", "listAccountSas(", "listServiceSas(", "AccountKey=", "SharedAccessSignature", "sig=",
        "DefaultEndpointsProtocol", "InstrumentationKey=",
    ];

    private ArmResource AppSettings => infra.FunctionApp
        .OfType("Microsoft.Web/sites/config")
        .Single(config => config.Name.Contains("'appsettings'", StringComparison.Ordinal));

    private JsonObject Settings => AppSettings.Properties;

    [Fact]
    public void Host_storage_is_identity_based()
    {
        Assert.Contains("primaryEndpoints.blob", Settings["AzureWebJobsStorage__blobServiceUri"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", Settings["AzureWebJobsStorage__queueServiceUri"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", Settings["AzureWebJobsStorage__tableServiceUri"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("managedidentity", Settings["AzureWebJobsStorage__credential"]!.GetValue<string>());
        Assert.Equal(
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            infra.FunctionApp.ReferencedType(Settings["AzureWebJobsStorage__clientId"]!.ToString()));
        Assert.EndsWith(".clientId]", Settings["AzureWebJobsStorage__clientId"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Settings["AzureWebJobsStorage__clientId"]!.ToString(), Settings["AZURE_CLIENT_ID"]!.ToString());
    }

    [Fact]
    public void Telemetry_authenticates_with_the_identity()
    {
        Assert.Contains("Authorization=AAD", Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(".ConnectionString]", Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            "Microsoft.Insights/components",
            infra.FunctionApp.ReferencedType(Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]!.ToString()));
    }

    [Fact]
    public void No_setting_holds_a_key_or_a_connection_string()
    {
        foreach (var (name, value) in Settings)
        {
            Assert.DoesNotContain(name, ForbiddenSettings);
            if (name != "APPLICATIONINSIGHTS_CONNECTION_STRING")
            {
                Assert.DoesNotContain("connectionstring", name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }

            foreach (var word in new[] { "key", "secret", "password", "sas" })
            {
                Assert.False(name.Contains(word, StringComparison.OrdinalIgnoreCase), $"setting {name} looks like a secret");
            }

            foreach (var marker in SecretMarkers)
            {
                Assert.DoesNotContain(marker, value?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void No_template_reads_a_key_and_the_site_has_no_connection_strings()
    {
        foreach (var marker in new[] { "listKeys(", "listAccountSas(", "listServiceSas(", "AccountKey=" })
        {
            Assert.DoesNotContain(marker, infra.Text, StringComparison.OrdinalIgnoreCase);
        }

        var site = infra.FunctionApp.SingleOfType("Microsoft.Web/sites");
        Assert.Null(site.Property("siteConfig.connectionStrings"));
        Assert.Null(site.Property("siteConfig.appSettings"));
    }

    [Fact]
    public void Every_setting_is_one_the_host_or_the_blog_reads()
    {
        var blogProperties = typeof(BlogOptions)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .Select(property => property.Name)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (name, _) in Settings)
        {
            if (name.StartsWith(BlogPrefix, StringComparison.Ordinal))
            {
                Assert.True(blogProperties.Contains(name[BlogPrefix.Length..]), $"{name} names no BlogOptions property");
            }
            else
            {
                Assert.Contains(name, HostSettings);
            }
        }

        Assert.All(HostSettings, name => Assert.True(Settings.ContainsKey(name), $"missing {name}"));
    }

    [Theory]
    [InlineData(nameof(BlogOptions.Title))]
    [InlineData(nameof(BlogOptions.BaseUrl))]
    [InlineData(nameof(BlogOptions.PostsContainer))]
    [InlineData(nameof(BlogOptions.SiteContainer))]
    [InlineData(nameof(BlogOptions.StateContainer))]
    [InlineData(nameof(BlogOptions.DeleteQueue))]
    [InlineData(nameof(BlogOptions.ReconcileSchedule))]
    public void The_blog_setting_is_set(string property)
    {
        Assert.True(Settings.ContainsKey(BlogPrefix + property), $"missing {BlogPrefix}{property}");
    }

    [Theory]
    [InlineData(nameof(BlogOptions.Title), BlogDefaults.Title)]
    [InlineData(nameof(BlogOptions.Language), BlogDefaults.Language)]
    [InlineData(nameof(BlogOptions.PostsContainer), BlogDefaults.PostsContainer)]
    [InlineData(nameof(BlogOptions.SiteContainer), BlogDefaults.SiteContainer)]
    [InlineData(nameof(BlogOptions.StateContainer), BlogDefaults.StateContainer)]
    [InlineData(nameof(BlogOptions.DeleteQueue), BlogDefaults.DeleteQueue)]
    [InlineData(nameof(BlogOptions.ReconcileSchedule), BlogDefaults.ReconcileSchedule)]
    public void The_blog_setting_defaults_to_the_app_default(string property, string expected)
    {
        Assert.Equal(expected, AppSettings.Resolved(BlogPrefix + property));
    }

    [Fact]
    public void The_base_url_is_the_static_website_endpoint()
    {
        Assert.Equal("[parameters('blog').baseUrl]", Settings[BlogPrefix + nameof(BlogOptions.BaseUrl)]!.ToString());
        var baseUrl = infra.FunctionApp.PassedValue("blog")!["baseUrl"]!.ToString();
        Assert.Contains("'storage'", baseUrl, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.webEndpoint.value]", baseUrl, StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.web]", infra.Storage.Outputs["webEndpoint"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_containers_and_queue_the_app_reads_are_the_ones_provisioned()
    {
        var blog = infra.FunctionApp.PassedValue("blog")!;

        Assert.Equal(infra.Storage.PassedExpression("postsContainerName"), blog["postsContainer"]!.ToString());
        Assert.Equal(infra.Storage.PassedExpression("stateContainerName"), blog["stateContainer"]!.ToString());
        Assert.Equal(infra.Storage.PassedExpression("deleteQueueName"), blog["deleteQueue"]!.ToString());
        Assert.Equal(infra.Storage.PassedExpression("postsContainerName"), infra.DeleteEvents.PassedExpression("postsContainerName"));
        Assert.Equal(infra.Storage.PassedExpression("deleteQueueName"), infra.DeleteEvents.PassedExpression("deleteQueueName"));
        Assert.Equal(infra.Storage.PassedExpression("postsContainerName"), infra.RoleAssignments.PassedExpression("postsContainerName"));
        Assert.Equal(infra.Storage.PassedExpression("deleteQueueName"), infra.RoleAssignments.PassedExpression("deleteQueueName"));
    }
}
