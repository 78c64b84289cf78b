using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Dashboard;

/// <summary>The dashboard's services, and its mapping for the custom handler (<see cref="DashboardFunction"/> holds the code).</summary>
public static class DashboardEndpoints
{
    /// <summary>Adds the page.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DashboardPage>();
        return services;
    }

    /// <summary>Maps the page function.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("dashboard", (HttpContext c) => c.Function<DashboardFunction>().Dashboard(c.Request));
        return endpoints;
    }
}
