using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed partial class TemplateQualityTests(CompiledInfra infra)
{
    private static readonly string[] BicepFiles = Directory
        .GetFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Main_builds_without_a_diagnostic()
    {
        Assert.Equal(0, infra.Build.ExitCode);
        Assert.Equal(string.Empty, infra.Build.Diagnostics);
    }

    [Fact]
    public void Every_template_builds_on_its_own_without_a_diagnostic()
    {
        var output = Directory.CreateTempSubdirectory("serverlessblog-infra-all-");
        try
        {
            var run = BicepCli.Run("build", "--pattern", "infra/**/*.bicep", "--outdir", output.FullName);

            Assert.Equal(string.Empty, run.Diagnostics);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(BicepFiles.Length, output.GetFiles("*.json", SearchOption.AllDirectories).Length);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_template_lints_without_a_diagnostic_warnings_included()
    {
        var run = BicepCli.Run("lint", "--pattern", "infra/**/*.bicep");

        Assert.Equal(string.Empty, run.Diagnostics);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Every_linter_rule_is_an_error_but_the_date_dependent_one()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.True(core["enabled"]!.GetValue<bool>());
        Assert.True(rules.Count >= 30, $"only {rules.Count} rules configured");
        foreach (var (rule, setting) in rules)
        {
            var expected = rule == "use-recent-api-versions" ? "off" : "error";
            Assert.True(expected == setting!["level"]!.GetValue<string>(), $"{rule} should be at level {expected}");
        }

        Assert.Contains("no-unused-params", rules.Select(pair => pair.Key));
        Assert.Contains("outputs-should-not-contain-secrets", rules.Select(pair => pair.Key));
    }

    [Fact]
    public void Modules_are_local_files_not_registry_references()
    {
        foreach (var file in BicepFiles)
        {
            Assert.DoesNotMatch(@"'br[:/]", File.ReadAllText(file));
            Assert.DoesNotMatch(@"'ts[:/]", File.ReadAllText(file));
        }

        Assert.All(
            infra.Main.Modules,
            module => Assert.True(File.Exists(Path.Combine(RepoPaths.Infra, "modules", $"{module.Name}.bicep")), module.Name));
    }

    [Fact]
    public void Role_ids_are_named_only_in_the_role_definitions_module()
    {
        var filesWithGuids = BicepFiles
            .Where(file => Guid().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepoPaths.Infra, file).Replace('\\', '/'));

        Assert.Equal(["modules/role-definitions.bicep"], filesWithGuids);
    }

    [Fact]
    public void Every_parameter_and_output_is_described()
    {
        foreach (var template in infra.Main.SelfAndDescendants)
        {
            foreach (var (name, declaration) in template.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(ArmTemplate.DescriptionOf(declaration)), $"parameter {name} of {template.Name}");
            }

            foreach (var (name, declaration) in template.Outputs)
            {
                Assert.False(string.IsNullOrWhiteSpace(ArmTemplate.DescriptionOf(declaration)), $"output {name} of {template.Name}");
            }
        }
    }

    [Fact]
    public void Every_deployed_resource_that_takes_tags_carries_the_azd_environment_tag()
    {
        var tagged = infra.Main.SelfAndDescendants
            .SelectMany(template => template.Resources)
            .Where(resource => resource.Json["tags"] is not null)
            .ToList();

        Assert.True(tagged.Count >= 7, $"only {tagged.Count} tagged resources");
        Assert.Equal("[parameters('environmentName')]", infra.Main.Variables["tags"]!["azd-env-name"]!.ToString());
        foreach (var template in infra.Main.Modules.Where(module => module.Parameters.ContainsKey("tags")))
        {
            Assert.Equal("[variables('tags')]", template.PassedExpression("tags"));
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
