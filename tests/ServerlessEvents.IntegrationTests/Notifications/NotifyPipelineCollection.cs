namespace ServerlessEvents.IntegrationTests.Notifications;

/// <summary>Tests that share the pipeline with email and real-time pushes configured.</summary>
[CollectionDefinition(Name)]
public sealed class NotifyPipelineCollection : ICollectionFixture<NotifyPipelineFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "NotifyPipeline";
}
