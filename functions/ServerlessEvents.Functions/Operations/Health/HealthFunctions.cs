using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServerlessEvents.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when tables, queues and the Event Grid configuration are fine, else 503, with detail per dependency.</summary>
public sealed class HealthFunctions(HealthCheckService checks)
{
    /// <summary>The health report (anonymous: it reveals states, never secrets).</summary>
    [Function("health")]
    public async Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        var report = await checks.CheckHealthAsync(request.HttpContext.RequestAborted);
        var dependencies = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            dependencies[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["detail"] = entry.Description };
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(new JsonObject { ["status"] = report.Status.ToString(), ["dependencies"] = dependencies },
            statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
