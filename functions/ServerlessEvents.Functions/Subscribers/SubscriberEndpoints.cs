using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>Maps every registered <see cref="IEventSubscriber"/> as a payload-mode eventGridTrigger function.</summary>
public static partial class SubscriberEndpoints
{
    /// <summary>The trigger binding name every subscriber function.json uses.</summary>
    public const string TriggerBinding = "event";

    /// <summary>Maps the subscribers.</summary>
    public static IEndpointRouteBuilder MapSubscribers(this IEndpointRouteBuilder endpoints)
    {
        foreach (var subscriber in endpoints.ServiceProvider.GetServices<IEventSubscriber>())
        {
            endpoints.MapPayloadFunction(subscriber.FunctionName,
                [RequiredBinding.In(TriggerBinding, "eventGridTrigger")],
                (request, context) => InvokeAsync(subscriber, request, context));
        }
        return endpoints;
    }

    private static async Task<InvocationResult> InvokeAsync(IEventSubscriber subscriber, InvocationRequest request, HttpContext context)
    {
        var services = context.RequestServices;
        var observers = services.GetServices<ISubscriberObserver>().ToArray();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ServerlessEvents.Subscribers");
        var delivered = Decode(request);
        if (delivered is null)
        {
            // Nothing to retry and no tenant to tell: drop it, loudly.
            LogUndecodable(logger, subscriber.FunctionName);
            await NotifyAsync(observers, subscriber.FunctionName, null, "rejected", context.RequestAborted);
            return new InvocationResult();
        }
        if (!delivered.IsFor(subscriber.FunctionName))
        {
            // A replay aimed at another handler: acknowledged, not applied.
            return new InvocationResult();
        }
        try
        {
            var result = await subscriber.HandleAsync(delivered, context.RequestAborted);
            await NotifyAsync(observers, subscriber.FunctionName, delivered.Tenant, "succeeded", context.RequestAborted);
            return ToInvocationResult(result);
        }
        catch (PermanentEventFailureException failure)
        {
            LogPermanentFailure(logger, subscriber.FunctionName, delivered.Event.Id, delivered.Event.Type, failure.Message);
            await services.GetRequiredService<FailedEventRecorder>().RecordAsync(subscriber.FunctionName, delivered, failure.Message, context.RequestAborted);
            await NotifyAsync(observers, subscriber.FunctionName, delivered.Tenant, "rejected", context.RequestAborted);
            return new InvocationResult();
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            await NotifyQuietlyAsync(observers, subscriber.FunctionName, delivered.Tenant);
            throw;
        }
    }

    /// <summary>The host's answer for a handled delivery: no outputs, the note as an invocation log line.</summary>
    public static InvocationResult ToInvocationResult(SubscriberResult result)
    {
        var answer = new InvocationResult();
        if (result.Note is not null)
        {
            answer.Logs.Add(result.Note);
        }
        return answer;
    }

    /// <summary>The delivered event, or null when it is not a CloudEvent of ours (no tenant extension).</summary>
    public static DeliveredEvent? Decode(InvocationRequest request)
    {
        var text = request.InputText(TriggerBinding);
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

    private static async Task NotifyAsync(ISubscriberObserver[] observers, string handler, string? tenant, string outcome, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnInvocationAsync(handler, tenant, outcome, cancellationToken);
        }
    }

    private static async Task NotifyQuietlyAsync(ISubscriberObserver[] observers, string handler, string tenant)
    {
        try
        {
            await NotifyAsync(observers, handler, tenant, "failed", CancellationToken.None);
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
}
