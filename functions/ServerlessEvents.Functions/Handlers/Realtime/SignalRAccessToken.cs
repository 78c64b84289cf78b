using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// The JWTs Azure SignalR Service accepts when it has an access key: HS256 over the key's UTF-8 bytes, with
/// <c>aud</c> (the REST request URL without query or trailing slash, or the client URL for a client token),
/// <c>exp</c>, <c>iat</c>, <c>nbf</c> and, for a client token, <c>nameid</c> (the user id sends and groups address).
/// </summary>
public static class SignalRAccessToken
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    /// <summary>Builds and signs one token.</summary>
    public static string Create(string accessKey, string audience, DateTimeOffset now, TimeSpan lifetime, string? nameId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token must live for a positive time.");
        }
        var issued = now.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object> { ["aud"] = audience, ["iat"] = issued, ["nbf"] = issued, ["exp"] = now.Add(lifetime).ToUnixTimeSeconds() };
        if (nameId is not null)
        {
            payload["nameid"] = nameId;
        }
        var signingInput = Base64Url(Header) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>The audience of a REST request: its URL without query, fragment or trailing slash.</summary>
    public static string AudienceOf(Uri requestUri) => requestUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
