namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// SignalR addressing, scoped per tenant: the hub, a tenant's group, and tenant-namespaced user ids
/// (<c>{tenant}:{userId}</c>; tenant ids cannot contain ':', so the prefix is unambiguous).
/// </summary>
public static class RealtimeAddresses
{
    /// <summary>The hub every function binds to.</summary>
    public const string Hub = "events";

    /// <summary>The client method messages invoke.</summary>
    public const string Target = "event";

    /// <summary>The group every connection of a tenant's users joins.</summary>
    public static string Group(string tenant) => "tenant-" + tenant;

    /// <summary>The SignalR user id of a tenant's user.</summary>
    public static string User(string tenant, string userId) => tenant + ":" + userId;
}
