using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>
/// Plays Event Grid for this host's own functions: one delivery per event (a batch for a batched function) through
/// <see cref="EventGridWebhookClient"/>, and keeps what it dead-letters in memory.
/// </summary>
internal sealed class EventGridPublisher(FunctionsHost host, ILogger<EventGridPublisher> logger) : IDisposable
{
    private readonly ConcurrentQueue<DeadLetteredEvent> _deadLetters = new();
    private readonly EventGridWebhookClient _client = new(() => host.BaseAddress);

    public IReadOnlyList<DeadLetteredEvent> DeadLetters => _deadLetters.ToArray();

    public async Task<IReadOnlyList<EventGridDelivery>> PublishAsync(WorkerFunction function, JsonObject[] events, EventGridDeliveryOptions options, CancellationToken cancellationToken)
    {
        // maxEventsPerBatch 1 for single-event functions; a batched function gets the publish as one delivery.
        var batched = string.Equals(function.Trigger.Property("cardinality"), "Many", StringComparison.OrdinalIgnoreCase);
        var deliveries = batched ? [events] : events.Select(e => new[] { e }).ToArray();
        return await Task.WhenAll(deliveries.Select(d => DeliverAsync(function.Name, d, options, cancellationToken)));
    }

    private async Task<EventGridDelivery> DeliverAsync(string function, JsonObject[] events, EventGridDeliveryOptions options, CancellationToken cancellationToken)
    {
        var delivery = await _client.DeliverAsync(function, events, options, cancellationToken);
        if (delivery.DeadLetter is { } first)
        {
            foreach (var letter in events.Select(e => first with { Event = e }))
            {
                _deadLetters.Enqueue(letter);
                HostLog.DeadLettered(logger, letter.Event["id"]?.ToString() ?? "?", function, letter.DeliveryAttempts, letter.DeadLetterReason);
            }
        }
        return delivery;
    }

    public void Dispose() => _client.Dispose();
}
