using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookAutoDisablePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookAutoDisablePolicy Policy = new(Options.Create(new WebhookOptions()));

    [Fact]
    public void Gone_disables_at_once()
    {
        Assert.True(Policy.ShouldDisable(WebhookAttemptOutcome.Gone, null, Now));
    }

    [Fact]
    public void Failures_for_five_days_disable_and_shorter_streaks_do_not()
    {
        Assert.True(Policy.ShouldDisable(WebhookAttemptOutcome.Retry, Now.AddDays(-5), Now));
        Assert.False(Policy.ShouldDisable(WebhookAttemptOutcome.Retry, Now.AddDays(-5).AddMinutes(1), Now));
        Assert.False(Policy.ShouldDisable(WebhookAttemptOutcome.Retry, null, Now));
    }

    [Fact]
    public void Success_never_disables()
    {
        Assert.False(Policy.ShouldDisable(WebhookAttemptOutcome.Succeeded, Now.AddDays(-30), Now));
    }
}
