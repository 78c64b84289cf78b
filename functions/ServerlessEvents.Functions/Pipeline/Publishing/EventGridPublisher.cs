using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// Publishes to an Event Grid topic in the CloudEvents 1.0 schema with Azure.Messaging.EventGrid, sending each
/// event's stored JSON unchanged, in batches up to the request size limit.
/// </summary>
public sealed class EventGridPublisher : IEventPublisher
{
    private readonly EventGridPublisherClient? _client;
    private readonly EventGridOptions _options;

    /// <summary>Creates the client from options: key auth when a key is set, Entra ID otherwise.</summary>
    public EventGridPublisher(IOptions<EventGridOptions> options)
    {
        _options = options.Value;
        if (string.IsNullOrEmpty(_options.TopicEndpoint))
        {
            return;
        }
        var endpoint = new Uri(_options.TopicEndpoint);
        var clientOptions = new EventGridPublisherClientOptions { Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds) } };
        _client = string.IsNullOrEmpty(_options.TopicKey)
            ? new EventGridPublisherClient(endpoint, Credential(_options.ClientId), clientOptions)
            : new EventGridPublisherClient(endpoint, new AzureKeyCredential(_options.TopicKey), clientOptions);
    }

    /// <summary>True when a topic endpoint is configured.</summary>
    public bool IsConfigured => _client is not null;

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<PublishableEvent> events, CancellationToken cancellationToken = default)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("EventGrid:TopicEndpoint is not configured; events stay in the outbox.");
        }
        foreach (var batch in PublishBatches.Split(events, _options.MaxBatchBytes))
        {
            await _client.SendEncodedCloudEventsAsync(batch, cancellationToken);
        }
    }

    private static TokenCredential Credential(string? clientId) =>
        string.IsNullOrEmpty(clientId) ? new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
