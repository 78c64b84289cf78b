using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Identifiers and keys of the webhook tables. Subscription ids are <c>whk_</c> + 32 hex digits (never a literal
/// route segment such as <c>undelivered</c>); delivery ids are <c>msg_</c> + 32 hex digits of
/// SHA-256(dedup key, subscription id), so the same event delivery always maps to the same <c>webhook-id</c>.
/// </summary>
public static class WebhookIds
{
    /// <summary>A new subscription id.</summary>
    public static string NewSubscriptionId() => "whk_" + Guid.CreateVersion7().ToString("N");

    /// <summary>Whether <paramref name="id"/> has the shape of a subscription id.</summary>
    public static bool IsSubscriptionId(string? id) => id is { Length: 36 } && id.StartsWith("whk_", StringComparison.Ordinal) && IsHex(id.AsSpan(4));

    /// <summary>Whether <paramref name="id"/> has the shape of a delivery id.</summary>
    public static bool IsDeliveryId(string? id) => id is { Length: 36 } && id.StartsWith("msg_", StringComparison.Ordinal) && IsHex(id.AsSpan(4));

    /// <summary>The delivery id of (event delivery, subscription): stable across Event Grid redeliveries.</summary>
    public static string DeliveryId(string dedupKey, string subscriptionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey + "\n" + subscriptionId));
        return "msg_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The deliveries partition of one subscription.</summary>
    public static string DeliveryPartition(string tenant, string subscriptionId) => tenant + "|" + subscriptionId;

    /// <summary>The per-tenant partition of the undelivered index.</summary>
    public static string UndeliveredPartition(string tenant) => tenant + "|~undelivered";

    /// <summary>The row of a delivery: newest first within its subscription's partition.</summary>
    public static string DeliveryRow(long createdTicks, string deliveryId) => "t|" + Ticks(DateTimeOffset.MaxValue.UtcTicks - createdTicks) + "|" + deliveryId;

    /// <summary>The row that maps a delivery id to its creation time (and guards against creating it twice).</summary>
    public static string PointerRow(string deliveryId) => "id|" + deliveryId;

    /// <summary>The undelivered-index row: oldest first, so "since" is a range.</summary>
    public static string UndeliveredRow(long createdTicks, string subscriptionId, string deliveryId) => Ticks(createdTicks) + "|" + subscriptionId + "|" + deliveryId;

    /// <summary>Ticks as a fixed-width sortable string.</summary>
    public static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static bool IsHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept("0123456789abcdef");
}
