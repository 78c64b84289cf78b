using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Publishing;

namespace ServerlessEvents.Functions.Health;

/// <summary>Checks that events have somewhere to go: an Event Grid topic endpoint, or local mode's relay.</summary>
public sealed class EventGridHealthCheck(IOptions<EventGridOptions> options, IEventPublisher publisher) : IHealthCheck
{
    /// <summary>The registered check name.</summary>
    public const string Name = "eventGrid";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (publisher is not EventGridPublisher)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Publishing through {publisher.GetType().Name}."));
        }
        var endpoint = options.Value.TopicEndpoint;
        if (string.IsNullOrEmpty(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("EventGrid__TopicEndpoint is not set; events are stored but stay unpublished."));
        }
        var auth = string.IsNullOrEmpty(options.Value.TopicKey) ? "Microsoft Entra ID" : "access key";
        return Task.FromResult(HealthCheckResult.Healthy($"Topic {uri.Host} configured, {auth} auth."));
    }
}
