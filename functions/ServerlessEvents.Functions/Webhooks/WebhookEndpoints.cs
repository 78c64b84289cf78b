using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// <c>/api/webhooks</c>: create (the answer holds the secret, once), list, get, update, delete, rotate the secret,
/// and send a <c>webhook.test</c>. Scoped to the caller's tenant: another tenant's id is 404.
/// </summary>
public static partial class WebhookEndpoints
{
    /// <summary>Maps the subscription functions.</summary>
    public static IEndpointRouteBuilder MapWebhookSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("webhooksCreate", async (HttpContext context, WebhookRequestParser parser, WebhookSubscriptionStore store, WebhookSecretStore secrets, TimeProvider clock) =>
        {
            var input = parser.ParseCreate(await WebhookRequestParser.ReadObjectAsync(context.Request, context.RequestAborted));
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
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksList", async (HttpContext context, WebhookSubscriptionStore store) =>
        {
            var all = await store.ListAsync(context.Caller().Tenant, context.RequestAborted);
            return Results.Json(new JsonObject { ["items"] = new JsonArray(all.Select(s => (JsonNode?)WebhookJson.Subscription(s)).ToArray()), ["count"] = all.Count });
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksGet", async (string id, HttpContext context, WebhookSubscriptionStore store) =>
            Results.Json(WebhookJson.Subscription(await FindAsync(store, context, id)))).RequireTenant();

        endpoints.MapHttpFunction("webhooksUpdate", async (string id, HttpContext context, WebhookRequestParser parser, WebhookSubscriptionStore store, TimeProvider clock) =>
        {
            var input = parser.ParseUpdate(await WebhookRequestParser.ReadObjectAsync(context.Request, context.RequestAborted));
            var updated = await store.UpdateAsync(context.Caller().Tenant, id, s => Apply(s, input, clock.GetUtcNow()), context.RequestAborted)
                ?? throw NotFound(id);
            return Results.Json(WebhookJson.Subscription(updated));
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksDelete", async (string id, HttpContext context, WebhookSubscriptionStore store, WebhookSecretStore secrets) =>
        {
            var tenant = context.Caller().Tenant;
            if (!await store.DeleteAsync(tenant, id, context.RequestAborted))
            {
                throw NotFound(id);
            }
            await secrets.DeleteAllAsync(tenant, id, context.RequestAborted);
            return Results.NoContent();
        }).RequireTenant();

        endpoints.MapRotationAndTest();
        return endpoints;
    }

    /// <summary>The caller's subscription, or a 404 problem.</summary>
    public static async Task<WebhookSubscription> FindAsync(WebhookSubscriptionStore store, HttpContext context, string id) =>
        await store.GetAsync(context.Caller().Tenant, id, context.RequestAborted) ?? throw NotFound(id);

    private static ApiProblemException NotFound(string id) => ApiProblemException.NotFound($"No webhook subscription '{id}' in your tenant.");

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
