using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.History;

/// <summary>Maps the history functions for the custom handler; <see cref="HistoryFunctions"/> holds their code.</summary>
public static class HistoryEndpoints
{
    /// <summary>Maps the history functions.</summary>
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsList", (HttpContext context) => context.Function<HistoryFunctions>().ListAsync(context.Request)).RequireTenant();
        endpoints.MapHttpFunction("eventsGet", (HttpContext context, string id) => context.Function<HistoryFunctions>().GetAsync(context.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("eventsStats", (HttpContext context) => context.Function<HistoryFunctions>().StatsAsync(context.Request)).RequireTenant();
        return endpoints;
    }

    /// <summary>The largest page size (see <see cref="HistoryFunctions.MaxLimit"/>).</summary>
    public const int MaxLimit = HistoryFunctions.MaxLimit;

    /// <summary>The stored event as the producer sees it (see <see cref="HistoryFunctions.PublicEvent"/>).</summary>
    public static System.Text.Json.Nodes.JsonObject PublicEvent(byte[] json) => HistoryFunctions.PublicEvent(json);
}
