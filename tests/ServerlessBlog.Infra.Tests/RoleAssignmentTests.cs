using System.Text.RegularExpressions;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfra infra)
{
    /// <summary>The built-in roles the blog needs, by the name the role definitions module gives them.</summary>
    private static readonly Dictionary<string, string> ExpectedRoles = new(StringComparer.Ordinal)
    {
        ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["storageBlobDataContributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["storageQueueDataMessageSender"] = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
        ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
    };

    /// <summary>Roles broader than any part of the blog needs.</summary>
    private static readonly Dictionary<string, string> ForbiddenRoles = new(StringComparer.Ordinal)
    {
        ["Owner"] = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        ["Contributor"] = "b24988ac-6180-42a0-ab88-20f7382dd24c",
        ["User Access Administrator"] = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
        ["Role Based Access Control Administrator"] = "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
        ["Storage Account Contributor"] = "17d1049b-9a84-46fb-8f53-869881c3d3ab",
        ["Storage Account Key Operator Service Role"] = "81a9662b-bebf-436f-a333-f67b29880f12",
        ["Reader and Data Access"] = "c12c1c16-33a1-487b-954d-41c89c60f349",
        ["Website Contributor"] = "de139f84-1756-47ae-9be6-808fbbe84772",
        ["EventGrid Contributor"] = "1e241071-0855-49ea-94dc-649edcd759de",
    };

    /// <summary>Who gets which role, on which kind of resource: nothing more, nothing less.</summary>
    private static readonly (string Role, string Principal, string ScopeType)[] ExpectedAssignments =
    [
        ("storageBlobDataOwner", "appPrincipalId", "Microsoft.Storage/storageAccounts"),
        ("storageQueueDataContributor", "appPrincipalId", "Microsoft.Storage/storageAccounts"),
        ("storageTableDataContributor", "appPrincipalId", "Microsoft.Storage/storageAccounts"),
        ("monitoringMetricsPublisher", "appPrincipalId", "Microsoft.Insights/components"),
        ("storageQueueDataMessageSender", "systemTopicPrincipalId", "Microsoft.Storage/storageAccounts/queueServices/queues"),
        ("storageBlobDataContributor", "deployerPrincipalId", "Microsoft.Storage/storageAccounts/blobServices/containers"),
    ];

    private IEnumerable<ArmResource> Assignments => infra.Main.SelfAndDescendants
        .SelectMany(template => template.OfType("Microsoft.Authorization/roleAssignments"));

    [Fact]
    public void The_role_definitions_module_names_exactly_the_roles_the_blog_needs()
    {
        var named = infra.RoleAssignments.Variables["roleDefinitionIds"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);

        Assert.Equal(ExpectedRoles.OrderBy(pair => pair.Key), named.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Every_assignment_gives_one_needed_role_to_one_principal_on_one_resource()
    {
        var actual = Assignments
            .Select(assignment => (RoleOf(assignment), PrincipalOf(assignment), ScopeTypeOf(assignment)))
            .OrderBy(item => item.ToString(), StringComparer.Ordinal);

        Assert.Equal(ExpectedAssignments.OrderBy(item => item.ToString(), StringComparer.Ordinal), actual);
    }

    [Fact]
    public void Every_assignment_reads_its_role_from_the_role_definitions_module()
    {
        Assert.All(Assignments, assignment => Assert.Matches(
            RoleReference(),
            assignment.Property("roleDefinitionId")!.ToString()));
    }

    [Fact]
    public void No_assignment_targets_the_resource_group_or_the_subscription()
    {
        Assert.All(Assignments, assignment =>
        {
            var scope = assignment.Json["scope"]?.ToString();
            Assert.False(string.IsNullOrEmpty(scope), $"{assignment} has no scope: it would apply to the whole resource group");
            Assert.StartsWith("[resourceId(", scope, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_broad_role_appears_anywhere()
    {
        foreach (var (name, id) in ForbiddenRoles)
        {
            Assert.False(infra.Text.Contains(id, StringComparison.OrdinalIgnoreCase), $"the templates grant {name}");
        }
    }

    [Fact]
    public void Service_identities_are_typed_and_the_deployer_grant_is_optional()
    {
        foreach (var assignment in Assignments)
        {
            if (PrincipalOf(assignment) == "deployerPrincipalId")
            {
                Assert.Equal("[not(empty(parameters('deployerPrincipalId')))]", assignment.Condition);
                Assert.Equal("[parameters('deployerPrincipalType')]", assignment.Property("principalType")!.ToString());
            }
            else
            {
                Assert.Null(assignment.Condition);
                Assert.Equal("ServicePrincipal", assignment.Property("principalType")!.GetValue<string>());
            }
        }

        Assert.Equal("[parameters('principalId')]", infra.RoleAssignments.PassedExpression("deployerPrincipalId"));
        Assert.Contains("identity", infra.RoleAssignments.PassedExpression("appPrincipalId"), StringComparison.Ordinal);
        Assert.Contains("event-grid-topic", infra.RoleAssignments.PassedExpression("systemTopicPrincipalId"), StringComparison.Ordinal);
    }

    private static string RoleOf(ArmResource assignment)
    {
        var match = RoleReference().Match(assignment.Property("roleDefinitionId")!.ToString());
        return match.Success ? match.Groups["role"].Value : assignment.Property("roleDefinitionId")!.ToString();
    }

    private static string PrincipalOf(ArmResource assignment)
    {
        var principal = assignment.Property("principalId")!.ToString();
        var match = ParameterReference().Match(principal);
        return match.Success ? match.Groups["name"].Value : principal;
    }

    private static string ScopeTypeOf(ArmResource assignment)
    {
        var match = ResourceIdType().Match(assignment.Json["scope"]?.ToString() ?? string.Empty);
        return match.Success ? match.Groups["type"].Value : "(resource group)";
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', variables\('roleDefinitionIds'\)\.(?<role>\w+)\)\]$")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[^']+)'")]
    private static partial Regex ResourceIdType();
}
