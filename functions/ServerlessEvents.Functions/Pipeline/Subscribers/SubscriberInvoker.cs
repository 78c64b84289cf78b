using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// Runs one delivered event through one <see cref="IEventSubscriber"/>, whatever the hosting model: decodes the
/// CloudEvent text, skips replays aimed at another handler, records permanent failures (acknowledged, never retried)
/// and tells the <see cref="ISubscriberObserver"/>s. Any other failure is rethrown, so Event Grid delivers again.
/// </summary>
public sealed partial class SubscriberInvoker(
    IEnumerable<IEventSubscriber> subscribers, IEnumerable<ISubscriberObserver> observers, FailedEventRecorder failures, ILogger<SubscriberInvoker> logger)
{
    private readonly Dictionary<string, IEventSubscriber> _subscribers = subscribers.ToDictionary(s => s.FunctionName, StringComparer.OrdinalIgnoreCase);
    private readonly ISubscriberObserver[] _observers = observers.ToArray();

    // Acknowledged without being applied; the reason was logged already.
    private static readonly SubscriberResult Dropped = new(false);

    /// <summary>Handles one delivery of <paramref name="eventText"/> (a CloudEvent as JSON) to the handler behind <paramref name="functionName"/>.</summary>
    public async Task<SubscriberResult> InvokeAsync(string functionName, string? eventText, CancellationToken cancellationToken)
    {
        var subscriber = _subscribers.TryGetValue(functionName, out var found)
            ? found
            : throw new InvalidOperationException($"No subscriber is registered for function '{functionName}'.");
        var delivered = Decode(eventText);
        if (delivered is null)
        {
            // Nothing to retry and no tenant to tell: drop it, loudly.
            LogUndecodable(logger, subscriber.FunctionName);
            await NotifyAsync(subscriber.FunctionName, null, "rejected", cancellationToken);
            return Dropped;
        }
        if (!delivered.IsFor(subscriber.FunctionName))
        {
            // A replay aimed at another handler: acknowledged, not applied.
            return Dropped;
        }
        try
        {
            var result = await subscriber.HandleAsync(delivered, cancellationToken);
            await NotifyAsync(subscriber.FunctionName, delivered.Tenant, "succeeded", cancellationToken);
            if (result.Note is not null)
            {
                LogNote(logger, subscriber.FunctionName, delivered.Event.Id, result.Note);
            }
            return result;
        }
        catch (PermanentEventFailureException failure)
        {
            LogPermanentFailure(logger, subscriber.FunctionName, delivered.Event.Id, delivered.Event.Type, failure.Message);
            await failures.RecordAsync(subscriber.FunctionName, delivered, failure.Message, cancellationToken);
            await NotifyAsync(subscriber.FunctionName, delivered.Tenant, "rejected", cancellationToken);
            return Dropped;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await NotifyQuietlyAsync(subscriber.FunctionName, delivered.Tenant);
            throw;
        }
    }

    /// <summary>The delivered event, or null when it is not a CloudEvent of ours (no tenant extension).</summary>
    public static DeliveredEvent? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            var json = System.Text.Encoding.UTF8.GetBytes(text);
            var canonical = CanonicalEventJson.Deserialize(json);
            var tenant = canonical.StringExtension(CanonicalEvent.TenantExtension);
            return tenant is null ? null : new DeliveredEvent(tenant, canonical, json);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private async Task NotifyAsync(string handler, string? tenant, string outcome, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.OnInvocationAsync(handler, tenant, outcome, cancellationToken);
        }
    }

    private async Task NotifyQuietlyAsync(string handler, string tenant)
    {
        try
        {
            await NotifyAsync(handler, tenant, "failed", CancellationToken.None);
        }
        catch (Exception)
        {
            // The invocation is failing already; counting it is best effort.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} received an event it cannot decode or that has no tenant; dropped")]
    private static partial void LogUndecodable(ILogger logger, string handler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} cannot process event {EventId} of type {EventType}: {Reason}; recorded as failed")]
    private static partial void LogPermanentFailure(ILogger logger, string handler, string eventId, string eventType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handler {Handler} handled event {EventId}: {Note}")]
    private static partial void LogNote(ILogger logger, string handler, string eventId, string note);
}
