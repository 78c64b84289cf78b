using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when tables, queues and the Event Grid configuration are fine, else 503, with detail per dependency.</summary>
public static class HealthModule
{
    /// <summary>Registers the dependency checks.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Tables)
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Queues)
            .AddCheck<EventGridHealthCheck>(EventGridHealthCheck.Name);
        return services;
    }

    /// <summary>Maps the health function (anonymous: it reveals states, never secrets).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("health", async (HealthCheckService checks, HttpContext context) =>
        {
            var report = await checks.CheckHealthAsync(context.RequestAborted);
            var dependencies = new JsonObject();
            foreach (var (name, entry) in report.Entries)
            {
                dependencies[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["detail"] = entry.Description };
            }
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new JsonObject { ["status"] = report.Status.ToString(), ["dependencies"] = dependencies },
                statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
