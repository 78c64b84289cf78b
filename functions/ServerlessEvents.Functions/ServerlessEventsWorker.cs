using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions;

/// <summary>
/// Composes the isolated worker: ASP.NET Core integration for HTTP functions, the cross-cutting middleware (problem
/// answers, storage readiness, caller authentication, in that order) and every feature's services. The function app's
/// Program.cs calls it, and so does the test worker before it applies its overrides.
/// </summary>
public static class ServerlessEventsWorker
{
    /// <summary>Adds the pipeline to a worker application.</summary>
    public static FunctionsApplicationBuilder AddServerlessEvents(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        // Registered after ConfigureFunctionsWebApplication, so each runs inside the HTTP proxying middleware and can
        // replace an HTTP function's result.
        builder.UseMiddleware<ProblemMiddleware>();
        builder.UseMiddleware<StorageReadinessMiddleware>();
        builder.UseMiddleware<CallerAuthenticationMiddleware>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkerFunctionMethods>();
        builder.Services.AddProblemDetails();
        builder.Services.AddServerlessEventsFeatures(builder.Configuration);
        builder.Services.AddWorkerTelemetry(builder.Configuration);
        return builder;
    }
}
