using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// The <c>metrics</c> Event Grid subscriber: counts each published event exactly once (marker and counter in one
/// transaction). A storage failure fails the invocation, so Event Grid retries and the count is not lost.
/// </summary>
public sealed class MetricsSubscriber(MetricsRecorder recorder) : IEventSubscriber
{
    /// <inheritdoc />
    public string FunctionName => "metrics";

    /// <inheritdoc />
    public async Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        await recorder.RecordDeliveredAsync(delivered, cancellationToken);
        return SubscriberResult.Done;
    }
}
