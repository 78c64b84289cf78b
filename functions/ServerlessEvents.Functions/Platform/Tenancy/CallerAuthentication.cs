using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// Authenticates the caller from <c>Authorization: Bearer &lt;key&gt;</c> or <c>x-api-key</c> (for
/// <see cref="CallerAuthenticationMiddleware"/>). No key or a wrong key gets 401. The resolved caller is available
/// through <see cref="Caller"/>.
/// </summary>
public static class CallerAuthentication
{
    private const string ItemKey = "ServerlessEvents.Caller";

    /// <summary>The authenticated caller of the current request.</summary>
    public static TenantContext Caller(this HttpContext context) =>
        context.Items[ItemKey] as TenantContext ?? throw new InvalidOperationException("The endpoint has no authentication filter.");

    /// <summary>The key the request presents, if any.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var apiKey = request.Headers["x-api-key"].ToString();
        return apiKey.Length > 0 ? apiKey : null;
    }

    /// <summary>
    /// Authenticates the request for <paramref name="access"/>: on success the caller is stored for <see cref="Caller"/>
    /// and the answer is null; otherwise it is the 401 problem to send instead of running the function.
    /// </summary>
    public static async Task<IResult?> AuthenticateAsync(HttpContext http, CallerAccess access)
    {
        var key = PresentedKey(http.Request);
        if (string.IsNullOrEmpty(key) || key.Length > 512)
        {
            return Unauthorized("Send an API key as 'Authorization: Bearer <key>' or 'x-api-key'.");
        }
        TenantContext? caller = null;
        var adminKey = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.AdminKey;
        if (access != CallerAccess.Tenant && ApiKeys.FixedTimeEquals(key, adminKey))
        {
            caller = TenantContext.Admin;
        }
        else if (access != CallerAccess.Admin)
        {
            caller = await http.RequestServices.GetRequiredService<TenantKeyStore>().ResolveAsync(key, http.RequestAborted);
        }
        if (caller is null)
        {
            return Unauthorized("The API key is not valid for this endpoint, or it has been revoked.");
        }
        http.Items[ItemKey] = caller;
        return null;
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required.", detail: detail);
}
