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
}
