using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessBlog.Infra.Tests.Support;

/// <summary>
/// A compiled ARM template (the root, or a module's nested template) with the parameter values its
/// parent passed, so that <c>[parameters('x')]</c> and <c>[variables('y').z]</c> can be followed
/// back to the value that feeds them.
/// </summary>
public sealed partial class ArmTemplate
{
    private readonly JsonObject? _passedParameters;

    internal ArmTemplate(string name, JsonObject json, JsonObject? passedParameters, ArmTemplate? parent)
    {
        Name = name;
        Json = json;
        _passedParameters = passedParameters;
        Parent = parent;
    }

    /// <summary>The deployment name of the module, or <c>main</c>.</summary>
    public string Name { get; }

    public JsonObject Json { get; }

    public ArmTemplate? Parent { get; }

    public JsonObject Parameters => Json["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Json["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Json["outputs"]?.AsObject() ?? [];

    /// <summary>Every resource the template declares, existing references included.</summary>
    public IEnumerable<ArmResource> AllResources => Json["resources"] switch
    {
        JsonArray array => array.Select(node => new ArmResource(this, symbolicName: null, node!.AsObject())),
        JsonObject symbols => symbols.Select(pair => new ArmResource(this, pair.Key, pair.Value!.AsObject())),
        _ => [],
    };

    /// <summary>The resources the template deploys (not <c>existing</c> references, not module deployments).</summary>
    public IEnumerable<ArmResource> Resources =>
        AllResources.Where(resource => !resource.IsExisting && resource.Type != "Microsoft.Resources/deployments");

    /// <summary>The modules this template deploys.</summary>
    public IEnumerable<ArmTemplate> Modules =>
        AllResources
            .Where(resource => resource.Type == "Microsoft.Resources/deployments")
            .Select(resource => new ArmTemplate(
                resource.Name,
                resource.Properties["template"]!.AsObject(),
                resource.Properties["parameters"]?.AsObject(),
                this));

    /// <summary>This template and every module under it.</summary>
    public IEnumerable<ArmTemplate> SelfAndDescendants => [this, .. Modules.SelectMany(module => module.SelfAndDescendants)];

    public ArmTemplate Module(string deploymentName) =>
        Modules.SingleOrDefault(module => module.Name == deploymentName)
        ?? throw new InvalidOperationException($"{Name} deploys no module named '{deploymentName}'.");

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource SingleOfType(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{Name} declares {matches.Count} resources of type {type}, expected one.");
    }

    /// <summary>The raw value (often an expression) the parent passes for a parameter, or null.</summary>
    public JsonNode? PassedValue(string parameterName) => _passedParameters?[parameterName]?["value"];

    /// <summary>The raw expression the parent passes for a string parameter, or null.</summary>
    public string? PassedExpression(string parameterName) => PassedValue(parameterName)?.ToString();

    /// <summary>
    /// The type of the resource a symbolic <c>reference('name')</c> in an expression points at,
    /// or null when the expression references none.
    /// </summary>
    public string? ReferencedType(string expression)
    {
        var match = SymbolicReference().Match(expression);
        return match.Success
            ? AllResources.SingleOrDefault(resource => resource.SymbolicName == match.Groups["symbol"].Value)?.Type
            : null;
    }

    /// <summary>The description every parameter and output should carry.</summary>
    public static string? DescriptionOf(JsonNode? declaration) =>
        declaration?["metadata"]?["description"]?.GetValue<string>();

    /// <summary>
    /// Follows <c>[parameters('x').a.b]</c> and <c>[variables('x').a]</c> to the value that feeds them:
    /// the value the parent passes, else the default. Any other expression is returned as it is.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        var scope = this;
        for (var depth = 0; depth < 32; depth++)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return node;
            }

            var match = Reference().Match(text);
            if (!match.Success)
            {
                return node;
            }

            var name = match.Groups["name"].Value;
            var (target, targetScope) = match.Groups["kind"].Value == "parameters"
                ? scope.ParameterSource(name)
                : (scope.Variables[name], scope);
            foreach (var member in match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                target = targetScope.Resolve(target)?[member];
            }

            node = target;
            scope = targetScope;
        }

        throw new InvalidOperationException($"Could not resolve {node} in {Name}: too deep.");
    }

    public string? ResolveString(JsonNode? node) => Resolve(node)?.ToString();

    /// <summary>The value that feeds a parameter of this template, followed through every parent.</summary>
    public string? ResolveParameter(string name) => ResolveString(JsonValue.Create($"[parameters('{name}')]"));

    private (JsonNode? Value, ArmTemplate Scope) ParameterSource(string name)
    {
        var passed = _passedParameters?[name];
        if (passed is not null && Parent is not null)
        {
            return (passed["value"], Parent);
        }

        return (Parameters[name]?["defaultValue"], this);
    }

    [GeneratedRegex(@"reference\('(?<symbol>[A-Za-z_][A-Za-z0-9_]*)'\)")]
    private static partial Regex SymbolicReference();

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)(?<path>(\.[A-Za-z_][A-Za-z0-9_]*)*)\]$")]
    private static partial Regex Reference();
}

/// <summary>One resource of a compiled template.</summary>
public sealed class ArmResource
{
    internal ArmResource(ArmTemplate template, string? symbolicName, JsonObject json)
    {
        Template = template;
        SymbolicName = symbolicName;
        Json = json;
    }

    public ArmTemplate Template { get; }

    public string? SymbolicName { get; }

    public JsonObject Json { get; }

    public string Type => Json["type"]!.GetValue<string>();

    public string Name => Json["name"]!.GetValue<string>();

    public bool IsExisting => Json["existing"]?.GetValue<bool>() ?? false;

    public string? Condition => Json["condition"]?.ToString();

    public JsonObject Properties => Json["properties"]?.AsObject() ?? [];

    /// <summary>A property found by a dotted path under <c>properties</c>, such as <c>siteConfig.minTlsVersion</c>.</summary>
    public JsonNode? Property(string path)
    {
        JsonNode? node = Properties;
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        return node;
    }

    /// <summary>A property followed back to the parameter or variable that feeds it.</summary>
    public string? Resolved(string path) => Template.ResolveString(Property(path));

    public override string ToString() => $"{Type} {SymbolicName ?? Name} in {Template.Name}";
}
