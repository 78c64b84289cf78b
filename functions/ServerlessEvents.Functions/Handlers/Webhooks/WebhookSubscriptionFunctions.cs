using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// <c>/api/webhooks</c>: create (the answer holds the secret, once), list, get, update and delete the caller's
/// subscriptions. Scoped to the caller's tenant: another tenant's id is 404.
/// </summary>
public sealed class WebhookSubscriptionFunctions(WebhookRequestParser parser, WebhookSubscriptionStore store, WebhookSecretStore secrets, TimeProvider clock)
{
    /// <summary>Creates a subscription with a new signing secret; 201 with the secret, shown this once.</summary>
    [Function("webhooksCreate"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks")] HttpRequest request)
    {
        var context = request.HttpContext;
        var input = parser.ParseCreate(await RequestJson.ReadObjectAsync(context.Request, context.RequestAborted));
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Tenant = context.Caller().Tenant, Id = WebhookIds.NewSubscriptionId(), Url = input.Url!, EventTypes = input.EventTypes!,
            Filter = input.Filter ?? [], Description = input.Description, CreatedAt = now, UpdatedAt = now,
        };
        var secret = WebhookSecret.Generate();
        // Secret first: a subscription never exists without one.
        await secrets.AddAsync(subscription.Tenant, subscription.Id, secret, now, context.RequestAborted);
        await store.CreateAsync(subscription, context.RequestAborted);
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
        var updated = await store.UpdateAsync(context.Caller().Tenant, id, s => Apply(s, input, clock.GetUtcNow()), context.RequestAborted)
            ?? throw WebhookSubscriptionLookup.NotFound(id);
        return Results.Json(WebhookJson.Subscription(updated));
    }

    /// <summary>Deletes the subscription and its secrets.</summary>
    [Function("webhooksDelete"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "webhooks/{id}")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var tenant = context.Caller().Tenant;
        if (!await store.DeleteAsync(tenant, id, context.RequestAborted))
        {
            throw WebhookSubscriptionLookup.NotFound(id);
        }
        await secrets.DeleteAllAsync(tenant, id, context.RequestAborted);
        return Results.NoContent();
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
