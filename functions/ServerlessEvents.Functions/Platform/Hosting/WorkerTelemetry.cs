using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The worker's telemetry: OpenTelemetry with the Functions worker's defaults (invocation spans tied to the host's
/// trace context), exported to Application Insights by the Azure Monitor exporter when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. With <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>
/// (<c>ClientId=…;Authorization=AAD</c>, as infra/ sets it) ingestion authenticates with that managed identity, since
/// the Application Insights resource refuses local (key) auth.
/// Without a connection string (locally, in tests) OpenTelemetry is not added at all: with it, the worker stops
/// tagging its log lines with their invocation (the logs travel with the trace instead), so the host, func start and
/// the host double could no longer show a function's logs under its invocation.
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>The setting that locates the Application Insights ingestion endpoint.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The setting that names the identity ingestion authenticates with.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds OpenTelemetry with the Azure Monitor exporter when a connection string is configured.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            var credential = Credential(configuration[AuthenticationStringSetting]);
            services.AddOpenTelemetry().UseFunctionsWorkerDefaults().UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        }
        return services;
    }

    /// <summary>The managed identity of <c>ClientId=…;Authorization=AAD</c>, or null when the string asks for none.</summary>
    public static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }
        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{AuthenticationStringSetting} must be 'ClientId=<client id>;Authorization=AAD' (or 'Authorization=AAD' for the system identity).");
        }
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
