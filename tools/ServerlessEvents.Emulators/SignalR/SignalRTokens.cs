using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServerlessEvents.Emulators.SignalR;

/// <summary>
/// Checks a SignalR access-key JWT the way the service does, with Microsoft.IdentityModel (an implementation
/// independent of the app's): HS256 over the key's UTF-8 bytes, the expected audience, a required and unexpired
/// <c>exp</c>, no clock skew.
/// </summary>
public static class SignalRTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>The validated token, or the reason it is not valid.</summary>
    public static async Task<(JsonWebToken? Token, string? Problem)> ValidateAsync(string token, string accessKey, string audience)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAudience = audience,
            ValidateAudience = true,
            ValidateIssuer = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.Zero,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
        });
        return result.IsValid ? ((JsonWebToken)result.SecurityToken, null) : (null, result.Exception?.Message ?? "invalid token");
    }
}
