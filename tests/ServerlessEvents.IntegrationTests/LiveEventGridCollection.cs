namespace ServerlessEvents.IntegrationTests;

/// <summary>Tests that need published events to flow to the subscriber functions live.</summary>
[CollectionDefinition(Name)]
public sealed class LiveEventGridCollection : ICollectionFixture<LiveEventGridFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "LiveEventGrid";
}
