using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Retention: the sweeper, its participants and <c>GET/PUT /api/settings/retention</c>.</summary>
public static class RetentionModule
{
    /// <summary>The largest period a tenant may set, in days.</summary>
    public const int MaxDays = 3_650;

    /// <summary>Adds the retention services.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RetentionOptions>(configuration);
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<RetentionSettingsService>();
        services.AddSingleton<EventRetention>();
        services.AddSingleton<RetentionSweeper>();
        // Each feature registers its own IRetentionParticipant (its cleanup) in its own module.
        services.AddSingleton<IRetentionObserver, RetentionMetricsObserver>();
        return services;
    }
}
