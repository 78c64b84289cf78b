using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Dashboard;

/// <summary>The dashboard page service (<see cref="DashboardFunction"/> serves it).</summary>
public static class DashboardModule
{
    /// <summary>Adds the page.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DashboardPage>();
        return services;
    }
}
