using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// The <c>outboxSweeper</c> timer (every 30 s): publishes what was stored but not yet published, so a crash between
/// store and publish loses nothing. A broker outage fails the run; the next run picks up where it stopped.
/// </summary>
public sealed class OutboxSweeperFunction(OutboxSweeper sweeper)
{
    /// <summary>One sweep.</summary>
    [Function("outboxSweeper")]
    public Task SweepAsync([TimerTrigger("*/30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
