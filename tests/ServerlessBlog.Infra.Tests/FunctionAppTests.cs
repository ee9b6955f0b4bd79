using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed class FunctionAppTests(CompiledInfra infra)
{
    private ArmResource Plan => infra.FunctionApp.SingleOfType("Microsoft.Web/serverfarms");

    private ArmResource Site => infra.FunctionApp.SingleOfType("Microsoft.Web/sites");

    [Fact]
    public void The_plan_is_Flex_Consumption_FC1_on_Linux()
    {
        Assert.Equal("FC1", Plan.Json["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", Plan.Json["sku"]!["tier"]!.GetValue<string>());
        Assert.True(Plan.Property("reserved")!.GetValue<bool>());
    }

    [Fact]
    public void The_app_is_a_Linux_function_app_on_that_plan()
    {
        Assert.Equal("functionapp,linux", Site.Json["kind"]!.GetValue<string>());
        Assert.Contains("Microsoft.Web/serverfarms", Site.Property("serverFarmId")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_is_dotnet_isolated_10()
    {
        Assert.Equal("dotnet-isolated", Site.Resolved("functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.Resolved("functionAppConfig.runtime.version"));
    }

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_only()
    {
        var identity = Site.Json["identity"]!;

        Assert.Equal("UserAssigned", identity["type"]!.GetValue<string>());
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", assigned.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_is_deployed_from_its_container_with_the_identity()
    {
        var storage = Site.Property("functionAppConfig.deployment.storage")!;

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Contains("parameters('deploymentContainerName')", storage["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", storage["authentication"]!["userAssignedIdentityResourceId"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("names').deploymentContainer", infra.FunctionApp.PassedExpression("deploymentContainerName"), StringComparison.Ordinal);
        Assert.Equal(infra.Storage.PassedExpression("deploymentContainerName"), infra.FunctionApp.PassedExpression("deploymentContainerName"));
    }

    [Fact]
    public void The_app_scales_within_Flex_Consumption_limits()
    {
        Assert.Equal("[parameters('instanceMemoryMB')]", Site.Property("functionAppConfig.scaleAndConcurrency.instanceMemoryMB")!.ToString());
        Assert.Equal("[parameters('maximumInstanceCount')]", Site.Property("functionAppConfig.scaleAndConcurrency.maximumInstanceCount")!.ToString());
        Assert.Equal("2048", infra.FunctionApp.ResolveParameter("instanceMemoryMB"));
        Assert.Equal(40, infra.Main.Parameters["functionMaximumInstanceCount"]!["minValue"]!.GetValue<int>());
    }

    [Fact]
    public void The_app_takes_https_and_TLS_1_2_only_and_no_basic_publishing_credentials()
    {
        Assert.True(Site.Property("httpsOnly")!.GetValue<bool>());
        Assert.Equal("1.2", Site.Resolved("siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", Site.Resolved("siteConfig.ftpsState"));

        var policies = infra.FunctionApp.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False(policy.Property("allow")!.GetValue<bool>()));
    }

    [Fact]
    public void The_app_is_tagged_as_the_azd_api_service()
    {
        Assert.Contains("'azd-service-name', parameters('serviceName')", Site.Json["tags"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("api", infra.FunctionApp.ResolveParameter("serviceName"));
    }
}
