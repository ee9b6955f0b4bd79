using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed class MonitoringTests(CompiledInfra infra)
{
    [Fact]
    public void Application_Insights_is_workspace_based_with_local_auth_disabled()
    {
        var insights = infra.Monitoring.SingleOfType("Microsoft.Insights/components");

        Assert.True(insights.Property("DisableLocalAuth")!.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Property("WorkspaceResourceId")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workspace_has_local_auth_disabled_too()
    {
        var workspace = infra.Monitoring.SingleOfType("Microsoft.OperationalInsights/workspaces");

        Assert.True(workspace.Property("features.disableLocalAuth")!.GetValue<bool>());
        Assert.Equal("PerGB2018", workspace.Property("sku.name")!.GetValue<string>());
    }

    [Fact]
    public void The_app_reads_the_component_it_is_granted_metrics_publishing_on()
    {
        Assert.Equal(infra.Monitoring.PassedExpression("applicationInsightsName"), infra.FunctionApp.PassedExpression("applicationInsightsName"));
        Assert.Equal(infra.Monitoring.PassedExpression("applicationInsightsName"), infra.RoleAssignments.PassedExpression("applicationInsightsName"));
    }
}
