namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Who may call an HTTP function. A function without <see cref="CallerAccessAttribute"/> is public.</summary>
public enum CallerAccess
{
    /// <summary>Only tenants, through one of their keys.</summary>
    Tenant,

    /// <summary>Only the administrator.</summary>
    Admin,

    /// <summary>Tenants and the administrator.</summary>
    TenantOrAdmin,
}
