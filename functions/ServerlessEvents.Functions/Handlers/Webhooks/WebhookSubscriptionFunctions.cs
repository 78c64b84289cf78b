using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// <c>/api/webhooks</c>: create (the answer holds the secret, once), list, get, update and delete the caller's
/// subscriptions. Scoped to the caller's tenant: another tenant's id is 404.
/// </summary>
public sealed class WebhookSubscriptionFunctions(WebhookRequestParser parser, WebhookSubscriptionStore store, WebhookSubscriptionService subscriptions)
{
    /// <summary>Creates a subscription with a new signing secret; 201 with the secret, shown this once.</summary>
    [Function("webhooksCreate"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks")] HttpRequest request)
    {
        var context = request.HttpContext;
        var input = parser.ParseCreate(await RequestJson.ReadObjectAsync(context.Request, context.RequestAborted));
        var (subscription, secret) = await subscriptions.CreateAsync(context.Caller().Tenant, input, context.RequestAborted);
        var body = WebhookJson.Subscription(subscription);
        body["secret"] = secret.Reveal();
        context.Response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/webhooks/{subscription.Id}", body);
    }

    /// <summary>The caller's subscriptions.</summary>
    [Function("webhooksList"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks")] HttpRequest request)
    {
        var context = request.HttpContext;
        var all = await store.ListAsync(context.Caller().Tenant, context.RequestAborted);
        return Results.Json(new JsonObject { ["items"] = new JsonArray(all.Select(s => (JsonNode?)WebhookJson.Subscription(s)).ToArray()), ["count"] = all.Count });
    }

    /// <summary>One subscription.</summary>
    [Function("webhooksGet"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{id}")] HttpRequest request, string id) =>
        Results.Json(WebhookJson.Subscription(await store.FindOwnAsync(request.HttpContext, id)));

    /// <summary>Changes the URL, types, filter, description or enabled state; re-enabling restarts the auto-disable clock.</summary>
    [Function("webhooksUpdate"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "webhooks/{id}")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var input = parser.ParseUpdate(await RequestJson.ReadObjectAsync(context.Request, context.RequestAborted));
        var updated = await subscriptions.UpdateAsync(context.Caller().Tenant, id, input, context.RequestAborted)
            ?? throw WebhookSubscriptionLookup.NotFound(id);
        return Results.Json(WebhookJson.Subscription(updated));
    }

    /// <summary>Deletes the subscription and its secrets.</summary>
    [Function("webhooksDelete"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "webhooks/{id}")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        return await subscriptions.DeleteAsync(context.Caller().Tenant, id, context.RequestAborted)
            ? Results.NoContent()
            : throw WebhookSubscriptionLookup.NotFound(id);
    }
}
