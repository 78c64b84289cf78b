using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>
/// The Event Grid extension's webhook, <c>POST /runtime/webhooks/eventgrid?functionName=</c>: each event of the
/// body is its own invocation (in parallel), or a batched function gets the whole array in one; 202 when all
/// succeed, else 500 (which Event Grid retries). An unknown function is 404; a body that is not events, or a
/// request without <c>aeg-event-type: Notification</c>, is 400.
/// </summary>
internal sealed class EventGridWebhook(FunctionsHost host)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task HandleAsync(HttpContext context)
    {
        var name = context.Request.Query["functionName"].ToString();
        var function = host.Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) && f.Trigger.Is("eventGridTrigger"));
        if (function is null)
        {
            await Results.Problem(statusCode: 404, title: "Function not found", detail: $"No eventGridTrigger function '{name}'.").ExecuteAsync(context);
            return;
        }
        if (!string.Equals(context.Request.Headers["aeg-event-type"], "Notification", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: 400, title: "Not an Event Grid notification", detail: "The aeg-event-type header must be Notification.").ExecuteAsync(context);
            return;
        }
        JsonObject[] events;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            events = body switch
            {
                JsonArray array => array.Select(e => e as JsonObject ?? throw new JsonException("An event is not a JSON object.")).ToArray(),
                JsonObject single => [single],
                _ => throw new JsonException("The body is neither an event nor an array of events."),
            };
        }
        catch (JsonException e)
        {
            await Results.Problem(statusCode: 400, title: "Invalid Event Grid payload", detail: e.Message).ExecuteAsync(context);
            return;
        }
        var outcomes = string.Equals(function.Trigger.Property("cardinality"), "Many", StringComparison.OrdinalIgnoreCase)
            ? [await InvokeAsync(function, new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString(Indented), context.RequestAborted)]
            : await Task.WhenAll(events.Select(e => InvokeAsync(function, e.ToJsonString(Indented), context.RequestAborted)));
        context.Response.StatusCode = outcomes.All(o => o.Succeeded) ? StatusCodes.Status202Accepted : StatusCodes.Status500InternalServerError;
    }

    /// <summary>One event to a non-batched function, as the extension hands it over: one (indented) JSON string.</summary>
    public Task<InvocationResult> InvokeOneAsync(WorkerFunction function, JsonObject cloudEvent, CancellationToken cancellationToken) =>
        InvokeAsync(function, cloudEvent.ToJsonString(Indented), cancellationToken);

    // The extension hands each event (or a batch as one JSON array) to the worker as one string.
    private Task<InvocationResult> InvokeAsync(WorkerFunction function, string payload, CancellationToken cancellationToken) =>
        host.InvokeAsync(function, [new Rpc.ParameterBinding { Name = function.Trigger.Name, Data = TypedDataText.String(payload) }],
            new Dictionary<string, Rpc.TypedData>(), cancellationToken: cancellationToken);
}
