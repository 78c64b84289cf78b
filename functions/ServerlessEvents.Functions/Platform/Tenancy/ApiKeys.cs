using System.Security.Cryptography;
using System.Text;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// Tenant API keys: <c>sek_</c> plus 32 random bytes (base64url). Only a SHA-256 hash is stored; with 256 bits
/// of entropy a fast hash is enough and a slow KDF would only cost latency on every request.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "sek_";

    /// <summary>Creates a new random key.</summary>
    public static string Generate() => Prefix + PagingToken.Base64UrlOf(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short public identifier for a key, derived from random bytes, used to list and revoke it.</summary>
    public static string NewKeyId() => "key_" + PagingToken.Base64UrlOf(RandomNumberGenerator.GetBytes(9));

    /// <summary>The stored form of a key: lowercase hex SHA-256.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two secrets in constant time.</summary>
    public static bool FixedTimeEquals(string? a, string? b) =>
        a is not null && b is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

}
