using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Publishing;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// Re-publishes stored events to the same topic with the original id plus the <c>replayid</c> extension and, for
/// a targeted replay, <c>replaytarget</c>. The stored events are untouched: only the published copy changes.
/// </summary>
public class ReplayPublisher(IEventPublisher publisher)
{
    /// <summary>Publishes the events of one chunk.</summary>
    public virtual Task PublishAsync(ReplayRecord replay, IReadOnlyList<byte[]> storedJson, CancellationToken cancellationToken = default)
    {
        var events = storedJson.Select(json => Mark(json, replay)).ToArray();
        return events.Length == 0 ? Task.CompletedTask : publisher.PublishAsync(events, cancellationToken);
    }

    /// <summary>The published form of one replayed event.</summary>
    public static PublishableEvent Mark(byte[] storedJson, ReplayRecord replay)
    {
        var node = JsonNode.Parse(storedJson)!.AsObject();
        node[CanonicalEvent.ReplayExtension] = replay.ReplayId;
        node.Remove(CanonicalEvent.ReplayTargetExtension);
        if (replay.Target.Extension is { } target)
        {
            node[CanonicalEvent.ReplayTargetExtension] = target;
        }
        var json = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
        return new PublishableEvent(node["id"]!.GetValue<string>(), node["source"]!.GetValue<string>(), node["type"]!.GetValue<string>(),
            node["subject"]?.GetValue<string>(), json);
    }
}
