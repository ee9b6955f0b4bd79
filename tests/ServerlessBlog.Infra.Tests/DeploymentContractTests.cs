using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Infra.Tests.Support;
using YamlDotNet.Serialization;

namespace ServerlessBlog.Infra.Tests;

/// <summary>What azd and a person deploying rely on: azure.yaml, main.parameters.json and the outputs.</summary>
[Collection(CompiledInfraDefinition.Name)]
public sealed partial class DeploymentContractTests(CompiledInfra infra)
{
    [Theory]
    [InlineData("BLOG_SITE_URL")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    public void The_deployment_outputs(string output)
    {
        Assert.True(infra.Main.Outputs.ContainsKey(output), $"main.bicep does not output {output}");
        Assert.Equal("string", infra.Main.Outputs[output]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_site_url_output_is_the_static_website_endpoint()
    {
        var value = infra.Main.Outputs["BLOG_SITE_URL"]!["value"]!.ToString();

        Assert.Contains("'storage'", value, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.webEndpoint.value]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_are_named_from_the_resource_token_and_the_prefix()
    {
        Assert.Equal(
            "[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]",
            infra.Main.Variables["resourceToken"]!.ToString());
        foreach (var (kind, name) in infra.Main.Variables["names"]!.AsObject())
        {
            if (kind is not "resourceGroup")
            {
                Assert.Contains("variables('resourceToken')", name!.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_parameters_file_sets_only_parameters_of_main_and_every_required_one()
    {
        var file = ParametersFile();
        var declared = infra.Main.Parameters;

        Assert.All(file, pair => Assert.True(declared.ContainsKey(pair.Key), $"main.bicep has no parameter {pair.Key}"));
        foreach (var (name, declaration) in declared)
        {
            if (declaration!["defaultValue"] is null)
            {
                Assert.True(file.ContainsKey(name), $"main.parameters.json does not set the required parameter {name}");
            }
        }

        Assert.Equal("${AZURE_ENV_NAME}", file["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", file["location"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", file["principalId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Defaults_in_the_parameters_file_match_the_template_defaults()
    {
        foreach (var (name, setting) in ParametersFile())
        {
            var match = AzdDefault().Match(setting!["value"]!.ToString());
            if (match.Success)
            {
                Assert.Equal(infra.Main.Parameters[name]!["defaultValue"]!.ToString(), match.Groups["default"].Value);
            }
        }
    }

    [Fact]
    public void Template_defaults_are_the_app_defaults()
    {
        Assert.Equal(BlogDefaults.Title, infra.Main.Parameters["siteTitle"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(BlogDefaults.Language, infra.Main.Parameters["siteLanguage"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(BlogDefaults.ReconcileSchedule, infra.Main.Parameters["reconcileSchedule"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(BlogDefaults.SiteContainer, infra.Main.Variables["siteContainerName"]!.GetValue<string>());
    }

    [Fact]
    public void The_location_parameter_is_an_azd_location()
    {
        Assert.Equal("location", infra.Main.Parameters["location"]!["metadata"]!["azd"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_the_api_service()
    {
        var api = Map(Map(AzureYaml()["services"])["api"]);

        Assert.Equal("./src/ServerlessBlog.Functions", api["project"]);
        Assert.Equal("dotnet", api["language"]);
        Assert.Equal("function", api["host"]);
        Assert.Equal("api", infra.FunctionApp.ResolveParameter("serviceName"));
    }

    [Fact]
    public void Azure_yaml_provisions_infra_main_with_bicep()
    {
        var infraSection = Map(AzureYaml()["infra"]);

        Assert.Equal("bicep", infraSection["provider"]);
        Assert.Equal("infra", infraSection["path"]);
        Assert.Equal("main", infraSection["module"]);
    }

    [Theory]
    [InlineData("posix", "sh", "./scripts/postdeploy.sh")]
    [InlineData("windows", "pwsh", "./scripts/postdeploy.ps1")]
    public void Azure_yaml_runs_the_postdeploy_hook(string platform, string shell, string script)
    {
        var hook = Map(Map(Map(AzureYaml()["hooks"])["postdeploy"])[platform]);

        Assert.Equal(shell, hook["shell"]);
        Assert.Equal(script, hook["run"]);
        Assert.Equal("false", hook["continueOnError"]);
        Assert.True(File.Exists(RepoPaths.Combine(script)), script);
    }

    private static JsonObject ParametersFile() =>
        JsonNode.Parse(RepoPaths.ReadText("infra", "main.parameters.json"))!["parameters"]!.AsObject();

    private static Dictionary<object, object> AzureYaml() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(RepoPaths.ReadText("azure.yaml"));

    private static Dictionary<object, object> Map(object? node) =>
        node as Dictionary<object, object> ?? throw new InvalidOperationException($"azure.yaml: expected a mapping, found {node}");

    [GeneratedRegex(@"^\$\{[A-Z_]+=(?<default>[^}]*)\}$")]
    private static partial Regex AzdDefault();
}
