using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// <c>POST /api/management/tenants/{tenant}/keys</c> and <c>DELETE .../keys/{keyId}</c>: the administrator creates and
/// revokes tenant keys. (The Functions host refuses routes that start with <c>admin</c>, hence <c>management</c>.)
/// </summary>
public sealed class TenancyFunctions(TenantKeyStore store)
{
    /// <summary>Creates a key; the answer is the only time the key is shown.</summary>
    [Function("tenantKeysCreate"), CallerAccess(CallerAccess.Admin)]
    public async Task<IResult> CreateKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "management/tenants/{tenant}/keys")] HttpRequest request, string tenant)
    {
        TenantIds.EnsureValid(tenant);
        var created = await store.CreateKeyAsync(tenant, request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/management/tenants/{tenant}/keys/{created.KeyId}",
            new { tenant = created.Tenant, keyId = created.KeyId, key = created.Key, createdAt = created.CreatedAt });
    }

    /// <summary>Revokes a key at once.</summary>
    [Function("tenantKeysRevoke"), CallerAccess(CallerAccess.Admin)]
    public async Task<IResult> RevokeKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "management/tenants/{tenant}/keys/{keyId}")] HttpRequest request, string tenant, string keyId)
    {
        TenantIds.EnsureValid(tenant);
        return await store.RevokeKeyAsync(tenant, keyId, request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiProblemException.NotFound($"Tenant '{tenant}' has no key '{keyId}'.");
    }
}
