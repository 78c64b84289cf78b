using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>
/// Local stand-in for Event Grid: for each event, every handler whose topology filter matches receives the
/// CloudEvent on the local host's Event Grid webhook, exactly as Core Tools expects it
/// (<c>POST /runtime/webhooks/EventGrid?functionName=&lt;name&gt;</c>, <c>aeg-event-type: Notification</c>).
/// Every matching handler is tried; if any answers non-2xx or fails, <see cref="PublishAsync"/> throws so the
/// outbox retries later (handlers are idempotent, so redelivery to the ones that succeeded is harmless).
/// </summary>
public sealed class LocalRelayPublisher(
    HttpClient httpClient,
    IOptions<LocalDevelopmentOptions> options,
    TopologyDocument topology,
    ILogger<LocalRelayPublisher> logger) : IEventPublisher
{
    /// <summary>The webhook path the Functions host exposes for Event Grid triggers.</summary>
    public const string WebhookPath = "/runtime/webhooks/EventGrid";

    private static readonly MediaTypeHeaderValue CloudEventsContentType = new("application/cloudevents+json") { CharSet = "utf-8" };

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<PublishableEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var failures = new List<string>();
        foreach (var cloudEvent in events)
        {
            var targets = topology.HandlersFor(cloudEvent.Type, cloudEvent.Subject, cloudEvent.Json).ToList();
            if (targets.Count == 0)
                logger.LogDebug("No handler subscribes to event {EventId} of type {EventType}", cloudEvent.Id, cloudEvent.Type);
            foreach (var target in targets)
            {
                var failure = await DeliverAsync(cloudEvent, target.FunctionName, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                    failures.Add(failure);
            }
        }
        if (failures.Count > 0)
            throw new LocalRelayException(failures);
    }

    private async Task<string?> DeliverAsync(PublishableEvent cloudEvent, string functionName, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUri(functionName));
        request.Headers.TryAddWithoutValidation("aeg-event-type", "Notification");
        request.Content = new ReadOnlyMemoryContent(cloudEvent.Json);
        request.Content.Headers.ContentType = CloudEventsContentType;
        try
        {
            using var response = await httpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                logger.LogDebug("Relayed event {EventId} to {FunctionName}", cloudEvent.Id, functionName);
                return null;
            }
            logger.LogWarning("Local host answered {StatusCode} relaying event {EventId} to {FunctionName}",
                (int)response.StatusCode, cloudEvent.Id, functionName);
            return $"{functionName}: event {cloudEvent.Id} got HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Relaying event {EventId} to {FunctionName} failed", cloudEvent.Id, functionName);
            return $"{functionName}: event {cloudEvent.Id} failed ({ex.GetType().Name})";
        }
    }

    private Uri WebhookUri(string functionName) =>
        new($"{options.Value.FunctionsHostUrl.TrimEnd('/')}{WebhookPath}?functionName={Uri.EscapeDataString(functionName)}");
}
