using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>Maps every registered <see cref="IEventSubscriber"/> as a payload-mode eventGridTrigger function.</summary>
public static class SubscriberEndpoints
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

    private static async Task<InvocationResult> InvokeAsync(IEventSubscriber subscriber, InvocationRequest request, HttpContext context) =>
        ToInvocationResult(await context.RequestServices.GetRequiredService<SubscriberInvoker>()
            .InvokeAsync(subscriber.FunctionName, request.InputText(TriggerBinding), context.RequestAborted));

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
    public static DeliveredEvent? Decode(InvocationRequest request) => SubscriberInvoker.Decode(request.InputText(TriggerBinding));
}
