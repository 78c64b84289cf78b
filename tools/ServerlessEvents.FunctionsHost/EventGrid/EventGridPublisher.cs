using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>
/// Event Grid's side of an AzureFunction subscription: POSTs each delivery to the host's webhook and retries a
/// failure as Event Grid does (schedule, attempt limit, time to live, statuses never retried), then dead-letters.
/// </summary>
internal sealed class EventGridPublisher(FunctionsHost host, ILogger<EventGridPublisher> logger)
{
    private readonly ConcurrentQueue<DeadLetteredEvent> _deadLetters = new();
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

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
        var published = DateTimeOffset.UtcNow;
        var body = events.Length == 1 ? events[0].ToJsonString() : new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
        var attempts = new List<DeliveryAttempt>();
        while (true)
        {
            var status = await AttemptAsync(function, body, events.Length == 1, attempts.Count, options.DeliveryTimeout, cancellationToken);
            attempts.Add(new DeliveryAttempt(DateTimeOffset.UtcNow, status));
            if (status is >= 200 and <= 204)
            {
                return new EventGridDelivery(function, events, attempts, Delivered: true, DeadLetter: null);
            }
            string? reason = null;
            if (options.NonRetriedStatusCodes.Contains(status)) reason = "NonRetriableStatusCode";
            else if (attempts.Count >= options.MaxDeliveryAttempts) reason = "MaxDeliveryAttemptsExceeded";
            var delay = options.DelayBeforeRetry(attempts.Count);
            if (reason is null && DateTimeOffset.UtcNow + delay - published > options.EventTimeToLive) reason = "TimeToLiveExceeded";
            if (reason is not null)
            {
                var letters = events.Select(e => new DeadLetteredEvent(function, e, reason, attempts.Count, status, published, attempts[^1].At)).ToArray();
                foreach (var letter in letters)
                {
                    _deadLetters.Enqueue(letter);
                    HostLog.DeadLettered(logger, letter.Event["id"]?.ToString() ?? "?", function, letter.DeliveryAttempts, reason);
                }
                return new EventGridDelivery(function, events, attempts, Delivered: false, DeadLetter: letters[0]);
            }
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<int> AttemptAsync(string function, string body, bool single, int previousAttempts, TimeSpan deliveryTimeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, "runtime/webhooks/eventgrid?functionName=" + Uri.EscapeDataString(function)))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(single ? "application/cloudevents+json" : "application/cloudevents-batch+json")),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        request.Headers.Add("aeg-delivery-count", previousAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deliveryTimeout);
        try
        {
            using var response = await _client.SendAsync(request, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0; // no answer within the delivery timeout: a failure Event Grid retries
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
