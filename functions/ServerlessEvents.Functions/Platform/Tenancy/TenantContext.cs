namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Who is calling: a tenant (through one of its keys) or the administrator.</summary>
/// <param name="TenantId">The caller's tenant; null for the administrator.</param>
/// <param name="KeyId">The id of the key used; null for the administrator.</param>
public sealed record TenantContext(string? TenantId, string? KeyId)
{
    /// <summary>The administrator, who may read across tenants where an endpoint allows it.</summary>
    public static TenantContext Admin { get; } = new(null, null);

    /// <summary>True for the administrator.</summary>
    public bool IsAdmin => TenantId is null;

    /// <summary>The tenant, for endpoints that only tenants may call.</summary>
    public string Tenant => TenantId ?? throw new InvalidOperationException("The caller is the administrator, not a tenant.");
}
