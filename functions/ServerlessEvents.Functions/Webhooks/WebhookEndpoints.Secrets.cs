using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary><c>POST /api/webhooks/{id}/rotate-secret</c> and <c>POST /api/webhooks/{id}/test</c>.</summary>
public static partial class WebhookEndpoints
{
    private static void MapRotationAndTest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("webhooksRotateSecret", async (string id, HttpContext context, WebhookSubscriptionStore store, WebhookSecretStore secrets,
            WebhookSecretRotation rotation, TimeProvider clock, Microsoft.Extensions.Options.IOptions<WebhookOptions> options) =>
        {
            var subscription = await FindAsync(store, context, id);
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
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksTest", async (string id, HttpContext context, WebhookSubscriptionStore store, InternalEventIngestor ingestor) =>
        {
            var subscription = await FindAsync(store, context, id);
            if (!subscription.Enabled)
            {
                throw new ApiProblemException(409, "The subscription is disabled.", "Enable it (PATCH {\"enabled\": true}) before sending a test.");
            }
            var eventId = $"whtest-{subscription.Id}-{Guid.NewGuid():N}";
            await ingestor.IngestAsync(subscription.Tenant, "webhook.test", "webhooks", eventId,
                new WebhookTest(subscription.Id, "A test delivery requested through the API."), subject: "webhooks/" + subscription.Id, context.RequestAborted);
            return Results.Json(new JsonObject { ["eventId"] = eventId, ["status"] = "accepted" }, statusCode: StatusCodes.Status202Accepted);
        }).RequireTenant();
    }
}
