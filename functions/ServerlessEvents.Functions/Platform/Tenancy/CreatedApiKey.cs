namespace ServerlessEvents.Functions.Tenancy;

/// <summary>A newly created key: the only time the key itself is ever returned.</summary>
public sealed record CreatedApiKey(string Tenant, string KeyId, string Key, DateTimeOffset CreatedAt);
