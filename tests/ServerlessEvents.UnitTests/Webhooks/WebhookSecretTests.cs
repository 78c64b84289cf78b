using System.Security.Cryptography;
using System.Text;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookSecretTests
{
    [Fact]
    public void Generated_secret_is_whsec_and_base64_of_32_random_bytes()
    {
        var first = WebhookSecret.Generate().Reveal();
        var second = WebhookSecret.Generate().Reveal();
        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Parse_round_trips_with_and_without_prefix()
    {
        var secret = WebhookSecret.Generate();
        var text = secret.Reveal();
        Assert.Equal(text, WebhookSecret.Parse(text).Reveal());
        Assert.Equal(text, WebhookSecret.Parse(text["whsec_".Length..]).Reveal());
        Assert.Equal(secret.Fingerprint, WebhookSecret.Parse(text).Fingerprint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("whsec_")]
    [InlineData("whsec_not*base64!")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 21 bytes: too short
    public void Malformed_or_short_secret_is_refused(string text)
    {
        Assert.False(WebhookSecret.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => WebhookSecret.Parse(text));
        Assert.DoesNotContain("AAAA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_sizes_from_24_to_64_bytes_are_accepted_and_others_refused()
    {
        Assert.True(WebhookSecret.TryParse(Convert.ToBase64String(new byte[24]), out _));
        Assert.True(WebhookSecret.TryParse(Convert.ToBase64String(new byte[64]), out _));
        Assert.False(WebhookSecret.TryParse(Convert.ToBase64String(new byte[23]), out _));
        Assert.False(WebhookSecret.TryParse(Convert.ToBase64String(new byte[65]), out _));
        Assert.Throws<ArgumentException>(() => WebhookSecret.FromKey(new byte[65]));
    }

    [Fact]
    public void ToString_is_redacted_and_never_contains_the_key()
    {
        var secret = WebhookSecret.Generate();
        var text = secret.ToString();
        var key = secret.Reveal()["whsec_".Length..];
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..8], $"{secret}", StringComparison.Ordinal);
        Assert.Equal($"whsec_[redacted:{secret.Fingerprint}]", text);
    }

    [Fact]
    public void Fingerprint_is_the_first_four_bytes_of_the_key_hash()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var expected = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 4));
        Assert.Equal(expected, WebhookSecret.FromKey(key).Fingerprint);
        Assert.Equal(expected, WebhookSecret.Parse(Convert.ToBase64String(key)).Fingerprint);
        Assert.NotEqual(expected, WebhookSecret.FromKey(Encoding.UTF8.GetBytes("another secret of 24+ bytes")).Fingerprint);
    }
}
