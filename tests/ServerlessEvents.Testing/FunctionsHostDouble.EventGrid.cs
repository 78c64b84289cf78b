using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.Testing;

/// <summary>Event Grid fan-out: what the topic's subscriptions (infra/topology.json) plus the host do.</summary>
public sealed partial class FunctionsHostDouble
{
    /// <summary>The topology the script root ships (the same file Bicep and the local relay read).</summary>
    public TopologyDocument Topology => _topology ??= TopologyReader.LoadFile(Path.Combine(Definitions.Root, TopologyReader.FileName));
    private TopologyDocument? _topology;

    /// <summary>
    /// Delivers one published CloudEvent to every eventGridTrigger function whose subscription filter matches,
    /// as Event Grid plus the host would. A failed invocation is retried up to <paramref name="attempts"/> times
    /// in total (Event Grid's retry); the outcomes of every attempt are returned.
    /// </summary>
    public async Task<IReadOnlyList<InvocationOutcome>> DeliverToSubscribersAsync(JsonObject cloudEvent, int attempts = 1, CancellationToken cancellationToken = default)
    {
        var json = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString());
        var type = cloudEvent["type"]?.GetValue<string>() ?? "";
        var subject = cloudEvent["subject"]?.GetValue<string>();
        var outcomes = new List<InvocationOutcome>();
        foreach (var subscription in Topology.HandlersFor(type, subject, json))
        {
            if (!Definitions.Functions.ContainsKey(subscription.FunctionName))
            {
                continue;
            }
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                var outcome = await DeliverEventGridAsync(subscription.FunctionName, cloudEvent, cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Succeeded)
                {
                    break;
                }
            }
        }
        return outcomes;
    }

    /// <summary>Makes the Event Grid stand-in deliver every accepted event to the subscribers, like a live topic.</summary>
    public void ConnectEventGrid(EventGridSink sink) =>
        sink.Forward = async batch =>
        {
            foreach (var e in batch)
            {
                await DeliverToSubscribersAsync(e);
            }
        };
}
