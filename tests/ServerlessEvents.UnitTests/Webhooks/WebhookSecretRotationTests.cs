using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookSecretRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookSecretRotation Rotation = new(Options.Create(new WebhookOptions { SecretRotationOverlap = TimeSpan.FromHours(24) }));

    [Fact]
    public void Single_key_is_the_only_active_secret()
    {
        var key = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddDays(-30));
        Assert.Equal([key.Secret], Rotation.SelectActive([key], Now));
    }

    [Fact]
    public void Old_key_keeps_signing_second_during_the_overlap()
    {
        var old = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddDays(-30));
        var fresh = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddHours(-23));
        Assert.Equal([fresh.Secret, old.Secret], Rotation.SelectActive([old, fresh], Now));
    }

    [Fact]
    public void Old_key_stops_signing_once_the_overlap_has_passed()
    {
        var old = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddDays(-30));
        var fresh = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddHours(-24));
        Assert.Equal([fresh.Secret], Rotation.SelectActive([old, fresh], Now));
    }

    [Fact]
    public void Key_scheduled_in_the_future_is_not_used_yet()
    {
        var current = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddDays(-1));
        var future = new WebhookSigningKey(WebhookSecret.Generate(), Now.AddHours(1));
        Assert.Equal([current.Secret], Rotation.SelectActive([future, current], Now));
        Assert.Empty(Rotation.SelectActive([future], Now));
    }
}
