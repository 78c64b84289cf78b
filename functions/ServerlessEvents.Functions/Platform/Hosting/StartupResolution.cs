namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Builds chosen singletons while the worker starts, so a configuration mistake they detect (a malformed connection
/// string, a subscriber that cannot be built) stops the worker at once, with the reason in its log, instead of
/// failing the first invocation that needs them.
/// </summary>
public static class StartupResolution
{
    /// <summary>Resolves <typeparamref name="T"/> when the host starts.</summary>
    public static IServiceCollection ResolveAtStartup<T>(this IServiceCollection services) where T : notnull
    {
        services.AddHostedService<Resolver<T>>();
        return services;
    }

    private sealed class Resolver<T>(IServiceProvider services) : IHostedService where T : notnull
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<T>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
