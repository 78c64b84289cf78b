using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// The app's SignalR Service client, built once from configuration: locally the connection string
/// <c>AzureSignalRConnectionString</c> (access key); in Azure <c>AzureSignalRConnectionString__serviceUri</c> with
/// Microsoft Entra ID (<c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity, else
/// DefaultAzureCredential). Neither set means real-time delivery is not configured.
/// </summary>
public class RealtimeConnection
{
    /// <summary>The setting (and, with <c>__serviceUri</c> etc., the section) that configures SignalR.</summary>
    public const string Setting = "AzureSignalRConnectionString";

    private readonly SignalRServiceClient? _client;

    /// <summary>A connection over an existing client, or an unconfigured one (null).</summary>
    public RealtimeConnection(SignalRServiceClient? client) => _client = client;

    /// <summary>True when a SignalR Service is configured.</summary>
    public virtual bool IsConfigured => _client is not null;

    /// <summary>The client; throws <see cref="DependencyUnavailableException"/> when SignalR is not configured.</summary>
    public virtual SignalRServiceClient Client =>
        _client ?? throw new DependencyUnavailableException($"Real-time delivery is not configured: set {Setting} (or {Setting}__serviceUri).");

    /// <summary>Reads the settings; throws at start-up when they are set but malformed.</summary>
    public static RealtimeConnection FromConfiguration(IConfiguration configuration, IOptions<RealtimeOptions> options, TokenCredential? credentialOverride = null)
    {
        var realtime = options.Value;
        var clientOptions = new SignalRServiceClientOptions
        {
            ApiVersion = realtime.ApiVersion,
            Retry = { MaxRetries = realtime.MaxRetries, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), NetworkTimeout = TimeSpan.FromSeconds(realtime.TimeoutSeconds) },
        };
        var section = configuration.GetSection(Setting);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            try
            {
                return new RealtimeConnection(new SignalRServiceClient(section.Value, realtime.Hub, clientOptions));
            }
            catch (FormatException malformed)
            {
                throw new InvalidOperationException($"{Setting} is not a usable connection string: {malformed.Message}", malformed);
            }
        }
        var serviceUri = section["serviceUri"];
        if (string.IsNullOrWhiteSpace(serviceUri))
        {
            return new RealtimeConnection(null);
        }
        if (!Uri.TryCreate(serviceUri.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{Setting}__serviceUri is not an absolute http(s) URL.");
        }
        return new RealtimeConnection(new SignalRServiceClient(endpoint, realtime.Hub, credentialOverride ?? Credential(section), clientOptions));
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = string.IsNullOrWhiteSpace(section["clientId"]) ? null : section["clientId"]!.Trim();
        var credential = section["credential"];
        if (string.IsNullOrWhiteSpace(credential))
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
        if (string.Equals(credential.Trim(), "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        throw new InvalidOperationException($"{Setting}__credential must be 'managedidentity' or absent.");
    }
}
