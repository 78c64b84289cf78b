using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Email;

/// <summary>Maps the email-settings functions for the custom handler; <see cref="EmailSettingsFunctions"/> holds their code.</summary>
public static class EmailSettingsEndpoints
{
    /// <summary>Maps the two functions.</summary>
    public static IEndpointRouteBuilder MapEmailSettings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("emailSettingsGet", (HttpContext c) => c.Function<EmailSettingsFunctions>().GetAsync(c.Request)).RequireTenant();
        endpoints.MapHttpFunction("emailSettingsPut", (HttpContext c) => c.Function<EmailSettingsFunctions>().PutAsync(c.Request)).RequireTenant();
        return endpoints;
    }
}
