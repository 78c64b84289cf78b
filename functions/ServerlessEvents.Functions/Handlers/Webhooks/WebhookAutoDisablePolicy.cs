using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Decides when a subscription is disabled: at once on 410 Gone, or when every delivery has failed since a
/// first failure at least <see cref="WebhookOptions.AutoDisableAfter"/> ago (any success resets the streak).
/// </summary>
public sealed class WebhookAutoDisablePolicy
{
    private readonly TimeSpan _after;

    /// <summary>Creates the policy from options.</summary>
    public WebhookAutoDisablePolicy(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _after = options.Value.AutoDisableAfter;
    }

    /// <summary>
    /// True when the subscription should be disabled after <paramref name="latest"/>, given the first failure of the
    /// current unbroken failure streak (null when the last delivery succeeded).
    /// </summary>
    public bool ShouldDisable(WebhookAttemptOutcome latest, DateTimeOffset? failingSince, DateTimeOffset now) => latest switch
    {
        WebhookAttemptOutcome.Gone => true,
        WebhookAttemptOutcome.Succeeded => false,
        _ => failingSince is { } since && now - since >= _after,
    };
}
