using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.SampleWorker;

/// <summary>HTTP triggers served through the worker's own Kestrel.</summary>
public static class HttpFunctions
{
    /// <summary>Echoes the route values (bound from trigger metadata) and the query.</summary>
    [Function("GetOrderLine")]
    public static IActionResult GetOrderLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id:int}/lines/{line}")] HttpRequest request,
        int id,
        string line) =>
        new OkObjectResult(new { id, line, tag = request.Query["tag"].ToString(), processId = Environment.ProcessId });

    /// <summary>Reads the body and answers 201 with it reversed.</summary>
    [Function("Reverse")]
    public static async Task<IActionResult> Reverse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reverse")] HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return new ObjectResult(new string(text.Reverse().ToArray())) { StatusCode = StatusCodes.Status201Created };
    }

    /// <summary>Always throws.</summary>
    [Function("Explode")]
    public static IActionResult Explode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "explode")] HttpRequest request) =>
        throw new InvalidOperationException("Exploded on purpose.");

    /// <summary>A body larger than the front door holds back while it waits for the outcome.</summary>
    [Function("Large")]
    public static IActionResult Large([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "large/{size:int}")] HttpRequest request, int size) =>
        new ContentResult { Content = new string('x', size), ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
}
