using System.Text.Json.Nodes;

namespace ServerlessBlog.Infra.Tests.Support;

/// <summary>infra/main.bicep compiled to ARM JSON once for the whole test run, with the pinned Bicep CLI.</summary>
public sealed class CompiledInfra : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("serverlessblog-infra-");

    public CompiledInfra()
    {
        var compiled = Path.Combine(_output.FullName, "main.json");
        Build = BicepCli.Run("build", Path.Combine(RepoPaths.Infra, "main.bicep"), "--outfile", compiled);
        if (Build.ExitCode != 0 || !File.Exists(compiled))
        {
            throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.Diagnostics}");
        }

        Text = File.ReadAllText(compiled);
        Main = new ArmTemplate("main", JsonNode.Parse(Text)!.AsObject(), passedParameters: null, parent: null);
    }

    /// <summary>The build of main.bicep and every module it uses.</summary>
    internal BicepRun Build { get; }

    public ArmTemplate Main { get; }

    public ArmTemplate Storage => Main.Module("storage");

    public ArmTemplate FunctionApp => Main.Module("function-app");

    public ArmTemplate Monitoring => Main.Module("monitoring");

    public ArmTemplate EventGridTopic => Main.Module("event-grid-topic");

    public ArmTemplate DeleteEvents => Main.Module("delete-events");

    public ArmTemplate RoleAssignments => Main.Module("role-assignments");

    /// <summary>The compiled JSON of everything, as Bicep wrote it, for searches across all templates.</summary>
    public string Text { get; }

    public void Dispose() => _output.Delete(recursive: true);
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraDefinition : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}
