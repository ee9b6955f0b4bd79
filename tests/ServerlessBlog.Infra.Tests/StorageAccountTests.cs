using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed class StorageAccountTests(CompiledInfra infra)
{
    private ArmResource Account => infra.Storage.SingleOfType("Microsoft.Storage/storageAccounts");

    [Fact]
    public void The_template_deploys_one_storage_account()
    {
        var accounts = infra.Main.SelfAndDescendants.SelectMany(template => template.OfType("Microsoft.Storage/storageAccounts"));

        Assert.Single(accounts);
    }

    [Fact]
    public void The_account_is_StorageV2_https_only_with_TLS_1_2()
    {
        Assert.Equal("StorageV2", Account.Json["kind"]!.GetValue<string>());
        Assert.True(Account.Property("supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", Account.Property("minimumTlsVersion")!.GetValue<string>());
    }

    [Fact]
    public void The_account_allows_neither_public_blobs_nor_shared_keys()
    {
        Assert.False(Account.Property("allowBlobPublicAccess")!.GetValue<bool>());
        Assert.False(Account.Property("allowSharedKeyAccess")!.GetValue<bool>());
        Assert.True(Account.Property("defaultToOAuthAuthentication")!.GetValue<bool>());
    }

    [Fact]
    public void The_sku_is_a_parameter_with_a_standard_default()
    {
        Assert.Equal("[parameters('storageSkuName')]", infra.Storage.PassedExpression("skuName"));
        Assert.Equal("Standard_LRS", infra.Main.Parameters["storageSkuName"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void The_static_website_serves_the_pages_the_app_writes_for_folders_and_missing_paths()
    {
        var blobService = infra.Storage.SingleOfType("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("2025-08-01", blobService.Json["apiVersion"]!.GetValue<string>());
        Assert.True(blobService.Property("staticWebsite.enabled")!.GetValue<bool>());
        Assert.Equal(SitePaths.IndexDocument, blobService.Resolved("staticWebsite.indexDocument"));
        Assert.Equal(SitePaths.NotFound, blobService.Resolved("staticWebsite.errorDocument404Path"));
    }

    [Fact]
    public void The_posts_state_and_package_containers_exist_and_are_private()
    {
        var containers = infra.Storage.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var names = containers.Select(container => container.Name).ToList();

        Assert.Equal(3, containers.Count);
        Assert.All(containers, container => Assert.Equal("None", container.Property("publicAccess")!.GetValue<string>()));
        Assert.Contains(names, name => name.Contains("parameters('postsContainerName')", StringComparison.Ordinal));
        Assert.Contains(names, name => name.Contains("parameters('stateContainerName')", StringComparison.Ordinal));
        Assert.Contains(names, name => name.Contains("parameters('deploymentContainerName')", StringComparison.Ordinal));
    }

    [Fact]
    public void The_delete_queue_exists()
    {
        var queue = infra.Storage.SingleOfType("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Contains("parameters('deleteQueueName')", queue.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Provisioned_names_are_the_app_defaults_fed_by_the_same_parameters()
    {
        Assert.Equal("[parameters('postsContainerName')]", infra.Storage.PassedExpression("postsContainerName"));
        Assert.Equal("[parameters('stateContainerName')]", infra.Storage.PassedExpression("stateContainerName"));
        Assert.Equal("[parameters('deleteQueueName')]", infra.Storage.PassedExpression("deleteQueueName"));

        Assert.Equal(BlogDefaults.PostsContainer, MainDefault("postsContainerName"));
        Assert.Equal(BlogDefaults.StateContainer, MainDefault("stateContainerName"));
        Assert.Equal(BlogDefaults.DeleteQueue, MainDefault("deleteQueueName"));

        Assert.Equal(BlogDefaults.PostsContainer, infra.Storage.ResolveParameter("postsContainerName"));
        Assert.Equal(BlogDefaults.StateContainer, infra.Storage.ResolveParameter("stateContainerName"));
        Assert.Equal(BlogDefaults.DeleteQueue, infra.Storage.ResolveParameter("deleteQueueName"));
    }

    private string? MainDefault(string parameter) => infra.Main.Parameters[parameter]!["defaultValue"]!.GetValue<string>();
}
