namespace ServerlessEvents.UnitTests.Webhooks;

/// <summary>A clock that stands still at a given instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
