using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// <c>POST /api/negotiate</c> (payload mode). The signalRConnectionInfo binding has already minted a token for the
/// user id in <c>x-serverlessevents-user</c>; this handler returns it only when the caller's tenant key vouches for
/// that id (<c>{tenant}:{userId}</c> with the key's tenant), and then adds the user to the tenant's group.
/// </summary>
public static class NegotiateEndpoint
{
    private const int MaxUserIdLength = 128;

    /// <summary>Maps <c>negotiate</c>.</summary>
    public static IEndpointRouteBuilder MapNegotiate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPayloadFunction("negotiate",
            [RequiredBinding.In("req", "httpTrigger"), RequiredBinding.Out("res", "http"),
             RequiredBinding.In("connectionInfo", "signalRConnectionInfo"), RequiredBinding.Out("signalRGroups", "signalR")],
            NegotiateAsync);
        return endpoints;
    }

    private static async Task<InvocationResult> NegotiateAsync(InvocationRequest invocation, HttpContext context)
    {
        var request = NegotiateRequest.From(invocation.InputJson("req"));
        var caller = request.Key is null || request.Key.Length > 512
            ? null
            : await context.RequestServices.GetRequiredService<TenantKeyStore>().ResolveAsync(request.Key, context.RequestAborted);
        if (caller is null)
        {
            return Problem(401, "Authentication required.", "Send a tenant API key as 'Authorization: Bearer <key>' or 'x-api-key'.");
        }
        var prefix = caller.Tenant + ":";
        if (string.IsNullOrEmpty(request.User) || !request.User.Contains(':', StringComparison.Ordinal))
        {
            return Problem(400, "The user id is missing.", $"Send '{NegotiateRequest.UserHeader}: {prefix}<userId>'.", "header " + NegotiateRequest.UserHeader);
        }
        if (!request.User.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Problem(403, "The key does not vouch for this user.", $"The user id must start with '{prefix}', the tenant of the key.", "header " + NegotiateRequest.UserHeader);
        }
        var userId = request.User[prefix.Length..];
        if (userId.Length is 0 or > MaxUserIdLength || userId.Any(char.IsControl))
        {
            return Problem(400, "The user id is not valid.", $"After '{prefix}' send 1-{MaxUserIdLength} printable characters.", "header " + NegotiateRequest.UserHeader);
        }
        var info = invocation.InputText("connectionInfo")
            ?? throw new InvalidOperationException("The signalRConnectionInfo binding 'connectionInfo' gave no value.");
        var result = new InvocationResult().WithHttpResponse("res", 200, JsonNode.Parse(info)!.ToJsonString());
        ((JsonObject)result.Outputs["res"]!)["headers"]!["Cache-Control"] = "no-store";
        return result.AddOutputItems("signalRGroups", [new JsonObject
        {
            ["action"] = "add",
            ["groupName"] = RealtimeAddresses.Group(caller.Tenant),
            ["userId"] = RealtimeAddresses.User(caller.Tenant, userId),
        }]);
    }

    private static InvocationResult Problem(int status, string title, string detail, string? field = null)
    {
        var problem = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail };
        if (field is not null)
        {
            problem["errors"] = new JsonArray(new JsonObject { ["field"] = field, ["message"] = detail });
        }
        return new InvocationResult().WithHttpResponse("res", status, problem.ToJsonString(JsonSerializerOptions.Web), "application/problem+json");
    }
}
