using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ServerlessEvents.Testing;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>
/// Checks deliveries the way a receiver does, with the StandardWebhooks NuGet package through
/// <see cref="StandardWebhooksReceiver"/> (independent of our signer):
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (±5 minutes of the real clock) and any matching <c>v1</c> entry of
/// <c>webhook-signature</c>.
/// </summary>
internal static class ReceiverVerification
{
    /// <summary>The package's timestamp tolerance, in both directions.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Verifies with the package against the real clock; throws <see cref="WebhookVerificationException"/> on failure.</summary>
    public static void Verify(ReceivedRequest request, string secret) =>
        StandardWebhooksReceiver.Verify(secret, Encoding.UTF8.GetString(request.Body), Headers(request));

    /// <summary>Like <see cref="Verify"/>, returning false instead of throwing.</summary>
    public static bool Verifies(ReceivedRequest request, string secret)
    {
        try
        {
            Verify(request, secret);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    /// <summary>
    /// For deliveries made under a shifted clock (<see cref="ServerlessEvents.Testing.Seams.RemoteClock"/>): the package's <c>Verify</c> reads the real clock and
    /// would refuse them as too new, so the timestamp is checked against <paramref name="clock"/> here and the signature
    /// with the package's <c>Sign</c> (one matching space-separated entry suffices, as in <c>Verify</c>).
    /// </summary>
    public static bool VerifiesAt(ReceivedRequest request, string secret, TimeProvider clock)
    {
        var id = request.Header("webhook-id");
        var signatures = request.Header("webhook-signature");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(request.Header("webhook-timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if ((clock.GetUtcNow() - sentAt).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(new StandardWebhook(secret).Sign(id, sentAt, Encoding.UTF8.GetString(request.Body)));
        return signatures.Split(' ').Any(entry => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry), expected));
    }

    /// <summary>The legacy <c>X-Webhook-Signature</c> (<c>sha256=&lt;hex HMAC-SHA256(key, body)&gt;</c>, comma-separated), recomputed here.</summary>
    public static bool VerifiesLegacy(ReceivedRequest request, string secret)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var header = request.Header("X-Webhook-Signature");
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, request.Body)));
        return header.Split(',').Any(entry => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry.Trim()), expected));
    }

    private static HeaderDictionary Headers(ReceivedRequest request) =>
        new(request.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase));
}
