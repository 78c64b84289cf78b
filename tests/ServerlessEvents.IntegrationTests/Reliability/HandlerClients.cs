using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Clients for the reliability tests, through the host double's front door as callers of the Functions host.</summary>
public static class HandlerClients
{
    /// <summary>A client of the front door that authenticates as the tenant.</summary>
    public static TenantClient Direct(WorkerHost host, TenantClient tenant) =>
        new(tenant.Tenant, tenant.KeyId, tenant.Key, host.BaseUrl);

    /// <summary>Event ids of a tenant that the Event Grid stand-in received.</summary>
    public static HashSet<string> PublishedIds(EventGridSink sink, string tenant) =>
        sink.Events.Where(e => e["tenantid"]?.GetValue<string>() == tenant).Select(e => e["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
