using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Clients that call the handler's own URL (skipping the host double's forwarding hop, which is not ours).</summary>
public static class HandlerClients
{
    /// <summary>A client of the handler that authenticates as the tenant.</summary>
    public static TenantClient Direct(IPipelineHost host, TenantClient tenant) =>
        new(tenant.Tenant, tenant.KeyId, tenant.Key, host.HandlerClient.BaseAddress!.ToString().TrimEnd('/'));

    /// <summary>Event ids of a tenant that the Event Grid stand-in received.</summary>
    public static HashSet<string> PublishedIds(EventGridSink sink, string tenant) =>
        sink.Events.Where(e => e["tenantid"]?.GetValue<string>() == tenant).Select(e => e["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
