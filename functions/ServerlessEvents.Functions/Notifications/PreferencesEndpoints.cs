using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>Maps the preference functions for the custom handler; <see cref="PreferencesFunctions"/> holds their code.</summary>
public static class PreferencesEndpoints
{
    /// <summary>Maps the two functions.</summary>
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("preferencesGet", (HttpContext c, string userId) => c.Function<PreferencesFunctions>().GetAsync(c.Request, userId)).RequireTenant();
        endpoints.MapHttpFunction("preferencesPut", (HttpContext c, string userId) => c.Function<PreferencesFunctions>().PutAsync(c.Request, userId)).RequireTenant();
        return endpoints;
    }
}
