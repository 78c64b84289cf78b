using System.Security.Cryptography;
using System.Text;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookSignerTests
{
    private static readonly WebhookSigner Signer = new();

    [Fact]
    public void Legacy_signature_matches_the_GitHub_documentation_vector_when_the_key_is_the_same_bytes()
    {
        var secret = WebhookSecret.FromKey(Encoding.UTF8.GetBytes("It's a Secret to Everybody"));
        var header = Signer.CreateLegacySignatureHeader([secret], Encoding.UTF8.GetBytes("Hello, World!"));
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", header);
    }

    [Fact]
    public void Legacy_signature_is_keyed_by_the_decoded_secret_bytes()
    {
        var secret = WebhookSecret.Generate();
        var key = Convert.FromBase64String(secret.Reveal()["whsec_".Length..]);
        var body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\"}");
        var expected = "sha256=" + Convert.ToHexStringLower(new HMACSHA256(key).ComputeHash(body));
        Assert.Equal(expected, Signer.CreateLegacySignatureHeader([secret], body));
    }

    [Fact]
    public void Several_secrets_give_space_separated_v1_and_comma_separated_legacy_entries_newest_first()
    {
        WebhookSecret newest = WebhookSecret.Generate(), oldest = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes("{}");
        var v1 = Signer.CreateSignatureHeader([newest, oldest], "msg_1", 1700000000, body);
        var legacy = Signer.CreateLegacySignatureHeader([newest, oldest], body);

        Assert.Equal(
            Signer.CreateSignatureHeader([newest], "msg_1", 1700000000, body) + " " + Signer.CreateSignatureHeader([oldest], "msg_1", 1700000000, body),
            v1);
        Assert.Equal(
            Signer.CreateLegacySignatureHeader([newest], body) + "," + Signer.CreateLegacySignatureHeader([oldest], body),
            legacy);
    }

    [Fact]
    public void Large_body_signs_like_a_plain_HMAC_over_the_concatenated_content()
    {
        var secret = WebhookSecret.Generate();
        var key = Convert.FromBase64String(secret.Reveal()["whsec_".Length..]);
        var body = RandomNumberGenerator.GetBytes(100_000);
        var content = Encoding.UTF8.GetBytes("msg_big.1700000000.").Concat(body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
        Assert.Equal(expected, Signer.CreateSignatureHeader([secret], "msg_big", 1700000000, body));
    }

    [Fact]
    public void CreateHeaders_returns_every_delivery_header()
    {
        var secret = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\"}");
        var message = new WebhookMessage("msg_abc", "evt-1", "order.created", body);
        var at = DateTimeOffset.FromUnixTimeSeconds(1700000123);

        var headers = Signer.CreateHeaders(message, [secret], at).ToDictionary(h => h.Key, h => h.Value);

        Assert.Equal("msg_abc", headers["webhook-id"]);
        Assert.Equal("1700000123", headers["webhook-timestamp"]);
        Assert.Equal(Signer.CreateSignatureHeader([secret], "msg_abc", 1700000123, body), headers["webhook-signature"]);
        Assert.Equal(Signer.CreateLegacySignatureHeader([secret], body), headers["X-Webhook-Signature"]);
        Assert.Equal("order.created", headers["X-Event-Type"]);
        Assert.Equal("evt-1", headers["X-Event-Id"]);
        Assert.Equal("application/cloudevents+json", headers["Content-Type"]);
        Assert.Equal(7, headers.Count);
        Assert.Equal(new StandardWebhooks.StandardWebhook(secret.Reveal()).Sign("msg_abc", at, "{\"specversion\":\"1.0\"}"), headers["webhook-signature"]);
    }

    [Theory]
    [InlineData("msg.1")]
    [InlineData("msg 1")]
    [InlineData("")]
    [InlineData("msg_\n1")]
    [InlineData("msg_é")]
    public void Webhook_id_with_dot_space_control_or_non_ascii_is_refused(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => Signer.CreateSignatureHeader([WebhookSecret.Generate()], id, 1, "{}"u8));
    }

    [Fact]
    public void Event_type_with_a_newline_is_refused()
    {
        var message = new WebhookMessage("msg_1", "evt", "order.created\r\nX-Injected: 1", "{}"u8.ToArray());
        Assert.Throws<ArgumentException>(() => Signer.CreateHeaders(message, [WebhookSecret.Generate()], DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void No_secret_or_too_many_secrets_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Signer.CreateSignatureHeader([], "msg_1", 1, "{}"u8));
        var nine = Enumerable.Range(0, 9).Select(_ => WebhookSecret.Generate()).ToArray();
        Assert.Throws<ArgumentException>(() => Signer.CreateLegacySignatureHeader(nine, "{}"u8));
    }

    [Fact]
    public void Timestamp_is_written_as_plain_unix_seconds()
    {
        var secret = WebhookSecret.Generate();
        var key = Convert.FromBase64String(secret.Reveal()["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, "m.9999999999.x"u8));
        Assert.Equal(expected, Signer.CreateSignatureHeader([secret], "m", 9_999_999_999, "x"u8));
    }
}
