using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>Maps the consumer functions for the custom handler; <see cref="ConsumerFunctions"/> holds their code.</summary>
public static class ConsumerEndpoints
{
    /// <summary>Maps the consumer functions.</summary>
    public static IEndpointRouteBuilder MapConsumers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("consumersPut", (HttpContext context, string name) => context.Function<ConsumerFunctions>().PutAsync(context.Request, name)).RequireTenant();
        endpoints.MapHttpFunction("consumersEvents", (HttpContext context, string name) => context.Function<ConsumerFunctions>().EventsAsync(context.Request, name)).RequireTenant();
        endpoints.MapHttpFunction("consumersAck", (HttpContext context, string name) => context.Function<ConsumerFunctions>().AckAsync(context.Request, name)).RequireTenant();
        return endpoints;
    }
}
