using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The use cases of a tenant's webhook subscriptions: create one with its first signing secret, change it, delete it
/// with its secrets, rotate its secret, and send it a test event. The function classes only read the request and
/// shape the answer.
/// </summary>
public class WebhookSubscriptionService(
    WebhookSubscriptionStore store, WebhookSecretStore secrets, WebhookSecretRotation rotation, InternalEventIngestor ingestor,
    TimeProvider clock, Microsoft.Extensions.Options.IOptions<WebhookOptions> options)
{
    /// <summary>Creates the subscription and its first secret (secret first: a subscription never exists without one).</summary>
    public virtual async Task<(WebhookSubscription Subscription, WebhookSecret Secret)> CreateAsync(string tenant, WebhookSubscriptionInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Tenant = tenant, Id = WebhookIds.NewSubscriptionId(), Url = input.Url!, EventTypes = input.EventTypes!,
            Filter = input.Filter ?? [], Description = input.Description, CreatedAt = now, UpdatedAt = now,
        };
        var secret = WebhookSecret.Generate();
        await secrets.AddAsync(subscription.Tenant, subscription.Id, secret, now, cancellationToken);
        await store.CreateAsync(subscription, cancellationToken);
        return (subscription, secret);
    }

    /// <summary>Applies a PATCH; null when the tenant has no such subscription. Re-enabling restarts the auto-disable clock.</summary>
    public virtual Task<WebhookSubscription?> UpdateAsync(string tenant, string id, WebhookSubscriptionInput input, CancellationToken cancellationToken = default) =>
        store.UpdateAsync(tenant, id, s => Apply(s, input, clock.GetUtcNow()), cancellationToken);

    /// <summary>Deletes the subscription and then its secrets; false when the tenant has no such subscription.</summary>
    public virtual async Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteAsync(tenant, id, cancellationToken))
        {
            return false;
        }
        await secrets.DeleteAllAsync(tenant, id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds a new signing secret; older ones keep signing until <see cref="WebhookOptions.SecretRotationOverlap"/> has
    /// passed, and keys that no longer sign are removed. Returns the new secret and when the old ones stop.
    /// </summary>
    public virtual async Task<(WebhookSecret Secret, DateTimeOffset CreatedAt, DateTimeOffset PreviousValidUntil)> RotateSecretAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var secret = WebhookSecret.Generate();
        await secrets.AddAsync(subscription.Tenant, subscription.Id, secret, now, cancellationToken);
        var keys = await secrets.GetKeysAsync(subscription.Tenant, subscription.Id, cancellationToken);
        var active = rotation.SelectActive(keys, now).Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in keys.Where(k => k.CreatedAt <= now && !active.Contains(k.Secret.Fingerprint)))
        {
            await secrets.DeleteKeyAsync(subscription.Tenant, subscription.Id, stale.CreatedAt, cancellationToken);
        }
        return (secret, now, now + options.Value.SecretRotationOverlap);
    }

    /// <summary>Ingests a <c>webhook.test</c> event aimed at the subscription (409 when it is disabled); returns its id.</summary>
    public virtual async Task<string> SendTestAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        if (!subscription.Enabled)
        {
            throw new ApiProblemException(409, "The subscription is disabled.", "Enable it (PATCH {\"enabled\": true}) before sending a test.");
        }
        var eventId = $"whtest-{subscription.Id}-{Guid.NewGuid():N}";
        await ingestor.IngestAsync(subscription.Tenant, "webhook.test", "webhooks", eventId,
            new WebhookTest(subscription.Id, "A test delivery requested through the API."), subject: "webhooks/" + subscription.Id, cancellationToken);
        return eventId;
    }

    private static WebhookSubscription Apply(WebhookSubscription s, WebhookSubscriptionInput input, DateTimeOffset now)
    {
        var reenabled = input.Enabled == true && !s.Enabled;
        return s with
        {
            Url = input.Url ?? s.Url,
            EventTypes = input.EventTypes ?? s.EventTypes,
            Filter = input.Filter ?? s.Filter,
            Description = input.HasDescription ? input.Description : s.Description,
            Enabled = input.Enabled ?? s.Enabled,
            DisabledReason = input.Enabled == false ? "Disabled by its owner." : reenabled ? null : s.DisabledReason,
            DisabledAt = input.Enabled == false && s.Enabled ? now : reenabled ? null : s.DisabledAt,
            // Re-enabling starts the auto-disable clock afresh.
            Stats = reenabled ? s.Stats with { FailingSince = null } : s.Stats,
            UpdatedAt = now,
        };
    }
}
