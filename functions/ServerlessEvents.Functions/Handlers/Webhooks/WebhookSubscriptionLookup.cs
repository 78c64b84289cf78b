using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Finds the caller's own subscription for a webhook function: another tenant's id is a 404, like an unknown one.</summary>
public static class WebhookSubscriptionLookup
{
    /// <summary>The caller's subscription <paramref name="id"/>, or the 404 problem.</summary>
    public static async Task<WebhookSubscription> FindOwnAsync(this WebhookSubscriptionStore store, HttpContext context, string id) =>
        await store.GetAsync(context.Caller().Tenant, id, context.RequestAborted) ?? throw NotFound(id);

    /// <summary>The caller's enabled subscription, the 404 problem, or 409 when it is disabled (nothing can be re-driven).</summary>
    public static async Task<WebhookSubscription> FindOwnEnabledAsync(this WebhookSubscriptionStore store, HttpContext context, string id)
    {
        var subscription = await store.FindOwnAsync(context, id);
        return subscription.Enabled
            ? subscription
            : throw new ApiProblemException(409, "The subscription is disabled.", "Enable it (PATCH {\"enabled\": true}) before re-driving deliveries.");
    }

    /// <summary>The 404 problem for a subscription id the caller does not own.</summary>
    public static ApiProblemException NotFound(string id) => ApiProblemException.NotFound($"No webhook subscription '{id}' in your tenant.");
}
