using Azure.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.SampleWorker;

/// <summary>Event Grid triggers over each parameter type the trigger library binds; "sample.fail" events throw.</summary>
public sealed class EventGridFunctions(ILogger<EventGridFunctions> logger)
{
    [Function("OnCloudEvent")]
    public void OnCloudEvent([EventGridTrigger] CloudEvent cloudEvent)
    {
        logger.LogInformation("CloudEvent {Id} of type {Type} from {Source}: {Data}", cloudEvent.Id, cloudEvent.Type, cloudEvent.Source, cloudEvent.Data?.ToString());
        if (cloudEvent.Type == "sample.fail")
        {
            throw new InvalidOperationException($"Event {cloudEvent.Id} fails on purpose.");
        }
    }

    [Function("OnEventText")]
    public void OnEventText([EventGridTrigger] string eventText) =>
        logger.LogInformation("Event text of {Length} characters: {Text}", eventText.Length, eventText);

    [Function("OnEventBytes")]
    public void OnEventBytes([EventGridTrigger] BinaryData eventBytes) =>
        logger.LogInformation("Event bytes: {Length}", eventBytes.ToMemory().Length);

    [Function("OnEventBatch")]
    public void OnEventBatch([EventGridTrigger(IsBatched = true)] CloudEvent[] cloudEvents) =>
        logger.LogInformation("Batch of {Count}: {Ids}", cloudEvents.Length, string.Join(",", cloudEvents.Select(e => e.Id)));
}
