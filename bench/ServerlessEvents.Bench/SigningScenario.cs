using System.Diagnostics;
using System.Security.Cryptography;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Bench;

/// <summary>Our webhook signer against a bare HMAC-SHA256 over the same body, single-threaded.</summary>
public static class SigningScenario
{
    /// <summary>Signatures per second for both, at a body size.</summary>
    public static SigningResult Run(int bodyBytes, int iterations)
    {
        var body = RandomNumberGenerator.GetBytes(bodyBytes);
        var secrets = new[] { WebhookSecret.Generate() };
        var key = RandomNumberGenerator.GetBytes(32);
        var signer = new WebhookSigner();
        Span<byte> mac = stackalloc byte[32];
        for (var i = 0; i < iterations / 10; i++)
        {
            signer.CreateSignatureHeader(secrets, "msg_bench", 1_700_000_000, body);
            HMACSHA256.HashData(key, body, mac);
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            signer.CreateSignatureHeader(secrets, "msg_bench", 1_700_000_000 + i, body);
        }
        var signerPerSecond = iterations / watch.Elapsed.TotalSeconds;
        watch.Restart();
        for (var i = 0; i < iterations; i++)
        {
            HMACSHA256.HashData(key, body, mac);
        }
        var hmacPerSecond = iterations / watch.Elapsed.TotalSeconds;
        return new SigningResult(bodyBytes, signerPerSecond, hmacPerSecond, signerPerSecond / hmacPerSecond);
    }
}
