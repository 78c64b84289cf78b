using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Replay;

/// <summary>Replays: re-publishing stored events, chunked through the <c>replay-jobs</c> queue.</summary>
public static class ReplayModule
{
    /// <summary>Adds the replay services.</summary>
    public static IServiceCollection AddReplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReplayOptions>(configuration);
        services.AddSingleton<ReplayStore>();
        services.AddSingleton<ReplaySource>();
        services.AddSingleton<ReplayPublisher>();
        services.AddSingleton<ReplayService>();
        services.AddSingleton<ReplayChunkProcessor>();
        services.AddSingleton<ReplayRequestParser>();
        return services;
    }
}
