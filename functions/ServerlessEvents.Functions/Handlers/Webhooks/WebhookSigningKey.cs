namespace ServerlessEvents.Functions.Webhooks;

/// <summary>A subscription's secret and when it was created (rotations add a new key; old ones age out).</summary>
/// <param name="Secret">The secret.</param>
/// <param name="CreatedAt">When it was created; the newest key signs first.</param>
public sealed record WebhookSigningKey(WebhookSecret Secret, DateTimeOffset CreatedAt);
