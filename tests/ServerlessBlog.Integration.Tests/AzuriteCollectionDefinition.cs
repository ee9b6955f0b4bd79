namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// Test classes marked <c>[Collection(AzuriteCollectionDefinition.Name)]</c> share one Azurite, started once for the collection.
/// Each test makes its own containers, so tests do not see each other's blobs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
