using Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// <c>POST /api/negotiate</c>: the SignalR negotiate answer <c>{ "url", "accessToken" }</c> for the caller's key.
/// The identity comes from the key alone: tenant = the key's tenant, SignalR user = <c>{tenant}:{keyId}</c>. No
/// request header can choose another user or tenant. The user is added to the tenant's group before the token is
/// returned, so the connection receives the tenant's events from its first message on.
/// </summary>
public sealed class NegotiateFunction(RealtimeConnection realtime, IOptions<RealtimeOptions> options)
{
    /// <summary>The negotiate answer; 503 problem when this deployment has no SignalR Service.</summary>
    [Function("negotiate"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> NegotiateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "negotiate")] HttpRequest request)
    {
        var context = request.HttpContext;
        var caller = context.Caller();
        if (!realtime.IsConfigured)
        {
            throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "Real-time delivery is not configured.",
                "This deployment has no SignalR Service; read events with GET /api/events instead.");
        }
        var user = RealtimeAddresses.User(caller.Tenant, caller.KeyId!);
        SignalRClientAccess access;
        try
        {
            (await realtime.Client.AddUserToGroupAsync(RealtimeAddresses.Group(caller.Tenant), user, cancellationToken: context.RequestAborted)).Dispose();
            access = await realtime.Client.GetClientAccessAsync(user, TimeSpan.FromMinutes(options.Value.AccessTokenLifetimeMinutes), context.RequestAborted);
        }
        catch (RequestFailedException failure)
        {
            throw new DependencyUnavailableException($"SignalR Service answered {failure.Status}.", failure);
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new NegotiateResponse(access.Url.ToString(), access.AccessToken));
    }

    /// <summary>The body the SignalR client reads from negotiate.</summary>
    /// <param name="Url">The client URL.</param>
    /// <param name="AccessToken">The client token.</param>
    public sealed record NegotiateResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("url")] string Url,
        [property: System.Text.Json.Serialization.JsonPropertyName("accessToken")] string AccessToken);
}
