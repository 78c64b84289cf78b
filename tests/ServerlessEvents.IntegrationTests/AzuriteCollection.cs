using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests;

/// <summary>Integration tests marked [Collection("Azurite")] share one in-memory Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
