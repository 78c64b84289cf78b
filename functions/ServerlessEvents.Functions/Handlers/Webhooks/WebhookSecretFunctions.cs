using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary><c>POST /api/webhooks/{id}/rotate-secret</c> and <c>POST /api/webhooks/{id}/test</c>.</summary>
public sealed class WebhookSecretFunctions(
    WebhookSubscriptionStore store, WebhookSecretStore secrets, WebhookSecretRotation rotation, InternalEventIngestor ingestor,
    TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>
    /// Adds a new signing secret (shown this once); older ones keep signing for the rotation overlap, and keys that
    /// no longer sign are removed.
    /// </summary>
    [Function("webhooksRotateSecret"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> RotateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/rotate-secret")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnAsync(context, id);
        var now = clock.GetUtcNow();
        var secret = WebhookSecret.Generate();
        await secrets.AddAsync(subscription.Tenant, subscription.Id, secret, now, context.RequestAborted);
        // Keys that no longer sign (their successor is older than the overlap) are removed.
        var keys = await secrets.GetKeysAsync(subscription.Tenant, subscription.Id, context.RequestAborted);
        var active = rotation.SelectActive(keys, now).Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in keys.Where(k => k.CreatedAt <= now && !active.Contains(k.Secret.Fingerprint)))
        {
            await secrets.DeleteKeyAsync(subscription.Tenant, subscription.Id, stale.CreatedAt, context.RequestAborted);
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new JsonObject
        {
            ["id"] = subscription.Id, ["secret"] = secret.Reveal(), ["createdAt"] = now,
            ["previousSecretsValidUntil"] = now + options.Value.SecretRotationOverlap,
        });
    }

    /// <summary>Ingests a <c>webhook.test</c> event aimed at the subscription; it is delivered like any other.</summary>
    [Function("webhooksTest"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> TestAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/test")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnAsync(context, id);
        if (!subscription.Enabled)
        {
            throw new ApiProblemException(409, "The subscription is disabled.", "Enable it (PATCH {\"enabled\": true}) before sending a test.");
        }
        var eventId = $"whtest-{subscription.Id}-{Guid.NewGuid():N}";
        await ingestor.IngestAsync(subscription.Tenant, "webhook.test", "webhooks", eventId,
            new WebhookTest(subscription.Id, "A test delivery requested through the API."), subject: "webhooks/" + subscription.Id, context.RequestAborted);
        return Results.Json(new JsonObject { ["eventId"] = eventId, ["status"] = "accepted" }, statusCode: StatusCodes.Status202Accepted);
    }
}
