using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests;

/// <summary>Tests that share one running pipeline (Azurite, Event Grid stand-in, the worker app behind the host double).</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Pipeline";
}
