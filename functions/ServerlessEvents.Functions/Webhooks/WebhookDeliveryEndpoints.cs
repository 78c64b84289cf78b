using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The delivery log and recovery: <c>GET /api/webhooks/{id}/deliveries</c>, <c>POST .../deliveries/{deliveryId}/retry</c>,
/// <c>POST /api/webhooks/{id}/recover</c> and <c>GET /api/webhooks/undelivered</c>.
/// </summary>
public static class WebhookDeliveryEndpoints
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 100, MaxLimit = 1000;

    /// <summary>Maps the delivery functions.</summary>
    public static IEndpointRouteBuilder MapWebhookDeliveries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("webhookDeliveriesList", async (string id, HttpContext context, WebhookSubscriptionStore store, WebhookDeliveryStore deliveries) =>
        {
            var subscription = await WebhookEndpoints.FindAsync(store, context, id);
            var q = context.Request.Query;
            var status = q["status"].ToString() is { Length: > 0 } s ? s : null;
            if (status is not null && !WebhookDeliveryStatus.IsKnown(status))
            {
                throw ApiProblemException.BadRequest("status must be pending, delivered or failed.", new FieldError("status", "is not a delivery status"));
            }
            var list = await deliveries.ListAsync(subscription.Tenant, subscription.Id, status, QueryParameters.Time(q["from"], "from"), QueryParameters.Time(q["to"], "to"), QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit), context.RequestAborted);
            return Results.Json(Page(list));
        }).RequireTenant();

        endpoints.MapHttpFunction("webhookDeliveryRetry", async (string id, string deliveryId, HttpContext context, WebhookSubscriptionStore store,
            WebhookDeliveryStore deliveries, WebhookDeliveryProcessor processor) =>
        {
            var subscription = await EnabledAsync(store, context, id);
            var delivery = await deliveries.GetAsync(subscription.Tenant, subscription.Id, deliveryId, context.RequestAborted)
                ?? throw ApiProblemException.NotFound($"No delivery '{deliveryId}' for webhook '{id}'.");
            if (!await processor.RedriveAsync(delivery, context.RequestAborted))
            {
                throw new ApiProblemException(409, "The delivery changed meanwhile.", "It was being attempted; read it again and retry if still needed.");
            }
            return Results.Json(new JsonObject { ["id"] = delivery.Id, ["status"] = WebhookDeliveryStatus.Pending }, statusCode: StatusCodes.Status202Accepted);
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksRecover", async (string id, HttpContext context, WebhookSubscriptionStore store,
            WebhookDeliveryStore deliveries, WebhookDeliveryProcessor processor) =>
        {
            var subscription = await EnabledAsync(store, context, id);
            var body = await WebhookRequestParser.ReadObjectAsync(context.Request, context.RequestAborted);
            var since = body["since"]?.GetValueKind() == JsonValueKind.String ? QueryParameters.Time(body["since"]!.GetValue<string>(), "since") : null;
            if (since is null)
            {
                throw ApiProblemException.Unprocessable("Say since when to recover.", [new FieldError("since", "is required: an RFC 3339 time")]);
            }
            var failed = await deliveries.ListAsync(subscription.Tenant, subscription.Id, WebhookDeliveryStatus.Failed, since, null, int.MaxValue, context.RequestAborted);
            var redriven = 0;
            foreach (var delivery in failed)
            {
                redriven += await processor.RedriveAsync(delivery, context.RequestAborted) ? 1 : 0;
            }
            return Results.Json(new JsonObject { ["webhookId"] = subscription.Id, ["since"] = since, ["redriven"] = redriven }, statusCode: StatusCodes.Status202Accepted);
        }).RequireTenant();

        endpoints.MapHttpFunction("webhooksUndelivered", async (HttpContext context, WebhookSubscriptionStore store, WebhookDeliveryStore deliveries, TimeProvider clock) =>
        {
            var q = context.Request.Query;
            var since = QueryParameters.Time(q["since"], "since") ?? clock.GetUtcNow().AddDays(-7);
            var tenant = context.Caller().Tenant;
            // Deliveries of deleted subscriptions cannot be recovered, so they are not listed.
            var existing = (await store.ListAsync(tenant, context.RequestAborted)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var list = await deliveries.ListUndeliveredAsync(tenant, since, QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit), existing.Contains, context.RequestAborted);
            var page = Page(list);
            page["since"] = since;
            return Results.Json(page);
        }).RequireTenant();
        return endpoints;
    }

    private static async Task<WebhookSubscription> EnabledAsync(WebhookSubscriptionStore store, HttpContext context, string id)
    {
        var subscription = await WebhookEndpoints.FindAsync(store, context, id);
        return subscription.Enabled
            ? subscription
            : throw new ApiProblemException(409, "The subscription is disabled.", "Enable it (PATCH {\"enabled\": true}) before re-driving deliveries.");
    }

    private static JsonObject Page(IReadOnlyList<WebhookDelivery> list) =>
        new() { ["items"] = new JsonArray(list.Select(d => (JsonNode?)WebhookJson.Delivery(d)).ToArray()), ["count"] = list.Count };


}
