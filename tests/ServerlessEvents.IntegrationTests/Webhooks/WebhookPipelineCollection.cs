namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>Tests sharing one <see cref="WebhookPipelineFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookPipelineCollection : ICollectionFixture<WebhookPipelineFixture>
{
    public const string Name = "WebhookPipeline";
}
