using System.Globalization;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Signs webhook deliveries. Standard Webhooks v1: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256(key, "{id}.{ts}.{body}")&gt;</c>,
/// one space-separated entry per active secret, newest first. Legacy: <c>X-Webhook-Signature: sha256=&lt;hex HMAC-SHA256(key, body)&gt;</c>,
/// keyed by the same decoded secret bytes, one comma-separated entry per active secret, newest first. Thread-safe and stateless.
/// </summary>
public sealed class WebhookSigner
{
    /// <summary>Most secrets signed with at once (rotation overlap needs two).</summary>
    public const int MaxActiveSecrets = 8;

    /// <summary>The <c>webhook-signature</c> value for the secrets, newest first.</summary>
    public string CreateSignatureHeader(IReadOnlyList<WebhookSecret> secrets, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        CheckSecrets(secrets);
        ValidateWebhookId(webhookId);
        Span<char> chars = stackalloc char[MaxActiveSecrets * (WebhookMac.V1EntryLength + 1)];
        Span<byte> mac = stackalloc byte[WebhookMac.Size];
        var length = 0;
        for (var i = 0; i < secrets.Count; i++)
        {
            if (i > 0)
            {
                chars[length++] = ' ';
            }

            WebhookMac.ComputeV1(secrets[i].Key, webhookId, timestamp, body, mac);
            length += WebhookMac.WriteV1Entry(mac, chars[length..]);
        }

        return new string(chars[..length]);
    }

    /// <summary>The legacy <c>X-Webhook-Signature</c> value for the secrets, newest first, comma-separated.</summary>
    public string CreateLegacySignatureHeader(IReadOnlyList<WebhookSecret> secrets, ReadOnlySpan<byte> body)
    {
        CheckSecrets(secrets);
        Span<char> chars = stackalloc char[MaxActiveSecrets * (WebhookMac.LegacyEntryLength + 1)];
        var length = 0;
        for (var i = 0; i < secrets.Count; i++)
        {
            if (i > 0)
            {
                chars[length++] = ',';
            }

            length += WebhookMac.WriteLegacyEntry(secrets[i].Key, body, chars[length..]);
        }

        return new string(chars[..length]);
    }

    /// <summary>
    /// Every header of one delivery attempt: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>,
    /// <c>X-Webhook-Signature</c>, <c>X-Event-Type</c>, <c>X-Event-Id</c> and <c>Content-Type</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> CreateHeaders(WebhookMessage message, IReadOnlyList<WebhookSecret> secrets, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(message);
        ValidateHeaderValue(message.EventId, nameof(message.EventId));
        ValidateHeaderValue(message.EventType, nameof(message.EventType));
        var unixSeconds = timestamp.ToUnixTimeSeconds();
        var body = message.Body.Span;
        return
        [
            new(WebhookHeaderNames.Id, message.DeliveryId),
            new(WebhookHeaderNames.Timestamp, unixSeconds.ToString(CultureInfo.InvariantCulture)),
            new(WebhookHeaderNames.Signature, CreateSignatureHeader(secrets, message.DeliveryId, unixSeconds, body)),
            new(WebhookHeaderNames.LegacySignature, CreateLegacySignatureHeader(secrets, body)),
            new(WebhookHeaderNames.EventType, message.EventType),
            new(WebhookHeaderNames.EventId, message.EventId),
            new("Content-Type", WebhookHeaderNames.CloudEventsContentType),
        ];
    }

    /// <summary>
    /// Checks a <c>webhook-id</c>: 1–256 printable ASCII characters without '.', whitespace or controls
    /// (the signed content is dot-separated, and the id travels in a header).
    /// </summary>
    public static void ValidateWebhookId(string webhookId)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (webhookId.Length > 256 || webhookId.AsSpan().ContainsAnyExceptInRange('!', '~') || webhookId.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook id is 1-256 printable ASCII characters without '.' or spaces.", nameof(webhookId));
        }
    }

    private static void ValidateHeaderValue(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            throw new ArgumentException($"{name} must be printable ASCII to travel in a header.", name);
        }
    }

    private static void CheckSecrets(IReadOnlyList<WebhookSecret> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count is 0 or > MaxActiveSecrets)
        {
            throw new ArgumentException($"Sign with 1-{MaxActiveSecrets} secrets.", nameof(secrets));
        }
    }
}
