using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The <c>notifications</c> function: applies <see cref="NotificationRules"/>, honours the user's in-app preference,
/// stores the notification once per delivery (deterministic id; a redelivery inserts nothing) and pushes it to the
/// user over SignalR Service as <c>notification(n)</c> to user <c>{tenant}:{userId}</c>. The push is sent before the
/// status becomes <c>sent</c>; a failed push throws so Event Grid redelivers, and a redelivery pushes again while the
/// notification is still pending, sent or failed (clients de-duplicate by id). Once fetched or read it is not pushed.
/// Without SignalR configured the notification is stored with push status <c>failed</c>.
/// </summary>
public sealed class NotificationsSubscriber(
    EventTypeCatalog catalog, NotificationStore store, UserPreferencesStore preferences, RealtimeConnection realtime, TimeProvider clock) : IEventSubscriber
{
    /// <summary>The client method a notification invokes.</summary>
    public const string Target = "notification";

    /// <inheritdoc />
    public string FunctionName => "notifications";

    /// <inheritdoc />
    public async Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        var e = delivered.Event;
        NotificationDraft? draft;
        try
        {
            draft = NotificationRules.Apply(e, catalog);
        }
        catch (JsonException invalid)
        {
            throw new PermanentEventFailureException($"The {e.Type} data cannot be read: {invalid.Message}", invalid);
        }
        if (draft is null)
        {
            return SubscriberResult.Skipped($"No notification for {e.Type}.");
        }
        if (!UserIds.IsValid(draft.UserId))
        {
            throw new PermanentEventFailureException($"The recipient user id is not 1-{UserIds.MaxLength} characters without control characters.");
        }
        if (!await preferences.AllowsAsync(delivered.Tenant, draft.UserId, draft.Type, NotificationChannels.InApp, cancellationToken))
        {
            return SubscriberResult.Skipped("The user refused in-app notifications for this type.");
        }
        if (!DateTimeOffset.TryParse(e.Time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var createdAt))
        {
            throw new PermanentEventFailureException($"The event time '{e.Time}' is not an RFC 3339 time.");
        }
        var id = NotificationKeys.Id(delivered.DedupKey, draft.Type);
        var (notification, _) = await store.AddAsync(delivered.Tenant, id, e.Id, createdAt, draft, cancellationToken);
        var now = clock.GetUtcNow();
        if (notification.StatusAt(now) is not (NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Failed))
        {
            return SubscriberResult.Skipped("Already fetched, read or expired: nothing to push.");
        }
        if (!realtime.IsConfigured)
        {
            await store.TrySetPushStatusAsync(delivered.Tenant, notification, NotificationStatus.Failed, cancellationToken);
            return SubscriberResult.Skipped("SignalR is not configured; the notification waits to be fetched.");
        }
        JsonNode[] arguments = [(notification with { StoredStatus = NotificationStatus.Sent }).ToJson(now)];
        (await realtime.Client.SendToUserAsync(RealtimeAddresses.User(delivered.Tenant, draft.UserId), Target, arguments, cancellationToken)).Dispose();
        await store.TrySetPushStatusAsync(delivered.Tenant, notification, NotificationStatus.Sent, cancellationToken);
        return SubscriberResult.Done;
    }
}
