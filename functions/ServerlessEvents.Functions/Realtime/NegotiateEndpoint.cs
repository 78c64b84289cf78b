using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>Maps <c>negotiate</c> for the custom handler; <see cref="NegotiateFunction"/> holds its code.</summary>
public static class NegotiateEndpoint
{
    /// <summary>Maps <c>negotiate</c>.</summary>
    public static IEndpointRouteBuilder MapNegotiate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("negotiate", (HttpContext c) => c.Function<NegotiateFunction>().NegotiateAsync(c.Request)).RequireTenant();
        return endpoints;
    }
}
