using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

[Collection(CompiledInfraDefinition.Name)]
public sealed class EventGridTests(CompiledInfra infra)
{
    private ArmResource Topic => infra.EventGridTopic.SingleOfType("Microsoft.EventGrid/systemTopics");

    private ArmResource BlobDeleted => infra.DeleteEvents.SingleOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

    [Fact]
    public void The_system_topic_publishes_the_storage_account_events_with_its_own_identity()
    {
        Assert.Equal("Microsoft.Storage.StorageAccounts", Topic.Property("topicType")!.GetValue<string>());
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts'", Topic.Property("source")!.ToString(), StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", Topic.Json["identity"]!["type"]!.GetValue<string>());
        Assert.Equal(infra.Storage.PassedExpression("name"), infra.EventGridTopic.PassedExpression("storageAccountName"));
    }

    [Fact]
    public void Only_the_delete_subscription_is_in_the_templates()
    {
        var subscriptions = infra.Main.SelfAndDescendants
            .SelectMany(template => template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));

        Assert.Single(subscriptions);
    }

    [Fact]
    public void Blob_deletions_in_the_posts_container_reach_the_delete_queue()
    {
        var filter = BlobDeleted.Property("filter")!;

        Assert.Equal(["Microsoft.Storage.BlobDeleted"], filter["includedEventTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal(
            "[format('/blobServices/default/containers/{0}/blobs/', parameters('postsContainerName'))]",
            filter["subjectBeginsWith"]!.ToString());
        Assert.Equal(BlogDefaults.PostsContainer, infra.DeleteEvents.ResolveParameter("postsContainerName"));
    }

    [Fact]
    public void Deletion_events_are_delivered_to_the_queue_with_the_topic_identity_not_a_key()
    {
        var delivery = BlobDeleted.Property("deliveryWithResourceIdentity")!;

        Assert.Null(BlobDeleted.Property("destination"));
        Assert.Equal("SystemAssigned", delivery["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageQueue", delivery["destination"]!["endpointType"]!.GetValue<string>());
        Assert.Equal("[parameters('deleteQueueName')]", delivery["destination"]!["properties"]!["queueName"]!.ToString());
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts'", delivery["destination"]!["properties"]!["resourceId"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(BlogDefaults.DeleteQueue, infra.DeleteEvents.ResolveParameter("deleteQueueName"));
    }

    [Fact]
    public void The_delete_subscription_waits_for_the_queue_sender_role()
    {
        var deployment = infra.Main.AllResources.Single(resource => resource.Name == "delete-events");

        Assert.Contains("role-assignments", deployment.Json["dependsOn"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
