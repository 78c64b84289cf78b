using System.Text.Json;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>Maps the handler's endpoints from the function definitions, so routes and methods are declared once.</summary>
public static class FunctionEndpointExtensions
{
    /// <summary>
    /// Maps a forwarded HTTP function: the host relays the original request to <c>/api/{route}</c>
    /// with the route and methods of its function.json.
    /// </summary>
    public static RouteHandlerBuilder MapHttpFunction(this IEndpointRouteBuilder endpoints, string name, Delegate handler)
    {
        var definition = endpoints.ServiceProvider.GetRequiredService<FunctionManifest>().Get(name);
        if (!definition.IsForwardedHttp)
        {
            throw new InvalidOperationException($"Function '{name}' is not http-in/http-out, so the host will not forward it. Use MapPayloadFunction.");
        }
        return endpoints.MapMethods("/api/" + definition.Route, definition.Methods, handler)
            .WithName(name)
            .WithMetadata(new ServedFunction(name, Forwarded: true,
                [RequiredBinding.In(definition.Trigger.Name, "httpTrigger"), RequiredBinding.Out(definition.Bindings.Single(b => !b.IsInput).Name, "http")]));
    }

    /// <summary>
    /// Maps a payload-mode function at <c>POST /{name}</c>: the body is the host's invocation envelope and the
    /// answer is the outputs object. A thrown exception becomes a non-2xx answer, which fails the invocation.
    /// </summary>
    public static RouteHandlerBuilder MapPayloadFunction(
        this IEndpointRouteBuilder endpoints, string name, IReadOnlyList<RequiredBinding> bindings,
        Func<InvocationRequest, HttpContext, Task<InvocationResult>> handler)
    {
        endpoints.ServiceProvider.GetRequiredService<FunctionManifest>().Get(name);
        return endpoints.MapPost("/" + name, async (HttpContext context) =>
            {
                var request = await JsonSerializer.DeserializeAsync<InvocationRequest>(context.Request.Body, cancellationToken: context.RequestAborted)
                    ?? throw new BadHttpRequestException("The invocation body is empty.");
                var result = await handler(request, context);
                return Results.Json(result, statusCode: StatusCodes.Status200OK);
            })
            .WithName(name)
            .WithMetadata(new ServedFunction(name, Forwarded: false, bindings));
    }

    /// <summary>
    /// Maps a timer function (trigger binding <c>timer</c>). <paramref name="run"/> does the work and returns a line
    /// for the invocation log; a thrown exception fails the invocation.
    /// </summary>
    public static RouteHandlerBuilder MapTimerFunction(
        this IEndpointRouteBuilder endpoints, string name, Func<IServiceProvider, CancellationToken, Task<string>> run) =>
        endpoints.MapPayloadFunction(name, [RequiredBinding.In(TimerBinding, "timerTrigger")], async (_, context) =>
        {
            var result = new InvocationResult();
            result.Logs.Add(await run(context.RequestServices, context.RequestAborted));
            return result;
        });

    /// <summary>
    /// Maps a queue-trigger function (trigger binding <c>message</c>). <paramref name="handle"/> gets the decoded
    /// message and returns an optional log line; a thrown exception fails the invocation, so the host makes the
    /// message visible again and finally moves it to the poison queue.
    /// </summary>
    public static RouteHandlerBuilder MapQueueFunction(
        this IEndpointRouteBuilder endpoints, string name, Func<QueueDelivery, IServiceProvider, CancellationToken, Task<string?>> handle) =>
        endpoints.MapPayloadFunction(name, [RequiredBinding.In(QueueMessageBinding, "queueTrigger")], async (request, context) =>
        {
            var delivery = new QueueDelivery(request.InputText(QueueMessageBinding), request.MetadataInt64("DequeueCount"), request.MetadataText("Id"));
            var result = new InvocationResult();
            if (await handle(delivery, context.RequestServices, context.RequestAborted) is { } line)
            {
                result.Logs.Add(line);
            }
            return result;
        });

    /// <summary>
    /// An instance of a worker function class, created the way the isolated worker creates it (constructor
    /// injection from the request's services), so a custom-handler endpoint and its [Function] method run the same code.
    /// </summary>
    public static T Function<T>(this HttpContext context) where T : class =>
        ActivatorUtilities.CreateInstance<T>(context.RequestServices);

    /// <summary>The trigger binding name of every timer function.json.</summary>
    public const string TimerBinding = "timer";

    /// <summary>The trigger binding name of every queue-trigger function.json.</summary>
    public const string QueueMessageBinding = "message";
}
