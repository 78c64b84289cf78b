using System.Globalization;
using System.Text;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookVerifierTests
{
    private static readonly WebhookSigner Signer = new();
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"type\":\"order.created\"}");

    private static (string Id, string Ts, string Sig) Sign(DateTimeOffset at, params WebhookSecret[] secrets)
    {
        var headers = Signer.CreateHeaders(new WebhookMessage("msg_rt1", "evt-1", "order.created", Body), secrets, at)
            .ToDictionary(h => h.Key, h => h.Value);
        return (headers[WebhookHeaderNames.Id], headers[WebhookHeaderNames.Timestamp], headers[WebhookHeaderNames.Signature]);
    }

    private static WebhookVerifier For(params WebhookSecret[] secrets) => new(secrets, timeProvider: new FixedTimeProvider(Now));

    [Fact]
    public void Round_trip_with_one_secret_verifies()
    {
        var secret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now, secret);
        For(secret).Verify(Body, id, ts, sig);
    }

    [Fact]
    public void Rotation_signature_verifies_with_the_old_or_the_new_secret_alone()
    {
        WebhookSecret oldSecret = WebhookSecret.Generate(), newSecret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now, newSecret, oldSecret);
        Assert.Equal(2, sig.Split(' ').Length);
        For(oldSecret).Verify(Body, id, ts, sig);
        For(newSecret).Verify(Body, id, ts, sig);
        Assert.False(For(WebhookSecret.Generate()).TryVerify(Body, id, ts, sig, out _));
    }

    [Fact]
    public void Receiver_holding_both_secrets_accepts_a_signature_made_with_either()
    {
        WebhookSecret oldSecret = WebhookSecret.Generate(), newSecret = WebhookSecret.Generate();
        var receiver = For(newSecret, oldSecret);
        var (id, ts, sig) = Sign(Now, oldSecret);
        receiver.Verify(Body, id, ts, sig);
        (id, ts, sig) = Sign(Now, newSecret);
        receiver.Verify(Body, id, ts, sig);
    }

    [Fact]
    public void Stale_timestamp_is_rejected_even_with_a_valid_signature()
    {
        var secret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now.AddMinutes(-6), secret);
        var ex = Assert.Throws<WebhookVerificationException>(() => For(secret).Verify(Body, id, ts, sig));
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, ex.Reason);
    }

    [Fact]
    public void Custom_tolerance_is_applied_in_both_directions()
    {
        var secret = WebhookSecret.Generate();
        var verifier = new WebhookVerifier([secret], TimeSpan.FromSeconds(30), new FixedTimeProvider(Now));
        var (id, ts, sig) = Sign(Now.AddSeconds(-31), secret);
        Assert.False(verifier.TryVerify(Body, id, ts, sig, out var reason));
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, reason);
        (id, ts, sig) = Sign(Now.AddSeconds(31), secret);
        Assert.False(verifier.TryVerify(Body, id, ts, sig, out reason));
        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, reason);
        (id, ts, sig) = Sign(Now.AddSeconds(29), secret);
        Assert.True(verifier.TryVerify(Body, id, ts, sig, out reason));
        Assert.Equal(WebhookVerificationFailure.None, reason);
    }

    [Fact]
    public void Tampered_body_is_rejected()
    {
        var secret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now, secret);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;
        var ex = Assert.Throws<WebhookVerificationException>(() => For(secret).Verify(tampered, id, ts, sig));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, ex.Reason);
    }

    [Fact]
    public void Replayed_signature_with_a_moved_timestamp_is_rejected()
    {
        var secret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now, secret);
        var moved = (long.Parse(ts, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        Assert.False(For(secret).TryVerify(Body, id, moved, sig, out var reason));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, reason);
    }

    [Fact]
    public void Wrong_secret_is_rejected()
    {
        var (id, ts, sig) = Sign(Now, WebhookSecret.Generate());
        var ex = Assert.Throws<WebhookVerificationException>(() => For(WebhookSecret.Generate()).Verify(Body, id, ts, sig));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, ex.Reason);
    }

    [Fact]
    public void Unknown_versions_are_skipped_and_a_later_v1_still_matches()
    {
        var secret = WebhookSecret.Generate();
        var (id, ts, sig) = Sign(Now, secret);
        For(secret).Verify(Body, id, ts, "v1a,AAAA v2,BBBB " + sig);
    }

    [Fact]
    public void Legacy_header_verifies_with_either_rotated_secret_and_fails_when_tampered()
    {
        WebhookSecret oldSecret = WebhookSecret.Generate(), newSecret = WebhookSecret.Generate();
        var legacy = Signer.CreateLegacySignatureHeader([newSecret, oldSecret], Body);
        Assert.True(For(oldSecret).TryVerifyLegacy(Body, legacy));
        Assert.True(For(newSecret).TryVerifyLegacy(Body, legacy));
        Assert.False(For(WebhookSecret.Generate()).TryVerifyLegacy(Body, legacy));
        Assert.False(For(newSecret).TryVerifyLegacy(Encoding.UTF8.GetBytes("{}"), legacy));
        Assert.False(For(newSecret).TryVerifyLegacy(Body, null));
    }

    [Fact]
    public void Verifier_requires_one_to_eight_secrets()
    {
        Assert.Throws<ArgumentException>(() => new WebhookVerifier(Array.Empty<WebhookSecret>()));
        Assert.Throws<ArgumentException>(() => new WebhookVerifier(Enumerable.Range(0, 9).Select(_ => WebhookSecret.Generate())));
        Assert.Throws<FormatException>(() => new WebhookVerifier("not a secret"));
    }
}
