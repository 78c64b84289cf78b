using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Maps the ingestion functions for the custom handler; <see cref="IngestionFunctions"/> holds their code.</summary>
public static class IngestionEndpoints
{
    /// <summary>Maps the ingestion functions.</summary>
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsIngest", (HttpContext context) => context.Function<IngestionFunctions>().IngestAsync(context.Request)).RequireTenant();
        endpoints.MapHttpFunction("eventsIngestBatch", (HttpContext context) => context.Function<IngestionFunctions>().IngestBatchAsync(context.Request)).RequireTenant();
        return endpoints;
    }
}
