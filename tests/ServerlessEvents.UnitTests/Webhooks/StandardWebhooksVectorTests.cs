using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using V = ServerlessEvents.UnitTests.Webhooks.StandardWebhooksVectors;

namespace ServerlessEvents.UnitTests.Webhooks;

/// <summary>
/// Our signer checked against the published Standard Webhooks test case and against the StandardWebhooks NuGet package,
/// the verifier receivers use. The package's <c>Verify</c> reads the real clock, so those signatures are made "now".
/// </summary>
public sealed class StandardWebhooksVectorTests
{
    private static readonly WebhookSigner Signer = new();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(V.Payload);

    private static HeaderDictionary Headers(string id, DateTimeOffset at, string signature) => new()
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };

    private static HeaderDictionary SignedNow(IReadOnlyList<WebhookSecret> secrets, string id = V.MessageId, TimeSpan skew = default)
    {
        var at = DateTimeOffset.UtcNow + skew;
        return Headers(id, at, Signer.CreateSignatureHeader(secrets, id, at.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void Our_signer_produces_the_published_signature()
    {
        var signature = Signer.CreateSignatureHeader([WebhookSecret.Parse(V.PrefixedSecret)], V.MessageId, V.Timestamp, Body);
        Assert.Equal(V.ExpectedSignature, signature);
    }

    [Fact]
    public void The_package_signs_the_published_case_and_random_cases_exactly_as_our_signer()
    {
        Assert.Equal(V.ExpectedSignature, new StandardWebhook(V.PrefixedSecret).Sign(V.MessageId, DateTimeOffset.FromUnixTimeSeconds(V.Timestamp), V.Payload));
        for (var i = 0; i < 20; i++)
        {
            var secret = WebhookSecret.Generate();
            var id = "msg_" + Guid.NewGuid().ToString("N");
            var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + (i * 977));
            var body = $"{{\"n\":{i},\"text\":\"caf\u00e9 {Guid.NewGuid()}\"}}";
            Assert.Equal(new StandardWebhook(secret.Reveal()).Sign(id, at, body),
                Signer.CreateSignatureHeader([secret], id, at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body)));
        }
    }

    [Fact]
    public void The_package_verifies_our_signature_with_and_without_the_whsec_prefix()
    {
        var headers = SignedNow([WebhookSecret.Parse(V.PrefixedSecret)]);
        new StandardWebhook(V.PrefixedSecret).Verify(V.Payload, headers);
        new StandardWebhook(V.Secret).Verify(V.Payload, headers);
    }

    [Fact]
    public void During_a_rotation_the_package_verifies_our_two_signatures_with_either_secret_alone_and_refuses_a_third()
    {
        var newSecret = WebhookSecret.Generate();
        var oldSecret = WebhookSecret.Generate();
        var headers = SignedNow([newSecret, oldSecret]);

        Assert.Equal(2, headers["webhook-signature"].ToString().Split(' ').Length);
        StandardWebhooksReceiver.Verify(newSecret.Reveal(), V.Payload, headers);
        StandardWebhooksReceiver.Verify(oldSecret.Reveal(), V.Payload, headers);
        Assert.Throws<WebhookVerificationException>(() => StandardWebhooksReceiver.Verify(WebhookSecret.Generate().Reveal(), V.Payload, headers));
    }

    [Fact]
    public void The_package_alone_ignores_the_last_entry_of_a_rotation_header_which_is_why_receivers_pass_entries_one_by_one()
    {
        var newSecret = WebhookSecret.Generate();
        var oldSecret = WebhookSecret.Generate();
        var headers = SignedNow([newSecret, oldSecret]);

        new StandardWebhook(newSecret.Reveal()).Verify(V.Payload, headers);
        var ex = Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(oldSecret.Reveal()).Verify(V.Payload, headers));
        Assert.Contains("No matching signature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_refuses_a_timestamp_older_than_five_minutes_and_accepts_one_just_inside()
    {
        var secret = WebhookSecret.Generate();
        var webhook = new StandardWebhook(secret.Reveal());
        var tolerance = TimeSpan.FromSeconds(V.ToleranceSeconds);

        var ex = Assert.Throws<WebhookVerificationException>(() => webhook.Verify(V.Payload, SignedNow([secret], skew: -(tolerance + TimeSpan.FromSeconds(10)))));
        Assert.Contains("too old", ex.Message, StringComparison.OrdinalIgnoreCase);
        webhook.Verify(V.Payload, SignedNow([secret], skew: -(tolerance - TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public void The_package_refuses_a_timestamp_more_than_five_minutes_ahead()
    {
        var secret = WebhookSecret.Generate();
        var ex = Assert.Throws<WebhookVerificationException>(() =>
            new StandardWebhook(secret.Reveal()).Verify(V.Payload, SignedNow([secret], skew: TimeSpan.FromSeconds(V.ToleranceSeconds + 10))));
        Assert.Contains("too new", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_package_refuses_a_tampered_body_another_message_id_and_a_wrong_secret()
    {
        var secret = WebhookSecret.Generate();
        var webhook = new StandardWebhook(secret.Reveal());
        var headers = SignedNow([secret]);

        Assert.Throws<WebhookVerificationException>(() => webhook.Verify("{\"test\": 2432232315}", headers));
        headers["webhook-id"] = "msg_other";
        Assert.Throws<WebhookVerificationException>(() => webhook.Verify(V.Payload, headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(V.PrefixedSecret).Verify(V.Payload, SignedNow([secret])));
    }

    [Fact]
    public void The_package_skips_unknown_versions_and_wrong_entries_before_our_valid_one()
    {
        var secret = WebhookSecret.Generate();
        var headers = SignedNow([secret]);
        var ours = headers["webhook-signature"].ToString();
        headers["webhook-signature"] = string.Join(' ', V.WrongSignature, "v1a," + ours[3..], ours);

        StandardWebhooksReceiver.Verify(secret.Reveal(), V.Payload, headers);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void The_package_refuses_a_delivery_missing_the_id_or_the_signature(bool withId, bool withSignature)
    {
        var secret = WebhookSecret.Generate();
        var signed = SignedNow([secret]);
        var headers = new HeaderDictionary { ["webhook-timestamp"] = signed["webhook-timestamp"] };
        if (withId)
        {
            headers["webhook-id"] = signed["webhook-id"];
        }

        if (withSignature)
        {
            headers["webhook-signature"] = signed["webhook-signature"];
        }

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret.Reveal()).Verify(V.Payload, headers));
    }
}
