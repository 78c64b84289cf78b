using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The custom handler in process behind its host double: the contract tests of that hosting model, until it is deleted.</summary>
public sealed class CustomHandlerFixture : PipelineFixture
{
    /// <summary>The custom handler itself.</summary>
    public FunctionsHostDouble Handler => (FunctionsHostDouble)Host;

    /// <inheritdoc />
    protected override bool RunsOnWorker => false;
}

[CollectionDefinition(Name)]
public sealed class CustomHandlerCollection : ICollectionFixture<CustomHandlerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "CustomHandler";
}
