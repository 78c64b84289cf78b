namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>Tests sharing one <see cref="StrictWebhookFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class StrictWebhookCollection : ICollectionFixture<StrictWebhookFixture>
{
    public const string Name = "StrictWebhooks";
}
