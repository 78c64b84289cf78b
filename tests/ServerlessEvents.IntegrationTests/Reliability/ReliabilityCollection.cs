namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>
/// Reliability tests share their own pipeline (not the functional tests' one): they load it heavily and take
/// the broker down, which must not disturb other tests. Tests in a collection run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Reliability";
}
