namespace ServerlessEvents.Functions;

/// <summary>Registers and maps every feature folder. Each feature owns its own Add/Map pair.</summary>
public static class FeatureRegistration
{
    /// <summary>Adds the services of every feature.</summary>
    public static IServiceCollection AddServerlessEventsFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    /// <summary>Maps the functions of every feature.</summary>
    public static WebApplication MapServerlessEventsFeatures(this WebApplication app)
    {
        return app;
    }
}
