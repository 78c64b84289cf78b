namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>Replay, consumer, retention and dashboard tests share one pipeline with operations settings.</summary>
[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Operations";
}
