using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary><c>POST /api/webhooks/{id}/rotate-secret</c> and <c>POST /api/webhooks/{id}/test</c>.</summary>
public sealed class WebhookSecretFunctions(WebhookSubscriptionStore store, WebhookSubscriptionService subscriptions)
{
    /// <summary>A new signing secret (shown this once); the old ones keep signing for the rotation overlap.</summary>
    [Function("webhooksRotateSecret"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> RotateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/rotate-secret")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnAsync(context, id);
        var (secret, createdAt, previousValidUntil) = await subscriptions.RotateSecretAsync(subscription, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new JsonObject
        {
            ["id"] = subscription.Id, ["secret"] = secret.Reveal(), ["createdAt"] = createdAt, ["previousSecretsValidUntil"] = previousValidUntil,
        });
    }

    /// <summary>Ingests a <c>webhook.test</c> event aimed at the subscription; it is delivered like any other.</summary>
    [Function("webhooksTest"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> TestAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/test")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var eventId = await subscriptions.SendTestAsync(await store.FindOwnAsync(context, id), context.RequestAborted);
        return Results.Json(new JsonObject { ["eventId"] = eventId, ["status"] = "accepted" }, statusCode: StatusCodes.Status202Accepted);
    }
}
