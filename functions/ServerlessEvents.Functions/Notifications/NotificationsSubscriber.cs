using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The <c>notifications</c> function: applies <see cref="NotificationRules"/>, honours the user's in-app preference,
/// stores the notification once per delivery (deterministic id; a redelivery inserts nothing) and pushes it to
/// the user over the <c>signalR</c> output as <c>{target: "notification", arguments: [n], userId: "{tenant}:{userId}"}</c>.
/// A redelivery pushes again while the notification is still pending or sent (clients de-duplicate by id), so a
/// push lost with a failed invocation is repeated; once fetched or read it is not pushed again.
/// </summary>
public sealed class NotificationsSubscriber(
    EventTypeCatalog catalog, NotificationStore store, UserPreferencesStore preferences, RealtimeAvailability realtime, TimeProvider clock) : IEventSubscriber
{
    /// <summary>The signalR output binding name.</summary>
    public const string SignalRBinding = "signalR";

    /// <inheritdoc />
    public string FunctionName => "notifications";

    /// <inheritdoc />
    public IReadOnlyList<RequiredBinding> OutputBindings => [RequiredBinding.Out(SignalRBinding, "signalR")];

    /// <inheritdoc />
    public async Task<InvocationResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        var result = new InvocationResult();
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
            return result;
        }
        if (!UserIds.IsValid(draft.UserId))
        {
            throw new PermanentEventFailureException($"The recipient user id is not 1-{UserIds.MaxLength} characters without control characters.");
        }
        if (!await preferences.AllowsAsync(delivered.Tenant, draft.UserId, draft.Type, NotificationChannels.InApp, cancellationToken))
        {
            return result;
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
            // Already fetched, read or expired: nothing to push.
            return result;
        }
        var status = realtime.IsConfigured ? NotificationStatus.Sent : NotificationStatus.Failed;
        if (!await store.TrySetPushStatusAsync(delivered.Tenant, notification, status, cancellationToken) || status == NotificationStatus.Failed)
        {
            return result;
        }
        return result.AddOutputItems(SignalRBinding, [new JsonObject
        {
            ["target"] = "notification",
            ["arguments"] = new JsonArray((notification with { StoredStatus = status }).ToJson(now)),
            ["userId"] = RealtimeAddresses.User(delivered.Tenant, draft.UserId),
        }]);
    }
}
