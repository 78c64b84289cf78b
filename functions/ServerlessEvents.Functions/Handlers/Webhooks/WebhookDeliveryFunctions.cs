using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The delivery log and recovery: <c>GET /api/webhooks/{id}/deliveries</c>, <c>POST .../deliveries/{deliveryId}/retry</c>,
/// <c>POST /api/webhooks/{id}/recover</c> and <c>GET /api/webhooks/undelivered</c>.
/// </summary>
public sealed class WebhookDeliveryFunctions(WebhookSubscriptionStore store, WebhookDeliveryStore deliveries, WebhookDeliveryProcessor processor, TimeProvider clock)
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 100, MaxLimit = 1000;

    /// <summary>The subscription's deliveries, newest first, by status and time.</summary>
    [Function("webhookDeliveriesList"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{id}/deliveries")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnAsync(context, id);
        var q = request.Query;
        var status = q["status"].ToString() is { Length: > 0 } s ? s : null;
        if (status is not null && !WebhookDeliveryStatus.IsKnown(status))
        {
            throw ApiProblemException.BadRequest("status must be pending, delivered or failed.", new FieldError("status", "is not a delivery status"));
        }
        var list = await deliveries.ListAsync(subscription.Tenant, subscription.Id, status, QueryParameters.Time(q["from"], "from"), QueryParameters.Time(q["to"], "to"), QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit), context.RequestAborted);
        return Results.Json(Page(list));
    }

    /// <summary>Re-drives one delivery now (202); 409 when it is being attempted meanwhile.</summary>
    [Function("webhookDeliveryRetry"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/deliveries/{deliveryId}/retry")] HttpRequest request, string id, string deliveryId)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnEnabledAsync(context, id);
        var delivery = await deliveries.GetAsync(subscription.Tenant, subscription.Id, deliveryId, context.RequestAborted)
            ?? throw ApiProblemException.NotFound($"No delivery '{deliveryId}' for webhook '{id}'.");
        if (!await processor.RedriveAsync(delivery, context.RequestAborted))
        {
            throw new ApiProblemException(409, "The delivery changed meanwhile.", "It was being attempted; read it again and retry if still needed.");
        }
        return Results.Json(new JsonObject { ["id"] = delivery.Id, ["status"] = WebhookDeliveryStatus.Pending }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Re-drives every failed delivery since <c>{"since": "…"}</c> (202 with the count).</summary>
    [Function("webhooksRecover"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> RecoverAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/recover")] HttpRequest request, string id)
    {
        var context = request.HttpContext;
        var subscription = await store.FindOwnEnabledAsync(context, id);
        var body = await RequestJson.ReadObjectAsync(request, context.RequestAborted);
        var since = body["since"]?.GetValueKind() == JsonValueKind.String ? QueryParameters.Time(body["since"]!.GetValue<string>(), "since") : null;
        if (since is null)
        {
            throw ApiProblemException.Unprocessable("Say since when to recover.", [new FieldError("since", "is required: an RFC 3339 time")]);
        }
        var redriven = await processor.RedriveFailedAsync(subscription.Tenant, subscription.Id, since.Value, context.RequestAborted);
        return Results.Json(new JsonObject { ["webhookId"] = subscription.Id, ["since"] = since, ["redriven"] = redriven }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Failed deliveries of every existing subscription of the tenant since a time (default: 7 days).</summary>
    [Function("webhooksUndelivered"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> UndeliveredAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/undelivered")] HttpRequest request)
    {
        var context = request.HttpContext;
        var q = request.Query;
        var since = QueryParameters.Time(q["since"], "since") ?? clock.GetUtcNow().AddDays(-7);
        var tenant = context.Caller().Tenant;
        // Deliveries of deleted subscriptions cannot be recovered, so they are not listed.
        var existing = (await store.ListAsync(tenant, context.RequestAborted)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var list = await deliveries.ListUndeliveredAsync(tenant, since, QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit), existing.Contains, context.RequestAborted);
        var page = Page(list);
        page["since"] = since;
        return Results.Json(page);
    }

    private static JsonObject Page(IReadOnlyList<WebhookDelivery> list) =>
        new() { ["items"] = new JsonArray(list.Select(d => (JsonNode?)WebhookJson.Delivery(d)).ToArray()), ["count"] = list.Count };
}
