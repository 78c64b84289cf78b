using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Verifies Standard Webhooks v1 requests for receivers (BCL only): the <c>webhook-timestamp</c> must lie within
/// <see cref="Tolerance"/> of now in both directions, and at least one <c>v1</c> entry of <c>webhook-signature</c>
/// must equal HMAC-SHA256(secret, "{webhook-id}.{webhook-timestamp}.{raw body}") for one of the secrets.
/// Unknown versions (e.g. <c>v1a</c>) are skipped; comparison is constant-time. Thread-safe.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>The default timestamp tolerance, as in the reference libraries.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly WebhookSecret[] _secrets;
    private readonly TimeProvider _time;

    /// <summary>Verifies against one or several secrets (e.g. old and new during a rotation).</summary>
    public WebhookVerifier(IEnumerable<WebhookSecret> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets];
        if (_secrets.Length is 0 or > WebhookSigner.MaxActiveSecrets || Array.Exists(_secrets, s => s is null))
        {
            throw new ArgumentException($"Verify with 1-{WebhookSigner.MaxActiveSecrets} secrets.", nameof(secrets));
        }

        Tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(Tolerance, TimeSpan.Zero, nameof(tolerance));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies against one secret in its textual form (<c>whsec_…</c> or bare base64).</summary>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
        : this([WebhookSecret.Parse(secret)], tolerance, timeProvider)
    {
    }

    /// <summary>How far <c>webhook-timestamp</c> may be from now, in either direction.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies the raw body and the three header values; throws <see cref="WebhookVerificationException"/> on failure.</summary>
    public void Verify(ReadOnlySpan<byte> body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        var reason = Check(body, webhookId, webhookTimestamp, webhookSignature);
        if (reason != WebhookVerificationFailure.None)
        {
            throw new WebhookVerificationException(reason);
        }
    }

    /// <summary>Verifies the raw body, reading headers through <paramref name="header"/> (e.g. <c>name =&gt; request.Headers[name]</c>).</summary>
    public void Verify(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Verify(body, header(WebhookHeaderNames.Id), header(WebhookHeaderNames.Timestamp), header(WebhookHeaderNames.Signature));
    }

    /// <summary>Verifies a body given as text (encoded as UTF-8, which must be the exact bytes received).</summary>
    public void Verify(string body, string? webhookId, string? webhookTimestamp, string? webhookSignature) =>
        Verify(Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))), webhookId, webhookTimestamp, webhookSignature);

    /// <summary>Like <see cref="Verify(ReadOnlySpan{byte}, string?, string?, string?)"/> but returns false and the reason instead of throwing.</summary>
    public bool TryVerify(ReadOnlySpan<byte> body, string? webhookId, string? webhookTimestamp, string? webhookSignature, out WebhookVerificationFailure reason)
    {
        reason = Check(body, webhookId, webhookTimestamp, webhookSignature);
        return reason == WebhookVerificationFailure.None;
    }

    /// <summary>
    /// Verifies the legacy <c>X-Webhook-Signature</c> (comma-separated <c>sha256=&lt;hex&gt;</c>, HMAC of the body alone).
    /// It carries no timestamp, so it cannot stop replays; prefer <see cref="Verify(ReadOnlySpan{byte}, string?, string?, string?)"/>.
    /// </summary>
    public bool TryVerifyLegacy(ReadOnlySpan<byte> body, string? legacySignature)
    {
        if (string.IsNullOrWhiteSpace(legacySignature))
        {
            return false;
        }

        Span<char> expected = stackalloc char[WebhookMac.LegacyEntryLength];
        var matched = false;
        foreach (var secret in _secrets)
        {
            WebhookMac.WriteLegacyEntry(secret.Key, body, expected);
            foreach (var range in legacySignature.AsSpan().Split(','))
            {
                var entry = legacySignature.AsSpan()[range].Trim();
                matched |= entry.Length == expected.Length
                    && CryptographicOperations.FixedTimeEquals(MemoryMarshalBytes(entry), MemoryMarshalBytes(expected));
            }
        }

        return matched;
    }

    private WebhookVerificationFailure Check(ReadOnlySpan<byte> body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            return WebhookVerificationFailure.MissingHeader;
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return WebhookVerificationFailure.InvalidTimestamp;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)Tolerance.TotalSeconds;
        if (timestamp < now - tolerance)
        {
            return WebhookVerificationFailure.TimestampTooOld;
        }

        if (timestamp > now + tolerance)
        {
            return WebhookVerificationFailure.TimestampTooNew;
        }

        return MatchesAny(body, webhookId, timestamp, webhookSignature)
            ? WebhookVerificationFailure.None
            : WebhookVerificationFailure.NoMatchingSignature;
    }

    private bool MatchesAny(ReadOnlySpan<byte> body, string webhookId, long timestamp, string webhookSignature)
    {
        Span<byte> expected = stackalloc byte[WebhookMac.Size * WebhookSigner.MaxActiveSecrets];
        var count = _secrets.Length;
        for (var i = 0; i < count; i++)
        {
            WebhookMac.ComputeV1(_secrets[i].Key, webhookId, timestamp, body, expected.Slice(i * WebhookMac.Size, WebhookMac.Size));
        }

        Span<byte> candidate = stackalloc byte[WebhookMac.Size + 3];
        var signatures = webhookSignature.AsSpan();
        var matched = false;
        foreach (var range in signatures.Split(' '))
        {
            var entry = signatures[range];
            var comma = entry.IndexOf(',');
            if (comma < 0 || !entry[..comma].SequenceEqual("v1")
                || !Convert.TryFromBase64Chars(entry[(comma + 1)..], candidate, out var written) || written != WebhookMac.Size)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                matched |= CryptographicOperations.FixedTimeEquals(candidate[..WebhookMac.Size], expected.Slice(i * WebhookMac.Size, WebhookMac.Size));
            }
        }

        return matched;
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes(ReadOnlySpan<char> chars) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars);
}
