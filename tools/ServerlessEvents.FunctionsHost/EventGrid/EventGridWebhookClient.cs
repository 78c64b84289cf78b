using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>
/// Event Grid's side of an <c>AzureFunction</c> subscription: POSTs a delivery to a Functions host's Event Grid
/// webhook (<c>{host}/runtime/webhooks/eventgrid?functionName=...</c>, this double's or <c>func start</c>'s) and
/// retries a failure as Event Grid does (schedule, attempt limit, time to live, statuses never retried). It reports
/// what became of the delivery; the caller dead-letters.
/// </summary>
public sealed class EventGridWebhookClient : IDisposable
{
    private readonly Func<Uri> _host;
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A client of the host at <paramref name="host"/> (read at each attempt, so a host that moves is followed).</summary>
    public EventGridWebhookClient(Func<Uri> host) => _host = host;

    /// <summary>Called after each attempt with the function, the attempt number (1-based) and the status (0: no answer in time).</summary>
    public Action<string, int, int>? AttemptCompleted { get; set; }

    /// <summary>
    /// Delivers <paramref name="events"/> to <paramref name="function"/> (one event as <c>application/cloudevents+json</c>,
    /// several as a batch) until an attempt gets 200–204 or Event Grid would give up.
    /// </summary>
    public async Task<EventGridDelivery> DeliverAsync(string function, IReadOnlyList<JsonObject> events, EventGridDeliveryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var published = DateTimeOffset.UtcNow;
        var body = events.Count == 1 ? events[0].ToJsonString() : new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
        var attempts = new List<DeliveryAttempt>();
        while (true)
        {
            var status = await AttemptAsync(function, body, events.Count == 1, attempts.Count, options.DeliveryTimeout, cancellationToken);
            attempts.Add(new DeliveryAttempt(DateTimeOffset.UtcNow, status));
            AttemptCompleted?.Invoke(function, attempts.Count, status);
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
                var letter = new DeadLetteredEvent(function, events[0], reason, attempts.Count, status, published, attempts[^1].At);
                return new EventGridDelivery(function, events, attempts, Delivered: false, DeadLetter: letter);
            }
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<int> AttemptAsync(string function, string body, bool single, int previousAttempts, TimeSpan deliveryTimeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host(), "runtime/webhooks/eventgrid?functionName=" + Uri.EscapeDataString(function)))
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

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
