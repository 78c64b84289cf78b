using System.Text;
using ServerlessEvents.Functions.Webhooks;
using V = ServerlessEvents.UnitTests.Webhooks.StandardWebhooksVectors;

namespace ServerlessEvents.UnitTests.Webhooks;

/// <summary>The published Standard Webhooks library test cases, run against our signer and verifier.</summary>
public sealed class StandardWebhooksVectorTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(V.Payload);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(V.Timestamp);

    private static WebhookVerifier Verifier(string secret = V.Secret) => new(secret, timeProvider: new FixedTimeProvider(Now));

    private static string Ts(long seconds = V.Timestamp) => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Sign_produces_the_published_signature()
    {
        var signature = new WebhookSigner().CreateSignatureHeader([WebhookSecret.Parse(V.PrefixedSecret)], V.MessageId, V.Timestamp, Body);
        Assert.Equal(V.ExpectedSignature, signature);
    }

    [Fact]
    public void Valid_signature_verifies()
    {
        Verifier().Verify(Body, V.MessageId, Ts(), V.ExpectedSignature);
    }

    [Fact]
    public void Verification_works_with_and_without_the_whsec_prefix()
    {
        Verifier(V.Secret).Verify(Body, V.MessageId, Ts(), V.ExpectedSignature);
        Verifier(V.PrefixedSecret).Verify(Body, V.MessageId, Ts(), V.ExpectedSignature);
    }

    [Fact]
    public void Text_body_overload_verifies_the_same_bytes()
    {
        Verifier().Verify(V.Payload, V.MessageId, Ts(), V.ExpectedSignature);
    }

    [Theory]
    [InlineData(null, "1614265330", V.ExpectedSignature)]
    [InlineData(V.MessageId, null, V.ExpectedSignature)]
    [InlineData(V.MessageId, "1614265330", null)]
    [InlineData("", "1614265330", V.ExpectedSignature)]
    [InlineData(V.MessageId, "", V.ExpectedSignature)]
    [InlineData(V.MessageId, "1614265330", "")]
    public void Missing_header_is_rejected(string? id, string? timestamp, string? signature)
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, id, timestamp, signature));
        Assert.Equal(WebhookVerificationFailure.MissingHeader, ex.Reason);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("-1614265330")]
    [InlineData("1614265330.5")]
    [InlineData(" 1614265330")]
    public void Invalid_timestamp_is_rejected(string timestamp)
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, V.MessageId, timestamp, V.ExpectedSignature));
        Assert.Equal(WebhookVerificationFailure.InvalidTimestamp, ex.Reason);
    }

    [Theory]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=")]
    [InlineData("v1,dawfeoifkpqwoekfpqoekf")]
    [InlineData("v1,g0hM9Ss")]
    [InlineData("v1,")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Invalid_or_partial_signature_is_rejected(string signature)
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, V.MessageId, Ts(), signature));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, ex.Reason);
    }

    [Fact]
    public void Timestamp_older_than_tolerance_is_rejected()
    {
        var ex = Assert.Throws<WebhookVerificationException>(() =>
            Verifier().Verify(Body, V.MessageId, Ts(V.Timestamp - V.ToleranceSeconds - 1), V.ExpectedSignature));
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, ex.Reason);
    }

    [Fact]
    public void Timestamp_newer_than_tolerance_is_rejected()
    {
        var ex = Assert.Throws<WebhookVerificationException>(() =>
            Verifier().Verify(Body, V.MessageId, Ts(V.Timestamp + V.ToleranceSeconds + 1), V.ExpectedSignature));
        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, ex.Reason);
    }

    [Fact]
    public void Timestamp_exactly_at_the_tolerance_edge_still_checks_the_signature()
    {
        var verifier = new WebhookVerifier(V.Secret, timeProvider: new FixedTimeProvider(Now.AddSeconds(V.ToleranceSeconds)));
        verifier.Verify(Body, V.MessageId, Ts(), V.ExpectedSignature);
    }

    [Fact]
    public void Several_signatures_with_one_valid_verify()
    {
        var header = string.Join(' ', V.WrongSignature, "v2," + V.WrongSignature[3..], V.ExpectedSignature, V.WrongSignature);
        Verifier().Verify(Body, V.MessageId, Ts(), header);
    }

    [Fact]
    public void Several_signatures_none_valid_are_rejected()
    {
        var header = string.Join(' ', V.WrongSignature, "v1a,abcd", V.WrongSignature);
        Assert.False(Verifier().TryVerify(Body, V.MessageId, Ts(), header, out var reason));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, reason);
    }

    [Fact]
    public void Tampered_body_is_rejected()
    {
        var tampered = Encoding.UTF8.GetBytes("{\"test\": 2432232315}");
        Assert.False(Verifier().TryVerify(tampered, V.MessageId, Ts(), V.ExpectedSignature, out var reason));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, reason);
    }

    [Fact]
    public void Other_message_id_is_rejected()
    {
        Assert.False(Verifier().TryVerify(Body, "msg_other", Ts(), V.ExpectedSignature, out _));
    }

    [Fact]
    public void Wrong_secret_is_rejected()
    {
        var verifier = new WebhookVerifier([WebhookSecret.Generate()], timeProvider: new FixedTimeProvider(Now));
        Assert.False(verifier.TryVerify(Body, V.MessageId, Ts(), V.ExpectedSignature, out var reason));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, reason);
    }

    [Fact]
    public void Header_lookup_overload_reads_the_standard_header_names()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Webhook-Id"] = V.MessageId,
            ["Webhook-Timestamp"] = Ts(),
            ["Webhook-Signature"] = V.ExpectedSignature,
        };
        Verifier().Verify(Body, name => headers.GetValueOrDefault(name));
        headers.Remove("webhook-id");
        var ex = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, name => headers.GetValueOrDefault(name)));
        Assert.Equal(WebhookVerificationFailure.MissingHeader, ex.Reason);
    }
}
