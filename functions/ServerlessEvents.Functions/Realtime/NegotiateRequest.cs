using System.Text.Json;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>What negotiate reads from the payload-mode HTTP request object (<c>Headers</c>: name → array of strings).</summary>
/// <param name="Key">The presented API key (<c>Authorization: Bearer</c> or <c>x-api-key</c>), if any.</param>
/// <param name="User">The <c>x-serverlessevents-user</c> header (<c>{tenant}:{userId}</c>), if any.</param>
public sealed record NegotiateRequest(string? Key, string? User)
{
    /// <summary>The header the client sets to its namespaced user id; the binding's userId expression reads it too.</summary>
    public const string UserHeader = "x-serverlessevents-user";

    /// <summary>Reads the request object (null or malformed gives an empty request).</summary>
    public static NegotiateRequest From(JsonElement? request)
    {
        if (request is not { ValueKind: JsonValueKind.Object } r || !TryGetIgnoreCase(r, "Headers", out var headers) || headers.ValueKind != JsonValueKind.Object)
        {
            return new NegotiateRequest(null, null);
        }
        var authorization = Header(headers, "Authorization");
        var key = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : Header(headers, "x-api-key");
        return new NegotiateRequest(string.IsNullOrEmpty(key) ? null : key, Header(headers, UserHeader));
    }

    private static string? Header(JsonElement headers, string name)
    {
        if (!TryGetIgnoreCase(headers, name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
    }

    private static bool TryGetIgnoreCase(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
