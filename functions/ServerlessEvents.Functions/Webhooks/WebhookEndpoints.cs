using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Maps the webhook HTTP functions for the custom handler; <see cref="WebhookSubscriptionFunctions"/>,
/// <see cref="WebhookSecretFunctions"/> and <see cref="WebhookDeliveryFunctions"/> hold their code.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Maps the subscription, secret and test functions.</summary>
    public static IEndpointRouteBuilder MapWebhookSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("webhooksCreate", (HttpContext c) => c.Function<WebhookSubscriptionFunctions>().CreateAsync(c.Request)).RequireTenant();
        endpoints.MapHttpFunction("webhooksList", (HttpContext c) => c.Function<WebhookSubscriptionFunctions>().ListAsync(c.Request)).RequireTenant();
        endpoints.MapHttpFunction("webhooksGet", (HttpContext c, string id) => c.Function<WebhookSubscriptionFunctions>().GetAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhooksUpdate", (HttpContext c, string id) => c.Function<WebhookSubscriptionFunctions>().UpdateAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhooksDelete", (HttpContext c, string id) => c.Function<WebhookSubscriptionFunctions>().DeleteAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhooksRotateSecret", (HttpContext c, string id) => c.Function<WebhookSecretFunctions>().RotateAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhooksTest", (HttpContext c, string id) => c.Function<WebhookSecretFunctions>().TestAsync(c.Request, id)).RequireTenant();
        return endpoints;
    }

    /// <summary>Maps the delivery-log functions.</summary>
    public static IEndpointRouteBuilder MapWebhookDeliveries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("webhookDeliveriesList", (HttpContext c, string id) => c.Function<WebhookDeliveryFunctions>().ListAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhookDeliveryRetry", (HttpContext c, string id, string deliveryId) => c.Function<WebhookDeliveryFunctions>().RetryAsync(c.Request, id, deliveryId)).RequireTenant();
        endpoints.MapHttpFunction("webhooksRecover", (HttpContext c, string id) => c.Function<WebhookDeliveryFunctions>().RecoverAsync(c.Request, id)).RequireTenant();
        endpoints.MapHttpFunction("webhooksUndelivered", (HttpContext c) => c.Function<WebhookDeliveryFunctions>().UndeliveredAsync(c.Request)).RequireTenant();
        return endpoints;
    }
}
